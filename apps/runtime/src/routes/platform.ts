import { templateListSchema } from '@edgeflow/api';
import { compile } from '@edgeflow/graph';
import { listModels } from '@edgeflow/providers';
import { templates } from '@edgeflow/workflows';
import { Hono } from 'hono';
import type { Env } from '../env.ts';
import { ApiError } from '../http/api-error.ts';
import { readJsonText } from '../http/read-body.ts';

/** Models, templates and graph validation (admin). Validation compiles only: it executes and fetches nothing. */
export const platformRoutes = new Hono<{ Bindings: Env }>()
  .get('/models', (context) => context.json({ models: listModels(context.env) }))
  .get('/templates', (context) =>
    context.json(
      templateListSchema.parse({
        templates: templates.map(({ id, name, description, mode }) => ({ id, name, description, mode })),
      }),
    ),
  )
  .post('/graph/validate', async (context) => {
    const text = await readJsonText(context);
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'malformed_json', 'The body is not valid JSON.');
    }
    return context.json({ diagnostics: compile(document).diagnostics });
  });
