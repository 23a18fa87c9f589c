/**
 * The run events the widget acts on (API.md, "Run events (SSE)"), checked by hand: the widget must
 * not bundle zod, so it reads only the fields it uses and ignores everything else.
 */
export type WidgetRunEvent =
  | { readonly type: 'run-start'; readonly conversationId: string | null }
  | { readonly type: 'text-delta'; readonly delta: string }
  | {
      readonly type: 'run-end';
      readonly status: 'succeeded' | 'failed' | 'cancelled';
      /** `outputs.answer` when it is a string: the final text of a chat app. */
      readonly answer: string | null;
      readonly errorMessage: string | null;
    };

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * The event in one SSE `data` field, or null for events the widget does not use (node events,
 * unknown future types) and for anything malformed.
 * @example toRunEvent('{"type":"text-delta","runId":"run_1","seq":3,"nodeId":"llm","delta":"Hi"}')
 */
export function toRunEvent(data: string): WidgetRunEvent | null {
  let parsed: Record<string, unknown> | null;
  try {
    parsed = record(JSON.parse(data));
  } catch {
    return null;
  }
  switch (parsed?.type) {
    case 'run-start':
      return { type: 'run-start', conversationId: text(parsed.conversationId) };
    case 'text-delta': {
      const delta = text(parsed.delta);
      return delta === null ? null : { type: 'text-delta', delta };
    }
    case 'run-end': {
      const status = parsed.status;
      if (status !== 'succeeded' && status !== 'failed' && status !== 'cancelled') return null;
      return {
        type: 'run-end',
        status,
        answer: text(record(parsed.outputs)?.answer),
        errorMessage: text(record(parsed.error)?.message),
      };
    }
    default:
      return null;
  }
}
