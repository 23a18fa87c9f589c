import { invalidRequestError } from '@edgeflow/api';
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './api-error.ts';

/** Bodies of management and run requests; documents are far below it. */
export const defaultBodyLimit = 1024 * 1024;

/**
 * Reads a JSON body with the checks every route needs: 415 for another content type, 413 past the
 * limit (also when the length is not declared), 400 for malformed JSON or a body its schema refuses.
 * `optional` bodies may be empty and count as `{}`.
 */
export async function readJson<Schema extends z.ZodType>(
  context: Context,
  schema: Schema,
  options: { limit?: number; optional?: boolean } = {},
): Promise<z.output<Schema>> {
  const raw = await readJsonText(context, options);
  let value: unknown;
  try {
    value = raw === '' ? {} : JSON.parse(raw);
  } catch {
    throw new ApiError(400, 'malformed_json', 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const body = invalidRequestError(parsed.error);
    throw new ApiError(400, body.error.code, body.error.message, body.error.details);
  }
  return parsed.data;
}

/** The raw text of a JSON body, after the content-type and size checks. */
export async function readJsonText(
  context: Context,
  options: { limit?: number; optional?: boolean } = {},
): Promise<string> {
  const limit = options.limit ?? defaultBodyLimit;
  const declared = context.req.header('content-length');
  if (declared !== undefined && Number(declared) > limit) throw tooLarge(limit);
  const type = context.req.header('content-type') ?? '';
  const isJson = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(type);
  if (!isJson) {
    if (options.optional && (declared === undefined || declared === '0') && !type) {
      const text = await readLimited(context.req.raw, limit);
      if (text.trim() === '') return '';
    }
    throw new ApiError(
      415,
      'unsupported_media_type',
      'Send the body as JSON with Content-Type: application/json.',
    );
  }
  // A declared length was checked above, and the body cannot run past it (workerd frames it by the
  // header), so one native read does; only a body of undeclared length is counted as it comes.
  const text =
    declared !== undefined && /^\d+$/.test(declared)
      ? await context.req.raw.text()
      : await readLimited(context.req.raw, limit);
  if (text.trim() === '' && !options.optional)
    throw new ApiError(400, 'malformed_json', 'The body is empty; send a JSON object.');
  return text.trim();
}

const tooLarge = (limit: number) =>
  new ApiError(413, 'payload_too_large', `The body is over the limit of ${Math.round(limit / 1024)} KiB.`, {
    limitBytes: limit,
  });

/** Reads at most `limit` bytes, failing as soon as the body goes past it (chunked bodies included). */
async function readLimited(request: Request, limit: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
