import { errorBodySchema } from '@edgeflow/api';
import { expect } from 'vitest';

/** Asserts the contract's error shape, status and code; answers the parsed error. */
export async function expectError(response: Response, status: number, code?: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expectNoStackTrace(text);
  const body = JSON.parse(text) as unknown;
  expect(Object.keys(body as object)).toEqual(['error']);
  const parsed = errorBodySchema.parse(body);
  expect(Object.keys((body as { error: object }).error).sort()).toEqual(['code', 'details', 'message']);
  expect(parsed.error.message.length).toBeGreaterThan(0);
  if (code !== undefined) expect(parsed.error.code).toBe(code);
  return parsed.error;
}

/** No V8 stack frames ("    at fn (file:1:2)") and no source paths in a response body. */
export function expectNoStackTrace(text: string) {
  expect(text).not.toMatch(/\n\s*at .+[(:]\d+/);
  expect(text).not.toMatch(/\bat (async )?[\w.<>]+ \(/);
  expect(text).not.toMatch(/\.ts:\d+:\d+/);
}

/** Asserts OpenAI's error shape (the OpenAI-compatible routes), status and code; answers the error. */
export async function expectOpenAiError(response: Response, status: number, code?: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expectNoStackTrace(text);
  const body = JSON.parse(text) as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  expect(String(body.error.message).length).toBeGreaterThan(0);
  if (code !== undefined) expect(body.error.code).toBe(code);
  return body.error as { code: string; message: string; type: string; param: string | null };
}
