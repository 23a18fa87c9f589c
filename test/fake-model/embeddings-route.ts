import type { BehaviourBook } from './behaviour-book.ts';
import { embedText, encodeEmbeddingBase64 } from './embedding-vector.ts';
import { type Exchange, sendJson } from './http-exchange.ts';
import { isRecord, readNumber, readString } from './json-guards.ts';
import { openAiError } from './openai-error.ts';
import { answerScriptedFailure, pause } from './scripted-failure.ts';
import { countWords } from './text-tokens.ts';

// OpenAI's own ceiling for `dimensions` (text-embedding-3-large).
const largestDimensions = 3072;

/**
 * `POST /v1/embeddings`: one deterministic vector per input, `dimensions` and `encoding_format`
 * honoured. The behaviour's hang, error status and `firstTokenLatencyMs` (as latency) apply.
 */
export async function handleEmbeddings(
  exchange: Exchange,
  book: BehaviourBook,
  defaultDimensions: number,
): Promise<void> {
  const body = exchange.body;
  const model = isRecord(body) ? readString(body, 'model') : undefined;
  const inputs = isRecord(body) ? embeddingInputs(body.input) : undefined;
  if (!isRecord(body) || model === undefined) {
    return sendJson(
      exchange,
      400,
      openAiError('you must provide a model parameter', 'invalid_request_error'),
    );
  }
  if (inputs === undefined) {
    return sendJson(
      exchange,
      400,
      openAiError("'$.input' is invalid.", 'invalid_request_error', null, 'input'),
    );
  }
  const dimensions = readNumber(body, 'dimensions') ?? defaultDimensions;
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > largestDimensions) {
    const message = `dimensions must be an integer from 1 to ${largestDimensions}.`;
    return sendJson(exchange, 400, openAiError(message, 'invalid_request_error', null, 'dimensions'));
  }
  const behaviour = book.take(model);
  if (await answerScriptedFailure(exchange, behaviour)) return;
  await pause(behaviour.firstTokenLatencyMs, exchange.signal);
  const base64 = readString(body, 'encoding_format') === 'base64';
  const data = inputs.map((text, index) => {
    const vector = embedText(text, dimensions);
    return { object: 'embedding', index, embedding: base64 ? encodeEmbeddingBase64(vector) : vector };
  });
  const promptTokens =
    behaviour.usage?.prompt_tokens ?? inputs.reduce((sum, text) => sum + countWords(text), 0);
  sendJson(exchange, 200, {
    object: 'list',
    data,
    model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  });
}

// `input` is a string, strings, token ids, or arrays of token ids; token ids become words `t<id>`.
function embeddingInputs(input: unknown): string[] | undefined {
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input) || input.length === 0) return undefined;
  if (input.every((item: unknown) => typeof item === 'number')) return [tokenText(input)];
  const texts = input.map((item: unknown) =>
    typeof item === 'string' ? item : Array.isArray(item) ? tokenText(item) : undefined,
  );
  return texts.every((text): text is string => text !== undefined) ? texts : undefined;
}

function tokenText(tokens: readonly unknown[]): string {
  return tokens.map((token) => `t${String(token)}`).join(' ');
}
