import { splitSections } from './split-sections.ts';
import { safeCut, splitHard, splitSentences } from './split-sentences.ts';

/** `size` characters per chunk at most; up to `overlap` characters repeated from the previous chunk. */
export interface ChunkingSettings {
  readonly size: number;
  readonly overlap: number;
}

/** A chunk of a document: its text and its position in the document, from 0. */
export interface TextChunk {
  readonly text: string;
  readonly position: number;
}

/** A piece to pack: a paragraph or a sentence, and how it joins the piece before it. */
interface Piece {
  readonly text: string;
  readonly joiner: string;
}

function piecesOf(paragraph: string, size: number): Piece[] {
  if (paragraph.length <= size) return [{ text: paragraph, joiner: '\n\n' }];
  const sentences = splitSentences(paragraph).flatMap((sentence) =>
    sentence.length <= size ? [sentence] : splitHard(sentence, size),
  );
  return sentences.map((text, index) => ({ text, joiner: index === 0 ? '\n\n' : '' }));
}

/** The end of a chunk to repeat at the start of the next: whole sentences if they fit, else words. */
function overlapTail(chunk: string, overlap: number): string {
  if (overlap <= 0) return '';
  const sentences = splitSentences(chunk);
  let tail = '';
  for (let index = sentences.length - 1; index >= 0; index -= 1) {
    const longer = (sentences[index] ?? '') + tail;
    if (longer.length > overlap) break;
    tail = longer;
  }
  if (tail.trim() !== '') return tail.trimStart();
  const raw = chunk.slice(safeCut(chunk, chunk.length - overlap, 1));
  const space = raw.indexOf(' ');
  return (space >= 0 && space < raw.length / 2 ? raw.slice(space + 1) : raw).trimStart();
}

/**
 * Cuts a document into chunks that respect its structure: a Markdown heading always starts a new
 * chunk (and leads it); paragraphs are packed whole while they fit; a longer paragraph is cut into
 * sentences (Chinese 。！？； included), a longer sentence at spaces or, failing that, anywhere. Every
 * chunk is at most `size` characters; a chunk that continues a section starts with up to `overlap`
 * characters from the end of the previous one.
 * @example chunkText('# A\n\nOne.\n\n# B\n\nTwo.', { size: 800, overlap: 100 }).length === 2
 */
export function chunkText(text: string, settings: ChunkingSettings): TextChunk[] {
  const { size, overlap } = settings;
  const normalised = text.replace(/\r\n?/g, '\n');
  const chunks: string[] = [];
  for (const section of splitSections(normalised)) {
    const paragraphs =
      section.heading === null ? section.paragraphs : [section.heading, ...section.paragraphs];
    let current = '';
    for (const piece of paragraphs.flatMap((paragraph) => piecesOf(paragraph, size))) {
      const joined = current === '' ? piece.text : current + piece.joiner + piece.text;
      if (joined.length <= size) {
        current = joined;
        continue;
      }
      chunks.push(current);
      const tail = overlapTail(current, Math.min(overlap, size - piece.text.length - piece.joiner.length));
      current = tail === '' ? piece.text : tail + piece.joiner + piece.text;
    }
    if (current !== '') chunks.push(current);
  }
  return chunks
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk, position) => ({ text: chunk, position }));
}
