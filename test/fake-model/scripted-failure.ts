import type { OutgoingHttpHeaders } from 'node:http';
import { abortableSleep } from './abortable-sleep.ts';
import type { FakeModelBehaviour } from './fake-model-behaviour.ts';
import { type Exchange, sendJson } from './http-exchange.ts';
import { errorBodyForStatus } from './openai-error.ts';

/**
 * Plays the parts of a behaviour that come before any reply: `hangMs`, then an error `status` with
 * its `Retry-After` headers and body. Resolves true when the exchange has been answered with an error.
 */
export async function answerScriptedFailure(
  exchange: Exchange,
  behaviour: FakeModelBehaviour,
): Promise<boolean> {
  if (behaviour.hangMs !== undefined) await abortableSleep(behaviour.hangMs, exchange.signal);
  const status = behaviour.status;
  if (status === undefined || status === 200) return false;
  const headers: OutgoingHttpHeaders = {};
  if (behaviour.retryAfterSeconds !== undefined) headers['retry-after'] = String(behaviour.retryAfterSeconds);
  if (behaviour.retryAfterMs !== undefined) headers['retry-after-ms'] = String(behaviour.retryAfterMs);
  sendJson(exchange, status, behaviour.errorBody ?? errorBodyForStatus(status), headers);
  return true;
}

/** Waits on a real timer unless the delay is zero, so undelayed replies are written in one go. */
export async function pause(milliseconds: number | undefined, signal: AbortSignal): Promise<void> {
  if (milliseconds !== undefined && milliseconds > 0) await abortableSleep(milliseconds, signal);
}

/**
 * Cuts the connection mid-reply. Ending before destroying lets the bytes already written reach the
 * client, so it sees exactly the tokens sent and then a truncated stream.
 */
export function dropConnection(exchange: Exchange): void {
  exchange.request.socket.destroySoon();
}
