import { describe, expect, it } from 'vitest';
import type { BlockNode, InlineNode } from './markdown-tree.ts';
import { parseMarkdown } from './parse-markdown.ts';

const text = (value: string): InlineNode => ({ type: 'text', text: value });
const paragraph = (...children: InlineNode[]): BlockNode => ({ type: 'paragraph', children });

/** Every node of the tree, depth first. */
function* walk(nodes: readonly (BlockNode | InlineNode)[]): Generator<BlockNode | InlineNode> {
  for (const node of nodes) {
    yield node;
    if ('children' in node) yield* walk(node.children);
    if (node.type === 'list') for (const item of node.items) yield* walk(item);
  }
}

describe('parseMarkdown', () => {
  it('parses headings, paragraphs with line breaks, rules and quotes', () => {
    expect(parseMarkdown('# Title #\n\nline one\nline two\n\n---\n> quoted\n> more')).toEqual([
      { type: 'heading', level: 1, children: [text('Title')] },
      paragraph(text('line one'), { type: 'break' }, text('line two')),
      { type: 'rule' },
      { type: 'quote', children: [paragraph(text('quoted'), { type: 'break' }, text('more'))] },
    ]);
    expect(parseMarkdown('###### six\n####### seven')).toEqual([
      { type: 'heading', level: 6, children: [text('six')] },
      paragraph(text('####### seven')),
    ]);
  });

  it('parses bullet and numbered lists, with nesting, continuation lines and a start number', () => {
    expect(parseMarkdown('- one\n  more\n- two\n  - inner\n\n3. three\n4) four')).toEqual([
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [
          [paragraph(text('one'), { type: 'break' }, text('more'))],
          [
            paragraph(text('two')),
            { type: 'list', ordered: false, start: 1, items: [[paragraph(text('inner'))]] },
          ],
        ],
      },
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [[paragraph(text('three'))], [paragraph(text('four'))]],
      },
    ]);
  });

  it('keeps a list going across blank lines between items, and ends it at a paragraph', () => {
    const [list, after] = parseMarkdown('* a\n\n* b\n\nafter');
    expect(list?.type === 'list' && list.items).toHaveLength(2);
    expect(after).toEqual(paragraph(text('after')));
  });

  it('a paragraph is interrupted by a list only when an ordered one starts at 1', () => {
    expect(parseMarkdown('We have\n1. apples')).toHaveLength(2);
    expect(parseMarkdown('In\n2024. it rained')).toEqual([
      paragraph(text('In'), { type: 'break' }, text('2024. it rained')),
    ]);
  });

  it('keeps fenced code verbatim, and an unclosed fence (mid-stream) runs to the end', () => {
    expect(parseMarkdown('```js\nconst a = "<b>";\n\n**not bold**\n```\nafter')).toEqual([
      { type: 'code-block', language: 'js', text: 'const a = "<b>";\n\n**not bold**' },
      paragraph(text('after')),
    ]);
    expect(parseMarkdown('~~~~\nstill ```\ngoing')).toEqual([
      { type: 'code-block', language: '', text: 'still ```\ngoing' },
    ]);
  });

  it('leaves HTML as text: there is no HTML or image node to produce', () => {
    const answer =
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<iframe srcdoc="<script>alert(3)</script>"></iframe>';
    const nodes = [...walk(parseMarkdown(answer))];
    expect(nodes.map((node) => node.type)).toEqual([
      'paragraph',
      'text',
      'paragraph',
      'text',
      'paragraph',
      'text',
    ]);
    expect(
      nodes.filter((node) => node.type === 'text').map((node) => node.type === 'text' && node.text),
    ).toEqual(answer.split('\n\n'));
  });

  it('never yields a link outside http, https and mailto, whatever the nesting', () => {
    const answer = [
      '# [x](javascript:alert(1))',
      '- *[y](JAVASCRIPT:alert(2))*',
      '> ![z](data:text/html,<script>alert(3)</script>)',
      '[ok](https://example.com/a) <mailto:help@example.com>',
    ].join('\n\n');
    const links = [...walk(parseMarkdown(answer))].filter((node) => node.type === 'link');
    expect(links.map((node) => node.type === 'link' && node.href)).toEqual([
      'https://example.com/a',
      'mailto:help@example.com',
    ]);
  });

  it('parses any text without throwing, including every prefix of a real answer', () => {
    const answer =
      '## Plan\n\n1. **Install** `pnpm`\n2. Read [the docs](https://example.com/docs "Docs")\n\n```sh\npnpm i\n```\n> done_';
    for (let end = 0; end <= answer.length; end += 1)
      expect(() => parseMarkdown(answer.slice(0, end))).not.toThrow();
    expect(parseMarkdown('')).toEqual([]);
    expect(parseMarkdown('[[[[`**__~~\\')).toHaveLength(1);
  });
});
