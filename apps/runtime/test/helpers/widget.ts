import type { WorkflowDocument } from '@edgeflow/graph';
import { createKey, publishedAppWithKey } from './admin.ts';
import { request, type SendInit } from './worker.ts';

export const shop = 'https://shop.example';

/** A fresh widget visitor: the id a widget keeps in the visitor's storage. */
export const newVisitor = () => crypto.randomUUID();

/** A published app with a secret key and a publishable key for `shop`. */
export async function widgetApp(document: WorkflowDocument, allowedOrigins: string[] = [shop]) {
  const app = await publishedAppWithKey(document);
  const publishable = await createKey(app.app.id, { kind: 'publishable', allowedOrigins });
  return { ...app, publishableKey: publishable.key, publishableKeyId: publishable.id };
}

/** A request as the widget on `origin` sends it for `visitor`. */
export function widgetRequest(
  path: string,
  key: string,
  visitor: string | null,
  init: Omit<SendInit, 'token'> & { origin?: string } = {},
) {
  const { origin = shop, headers, ...rest } = init;
  return request(path, {
    ...rest,
    token: key,
    headers: { origin, ...(visitor === null ? {} : { 'x-edgeflow-visitor': visitor }), ...headers },
  });
}
