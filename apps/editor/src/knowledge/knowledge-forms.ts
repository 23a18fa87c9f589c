import {
  type Chunking,
  chunkingSchema,
  type DocumentId,
  type KnowledgeQueryRequest,
  limits,
  retrievalModes,
} from '@edgeflow/api';
import type { MessageKey } from '../i18n/en.ts';

/** A field the user must fix, with the message that says how. */
export interface FormProblem {
  readonly field: string;
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Parsed<Value> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly problems: readonly FormProblem[] };

// The schema's bounds, read once so the messages name the same numbers the server checks.
const sizeBounds = { min: 100, max: 8_000 };
const overlapBounds = { min: 0, max: 4_000 };

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/**
 * The chunking fields of the create and settings forms (text as typed) as a `Chunking`, or what is wrong.
 * @example parseChunking({ size: '500', overlap: '50' }) // { ok: true, value: { size: 500, overlap: 50 } }
 */
export function parseChunking(form: { size: string; overlap: string }): Parsed<Chunking> {
  const problems: FormProblem[] = [];
  const size = wholeNumber(form.size);
  const overlap = wholeNumber(form.overlap);
  if (size === null || size < sizeBounds.min || size > sizeBounds.max)
    problems.push({ field: 'size', key: 'kb.form.sizeRange', params: sizeBounds });
  if (overlap === null || overlap < overlapBounds.min || overlap > overlapBounds.max)
    problems.push({ field: 'overlap', key: 'kb.form.overlapRange', params: overlapBounds });
  if (problems.length === 0 && size !== null && overlap !== null && overlap >= size)
    problems.push({ field: 'overlap', key: 'kb.form.overlapBelowSize' });
  if (problems.length > 0) return { ok: false, problems };
  // The contract's own schema has the last word, so the form never sends what the server refuses.
  const parsed = chunkingSchema.safeParse({ size, overlap });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problems: [{ field: 'size', key: 'kb.form.sizeRange', params: sizeBounds }] };
}

export type QueryMode = 'auto' | (typeof retrievalModes)[number];
export const queryModes: readonly QueryMode[] = ['auto', ...retrievalModes];

export interface QueryForm {
  readonly query: string;
  readonly mode: QueryMode;
  readonly topK: string;
  readonly minScore: string;
  /** Documents to search; none means the whole base. */
  readonly documentIds: readonly DocumentId[];
}

/**
 * The "try a query" form as the body of `POST /api/knowledge-bases/{kbId}/query`: `auto` and an empty
 * score or document filter are left out, so the server's defaults apply.
 */
export function parseQueryForm(form: QueryForm): Parsed<KnowledgeQueryRequest> {
  const problems: FormProblem[] = [];
  const query = form.query.trim();
  if (query === '') problems.push({ field: 'query', key: 'kb.query.required' });
  else if (query.length > limits.queryLength)
    problems.push({ field: 'query', key: 'kb.query.tooLong', params: { max: limits.queryLength } });
  const topK = wholeNumber(form.topK);
  if (topK === null || topK < 1 || topK > limits.topK)
    problems.push({ field: 'topK', key: 'kb.query.topKRange', params: { max: limits.topK } });
  const scoreText = form.minScore.trim();
  const minScore = scoreText === '' ? 0 : Number(scoreText);
  if (!Number.isFinite(minScore) || minScore < 0 || minScore > 1)
    problems.push({ field: 'minScore', key: 'kb.query.minScoreRange' });
  if (form.documentIds.length > limits.queryDocumentCount)
    problems.push({
      field: 'documentIds',
      key: 'kb.query.tooManyDocuments',
      params: { max: limits.queryDocumentCount },
    });
  if (problems.length > 0 || topK === null) return { ok: false, problems };
  return {
    ok: true,
    value: {
      query,
      topK,
      ...(form.mode === 'auto' ? {} : { mode: form.mode }),
      ...(minScore > 0 ? { minScore } : {}),
      ...(form.documentIds.length > 0 ? { documentIds: [...form.documentIds] } : {}),
    },
  };
}
