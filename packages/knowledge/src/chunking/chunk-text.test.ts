import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkText } from './chunk-text.ts';
import { splitSentences } from './split-sentences.ts';

const withoutSpace = (text: string) => text.replace(/\s+/g, '');

/** Whether `needle` appears in `haystack` in order, possibly with gaps (overlap repeats text). */
function isSubsequence(needle: string, haystack: string): boolean {
  const wanted = [...needle];
  let at = 0;
  for (const character of haystack) if (character === wanted[at]) at += 1;
  return at === wanted.length;
}

describe('splitSentences', () => {
  it('ends sentences at Chinese and English punctuation and keeps every character', () => {
    const text = '第一句。第二句！第三句？第四句；End one. End two! Pi is 3.14 ok';
    const sentences = splitSentences(text);
    expect(sentences).toEqual([
      '第一句。',
      '第二句！',
      '第三句？',
      '第四句；',
      'End one. ',
      'End two! ',
      'Pi is 3.14 ok',
    ]);
    expect(sentences.join('')).toBe(text);
  });
});

describe('chunkText', () => {
  it('starts a chunk at each Markdown heading and keeps the heading with its text', () => {
    const chunks = chunkText('# Billing\n\nInvoices go out monthly.\n\n## Refunds\n\nRefunds take 5 days.', {
      size: 800,
      overlap: 100,
    });
    expect(chunks).toEqual([
      { text: '# Billing\n\nInvoices go out monthly.', position: 0 },
      { text: '## Refunds\n\nRefunds take 5 days.', position: 1 },
    ]);
  });

  it('packs whole paragraphs and cuts a long one at sentences, Chinese included', () => {
    const sentence = '退款会在五个工作日内原路返回。';
    const chunks = chunkText(sentence.repeat(20), { size: 100, overlap: 0 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(100);
      expect(chunk.text.endsWith('。')).toBe(true);
    }
  });

  it('repeats the end of the previous chunk as overlap, as whole sentences when they fit', () => {
    const text = Array.from({ length: 12 }, (_, index) => `Sentence number ${index} is here.`).join(' ');
    const [first, second] = chunkText(text, { size: 120, overlap: 40 });
    const lastSentence = first?.text.split('. ').at(-1) ?? '';
    expect(second?.text.startsWith(lastSentence.replace(/\.$/, ''))).toBe(true);
  });

  it('does not cut inside a code fence at a # line', () => {
    const chunks = chunkText('# Setup\n\n```sh\n# not a heading\nnpm start\n```', { size: 800, overlap: 0 });
    expect(chunks).toHaveLength(1);
  });

  it('never loses text, never exceeds the size, numbers positions from 0 (any input)', () => {
    const word = fc.oneof(
      fc.constantFrom('退款', '政策', '。', '！', '？', '；', '. ', '\n', '\n\n', '# ', '## ', '```', ' '),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    const text = fc.array(word, { maxLength: 200 }).map((words) => words.join(''));
    const settings = fc
      .record({ size: fc.integer({ min: 10, max: 400 }), overlap: fc.integer({ min: 0, max: 399 }) })
      .filter(({ size, overlap }) => overlap < size);
    fc.assert(
      fc.property(text, settings, (input, chunking) => {
        const chunks = chunkText(input, chunking);
        chunks.forEach((chunk, index) => {
          expect(chunk.position).toBe(index);
          expect(chunk.text.length).toBeLessThanOrEqual(chunking.size);
          expect(chunk.text.trim()).toBe(chunk.text);
          expect(chunk.text).not.toBe('');
        });
        const all = withoutSpace(chunks.map((chunk) => chunk.text).join(''));
        expect(isSubsequence(withoutSpace(input.replace(/\r\n?/g, '\n')), all)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is as long as the text when overlap is 0 (nothing repeated, nothing dropped)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), (input) => {
        const chunks = chunkText(input, { size: 50, overlap: 0 });
        expect(withoutSpace(chunks.map((chunk) => chunk.text).join(''))).toBe(withoutSpace(input));
      }),
    );
  });
});
