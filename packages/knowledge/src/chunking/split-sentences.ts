// A sentence ends at Chinese/Japanese end punctuation (。！？；, full stops of any width) wherever it
// stands, or at . ! ? ; followed by a space or the end; closing quotes and brackets stay with it.
const sentenceEnd = /(?:[。！？；…]+|[.!?;](?=\s|$))[”’"'」』）)\]]*\s*/gu;

/**
 * Cuts text into sentences, each keeping its end punctuation and the spaces after it, so joining the
 * pieces gives back the text exactly.
 * @example splitSentences('你好。Hi there! Ok') // ['你好。', 'Hi there! ', 'Ok']
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(sentenceEnd)) {
    const end = match.index + match[0].length;
    if (end > start) sentences.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) sentences.push(text.slice(start));
  return sentences;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** `index`, moved back (or forward) by one when it would split a surrogate pair. */
export function safeCut(text: string, index: number, direction: -1 | 1 = -1): number {
  return index > 0 && index < text.length && isLowSurrogate(text.charCodeAt(index))
    ? index + direction
    : index;
}

/**
 * Cuts a piece longer than `size` into pieces of at most `size` characters, preferring the last space
 * inside each window (Chinese has none, so it is cut at the window's end).
 */
export function splitHard(text: string, size: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const window = rest.slice(0, size + 1);
    const space = window.lastIndexOf(' ');
    let cut = space > size / 2 ? space + 1 : safeCut(rest, size);
    if (cut <= 0) cut = Math.min(size, rest.length);
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}
