// ICU word boundaries (in Workers too): Chinese and Japanese split into dictionary words, English at
// spaces and punctuation. The locale only breaks ties; `zh` keeps CJK runs in words, not characters.
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** A query gives at most this many distinct terms to FTS5 (a longer query is cut, not refused). */
export const maxQueryTerms = 64;

/**
 * The lower-cased words of a text, in order, without punctuation or spaces. Index and query text go
 * through this same function, so a Chinese query finds a Chinese passage word for word.
 * @example segmentWords('阿里云百炼 Bailian') // ['阿里', '云', '百', '炼', 'bailian']
 */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const segment of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    if (segment.isWordLike === true) words.push(segment.segment);
  }
  return words;
}

/** The text stored in the FTS5 column: words joined by spaces, so `unicode61` splits exactly there. */
export function indexTerms(text: string): string {
  return segmentWords(text).join(' ');
}

/**
 * An FTS5 MATCH expression for a query: its distinct words, each quoted (so no word is read as FTS5
 * syntax such as `NEAR`, `OR` or `*`), joined by OR so BM25 ranks by how many and how rare the
 * matches are. Null when the query has no words.
 * @example matchExpression('What is RRF?') // '"what" OR "is" OR "rrf"'
 */
export function matchExpression(query: string): string | null {
  const words = [...new Set(segmentWords(query))].slice(0, maxQueryTerms);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replaceAll('"', '""')}"`).join(' OR ');
}
