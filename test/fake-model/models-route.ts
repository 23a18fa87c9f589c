import { type Exchange, sendJson } from './http-exchange.ts';

// A fixed date: listings are compared in tests, so nothing in them may change between runs.
const modelCreated = 1_700_000_000;

function modelObject(id: string): Record<string, unknown> {
  return { id, object: 'model', created: modelCreated, owned_by: 'edgeflow-fake' };
}

/** `GET /v1/models`: the given names, as OpenAI lists models. */
export function handleModelList(exchange: Exchange, names: readonly string[]): void {
  sendJson(exchange, 200, { object: 'list', data: names.map(modelObject) });
}

/** `GET /v1/models/{id}`: the fake answers as any model, so every id exists. */
export function handleModel(exchange: Exchange, id: string): void {
  sendJson(exchange, 200, modelObject(id));
}
