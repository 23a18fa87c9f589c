import { createKeyRequestSchema } from '@edgeflow/api';
import { createDatabase, createKeyStore, type KeyRecord } from '@edgeflow/db';
import { Hono } from 'hono';
import type { Env } from '../env.ts';
import { notFound } from '../http/api-error.ts';
import { readJson } from '../http/read-body.ts';
import { appOriginsCache, keyCache } from '../state/caches.ts';
import { requireApp } from './apps.ts';

const shown = (key: KeyRecord) => ({
  id: key.id,
  kind: key.kind,
  name: key.name || null,
  prefix: key.prefix,
  allowedOrigins: key.allowedOrigins,
  createdAt: key.createdAt,
});

/** App keys (admin): the key itself is answered once, at creation, and stored only as a hash. */
export const keyRoutes = new Hono<{ Bindings: Env }>()
  .post('/:appId/keys', async (context) => {
    const body = await readJson(context, createKeyRequestSchema);
    const app = await requireApp(context);
    const created = await createKeyStore(createDatabase(context.env.DB)).create({
      appId: app.id,
      kind: body.kind,
      name: body.name,
      allowedOrigins: body.allowedOrigins,
    });
    appOriginsCache.delete(app.id);
    return context.json({ ...shown(created), key: created.key }, 201);
  })
  .get('/:appId/keys', async (context) => {
    const app = await requireApp(context);
    const keys = await createKeyStore(createDatabase(context.env.DB)).list(app.id);
    return context.json({ keys: keys.map(shown) });
  })
  .delete('/:appId/keys/:keyId', async (context) => {
    const { appId, keyId } = context.req.param();
    const revoked = await createKeyStore(createDatabase(context.env.DB)).revoke(appId, keyId);
    if (!revoked) throw notFound('This key');
    // At once on this instance; other instances drop it when their cache entry expires (≤ 10 s).
    keyCache.deleteWhere((key) => key?.id === keyId);
    appOriginsCache.delete(appId);
    return context.body(null, 204);
  });
