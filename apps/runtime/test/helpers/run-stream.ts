import { parseRunEvents, type RunEvent, type RunResult } from '@edgeflow/api';
import { expect } from 'vitest';
import { type SendInit, send } from './worker.ts';

/** A run event with the time (ms, `Date.now()`) its bytes reached the test. */
export type TimedEvent = RunEvent & { readonly receivedAt: number };

/**
 * Reads a run's SSE body into validated events, each stamped when it arrived. Inside workerd the
 * clock moves on I/O, which is what an event arriving is, so gaps between events are real gaps.
 */
export async function readRunEvents(response: Response): Promise<TimedEvent[]> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  if (!response.body) throw new Error('a run stream without a body');
  const events: TimedEvent[] = [];
  for await (const event of parseRunEvents(response.body)) events.push({ ...event, receivedAt: Date.now() });
  return events;
}

export const eventsOfType = <Type extends RunEvent['type']>(events: readonly RunEvent[], type: Type) =>
  events.filter((event): event is Extract<RunEvent, { type: Type }> => event.type === type);

/** The run-end event of a stream, which must be its last. */
export function runEndOf(events: readonly RunEvent[]) {
  const last = events.at(-1);
  if (last?.type !== 'run-end') throw new Error(`the stream ended with ${last?.type ?? 'nothing'}`);
  return last;
}

/** The run-start event of a stream, which must be its first. */
export function runStartOf(events: readonly RunEvent[]) {
  const first = events[0];
  if (first?.type !== 'run-start') throw new Error(`the stream began with ${first?.type ?? 'nothing'}`);
  return first;
}

/** Starts a streaming run with `key`; answers its events once the run's record is written. */
export async function streamRun(
  path: string,
  key: string,
  body: Record<string, unknown>,
  init: Omit<SendInit, 'token' | 'json'> = {},
) {
  const { response, settle } = await send(path, { ...init, token: key, json: body });
  const events = await readRunEvents(response);
  await settle();
  return events;
}

/** A run with `stream: false`; answers the JSON result once the record is written. */
export async function runToEnd(path: string, key: string, body: Record<string, unknown>) {
  const { response, settle } = await send(path, { token: key, json: { ...body, stream: false } });
  const text = await response.text();
  await settle();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as RunResult;
}

/** `POST /v1/apps/{appId}/runs`. */
export const runPath = (appId: string) => `/v1/apps/${appId}/runs`;
