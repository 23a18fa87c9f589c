// Long words are split so that JSON replies (one "word" without spaces) still stream in many chunks,
// which exercises the clients' partial-JSON handling.
const longestTokenLength = 12;

/**
 * Splits text into stream tokens that concatenate back to exactly the text: each word with the
 * whitespace before it, words longer than 12 characters in pieces.
 * @example splitIntoTokens('Fake reply') // ['Fake', ' reply']
 */
export function splitIntoTokens(text: string): string[] {
  const words = text.match(/\s*\S+|\s+$/g) ?? [];
  return words.flatMap((word) => splitIntoPieces(word, longestTokenLength));
}

/** Cuts a string into consecutive pieces of at most `length` characters (code points kept whole). */
export function splitIntoPieces(text: string, length: number): string[] {
  const characters = Array.from(text);
  const pieces: string[] = [];
  for (let start = 0; start < characters.length; start += length) {
    pieces.push(characters.slice(start, start + length).join(''));
  }
  return pieces;
}

/** `count` synthetic tokens: `tok0`, ` tok1`, ` tok2`, … */
export function syntheticTokens(count: number): string[] {
  return Array.from({ length: count }, (_, index) => (index === 0 ? `tok${index}` : ` tok${index}`));
}

/** A stand-in for a tokenizer's count: whitespace-separated words. */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
