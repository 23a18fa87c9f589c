import type { RunEvent } from '../schemas/run-event.ts';
import type { ServerSentEvent } from './server-sent-event-decoder.ts';

/** The keep-alive comment sent at least every 15 s while nothing else is. */
export const pingComment = ': ping\n\n';

/**
 * Encodes a run event the way API.md fixes it: `id: <seq>`, `event: <type>`, the JSON as `data`.
 * @example formatServerSentEvent({ type: 'node-start', runId: 'run_1', seq: 2, nodeId: 'llm', nodeType: 'llm' })
 */
export function formatServerSentEvent(event: Pick<RunEvent, 'type' | 'seq'>): string {
  // JSON.stringify escapes CR and LF inside strings, so the data is always one line.
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * Encodes any event, splitting multi-line data into several `data:` lines (e.g. `data: [DONE]`).
 * @example formatServerSentMessage({ data: '[DONE]' }) // 'data: [DONE]\n\n'
 */
export function formatServerSentMessage(message: ServerSentEvent): string {
  let text = '';
  if (message.id !== undefined) text += `id: ${singleLine('id', message.id)}\n`;
  if (message.event !== undefined) text += `event: ${singleLine('event', message.event)}\n`;
  if (message.retry !== undefined) {
    if (!Number.isSafeInteger(message.retry) || message.retry < 0) {
      throw new TypeError('retry must be a whole number of milliseconds');
    }
    text += `retry: ${message.retry}\n`;
  }
  for (const line of message.data.split(/\r\n|\r|\n/)) text += `data: ${line}\n`;
  return `${text}\n`;
}

// A line break in `id` or `event` would let the value inject fields of its own.
function singleLine(field: string, value: string): string {
  if (/[\r\n\0]/.test(value)) throw new TypeError(`${field} must not contain CR, LF or NUL`);
  return value;
}
