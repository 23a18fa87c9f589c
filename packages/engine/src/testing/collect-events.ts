import type { RunEvent } from '../run-event.ts';

/** Every event of a run, in order. */
export async function collectEvents(events: AsyncIterable<RunEvent>): Promise<RunEvent[]> {
  const collected: RunEvent[] = [];
  for await (const event of events) collected.push(event);
  return collected;
}
