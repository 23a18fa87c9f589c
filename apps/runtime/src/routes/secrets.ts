import { invalidRequestError, putSecretRequestSchema, secretNameSchema } from '@edgeflow/api';
import { createDatabase, createSecretStore } from '@edgeflow/db';
import { Hono } from 'hono';
import type { Env } from '../env.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import { readJson } from '../http/read-body.ts';
import { secretBoxOf } from '../secrets/index.ts';

/** A name from the path, as documents write it in `{{secrets.name}}`. */
function secretName(value: string): string {
  const parsed = secretNameSchema.safeParse(value);
  if (!parsed.success) {
    const body = invalidRequestError(parsed.error);
    throw new ApiError(
      400,
      body.error.code,
      `“${value.slice(0, 64)}” is not a secret name: use letters, digits and _ (as in {{secrets.name}}).`,
      body.error.details,
    );
  }
  return parsed.data;
}

const store = (env: Env) => createSecretStore(createDatabase(env.DB));

/** Secrets for tools (admin): stored encrypted, answered back never, listed by name only. */
export const secretRoutes = new Hono<{ Bindings: Env }>()
  .put('/:name', async (context) => {
    const name = secretName(context.req.param('name'));
    const { value } = await readJson(context, putSecretRequestSchema, { limit: 64 * 1024 });
    const box = secretBoxOf(context.env);
    await store(context.env).put(name, await box.seal(name, value));
    return context.body(null, 204);
  })
  .get('/', async (context) => context.json({ secrets: await store(context.env).list() }))
  .delete('/:name', async (context) => {
    const name = secretName(context.req.param('name'));
    if (!(await store(context.env).delete(name))) throw notFound(`The secret “${name}”`);
    return context.body(null, 204);
  });
