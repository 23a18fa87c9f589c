/** Timing one streamed answer as its caller sees it: headers, the first token, the end. */

/** What a stream's `data:` lines mean to the benchmark. */
export interface StreamDialect {
  /** True for the line that carries the first piece of answer text. */
  isFirstToken(data: string): boolean;
  /** For the line that ends the stream: whether it ended well; undefined for any other line. */
  endsWell(data: string): boolean | undefined;
}

export interface StreamSample {
  readonly ok: boolean;
  /** From sending the request to its response headers, ms. */
  readonly headersMs: number;
  /** From sending the request to the first token, ms (NaN when none came). */
  readonly firstTokenMs: number;
  /** From sending the request to the end of the body, ms. */
  readonly totalMs: number;
  /** Why it failed, when it did. */
  readonly failure?: string;
}

const parse = (data: string): unknown => {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
};
const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;

/** Edgeflow's run events: the first `text-delta`; a `run-end` that `succeeded`. */
export const runEventDialect: StreamDialect = {
  isFirstToken: (data) => data.includes('"text-delta"') && field(parse(data), 'type') === 'text-delta',
  endsWell: (data) => {
    if (!data.includes('"run-end"')) return undefined;
    const event = parse(data);
    return field(event, 'type') === 'run-end' ? field(event, 'status') === 'succeeded' : undefined;
  },
};

/** OpenAI chat completion chunks: the first chunk with content; `[DONE]`. */
export const chatCompletionDialect: StreamDialect = {
  isFirstToken: (data) => {
    const choices = field(parse(data), 'choices');
    const content = Array.isArray(choices) ? field(field(choices[0], 'delta'), 'content') : undefined;
    return typeof content === 'string' && content !== '';
  },
  endsWell: (data) => (data === '[DONE]' ? true : undefined),
};

/**
 * Sends one request and reads its SSE body to the end, noting when the headers and the first token
 * arrived. Never throws: a failure is a sample with `ok: false`.
 */
export async function timeStream(
  url: string,
  init: RequestInit,
  dialect: StreamDialect,
  timeoutMs = 30_000,
): Promise<StreamSample> {
  const started = performance.now();
  const since = () => performance.now() - started;
  let headersMs = Number.NaN;
  let firstTokenMs = Number.NaN;
  const failed = (failure: string): StreamSample => ({
    ok: false,
    headersMs,
    firstTokenMs,
    totalMs: since(),
    failure,
  });
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    headersMs = since();
    if (!response.ok || response.body === null) {
      const text = await response.text().catch(() => '');
      return failed(`HTTP ${response.status} ${text.slice(0, 120)}`);
    }
    const decoder = new TextDecoder();
    let pending = '';
    let ended: boolean | undefined;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pending += decoder.decode(value, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('data:')) continue;
        const data = line.slice(5).trim();
        if (Number.isNaN(firstTokenMs) && dialect.isFirstToken(data)) firstTokenMs = since();
        ended ??= dialect.endsWell(data);
      }
    }
    if (ended !== true) return failed(ended === false ? 'the run did not succeed' : 'the stream ended early');
    if (Number.isNaN(firstTokenMs)) return failed('no token arrived');
    return { ok: true, headersMs, firstTokenMs, totalMs: since() };
  } catch (error) {
    return failed(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
}

/** Sends one request and reads its body to the end; the round trip in ms (NaN on failure). */
export async function timeRoundTrip(url: string, init: RequestInit = {}): Promise<number> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    return response.ok ? performance.now() - started : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
