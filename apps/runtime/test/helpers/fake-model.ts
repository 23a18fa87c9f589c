import { inject } from 'vitest';
import type { FakeModelBehaviour } from '../../../../test/fake-model/index.ts';
import type { ReceivedChatRequest } from '../node/fake-model-control.ts';
import type { fakeModels } from './fake-model-names.ts';

export { fakeModels } from './fake-model-names.ts';

export type FakeModelName = (typeof fakeModels)[keyof typeof fakeModels];

/** `compatible:<name>`, the model id a document uses. */
export const compatible = (name: FakeModelName) => `compatible:${name}`;

const controlUrl = () => inject('fakeModelControlUrl');

async function control(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${controlUrl()}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 204) throw new Error(`fake model control ${path}: ${await response.text()}`);
}

/** How `model` answers from now on. */
export const scriptModel = (model: FakeModelName, behaviour: FakeModelBehaviour) =>
  control('/script', { model, behaviour });

/** One-shot behaviours for the next requests to `model`, before its script. */
export const enqueueModel = (model: FakeModelName, ...behaviours: FakeModelBehaviour[]) =>
  control('/enqueue', { model, behaviours });

/** The chat requests the fake received for `model`, in arrival order. */
export async function receivedRequests(model: FakeModelName): Promise<ReceivedChatRequest[]> {
  const response = await fetch(`${controlUrl()}/requests?model=${encodeURIComponent(model)}`);
  const body = (await response.json()) as { requests: ReceivedChatRequest[] };
  return body.requests;
}

/** The messages of a recorded chat request, as `{ role, content }`. */
export function messagesOf(request: ReceivedChatRequest | undefined): { role: string; content: unknown }[] {
  const body = request?.body as { messages?: { role: string; content: unknown }[] } | undefined;
  return body?.messages ?? [];
}
