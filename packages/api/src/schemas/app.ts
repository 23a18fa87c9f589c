import { workflowDocumentSchema } from '@edgeflow/graph';
import { z } from 'zod';
import { appSettingsSchema } from './app-settings.ts';
import { limits } from './limits.ts';
import { appIdSchema } from './prefixed-id.ts';
import { appModeSchema, templateIdSchema } from './template.ts';
import { timestampSchema } from './timestamp.ts';

export const appNameSchema = z.string().min(1).max(limits.nameLength);

/** `POST /api/apps`. */
export const createAppRequestSchema = z
  .strictObject({
    name: appNameSchema,
    mode: appModeSchema
      .optional()
      .describe(
        "Defaults to the template's or the graph's mode, else `chat`; must agree with the graph's mode.",
      ),
    template: templateIdSchema.optional().describe('Start from this template of `GET /api/templates`.'),
    graph: workflowDocumentSchema.optional().describe('Start from this document (e.g. an imported file).'),
  })
  .refine((body) => body.template === undefined || body.graph === undefined, {
    message: 'give either template or graph, not both',
    path: ['graph'],
  })
  .describe('Without `template` and `graph`, the app starts from an empty pipeline of its mode.');
export type CreateAppRequest = z.input<typeof createAppRequestSchema>;

/** `PATCH /api/apps/{appId}`. */
export const updateAppRequestSchema = z
  .strictObject({
    name: appNameSchema.optional(),
    settings: appSettingsSchema.optional(),
  })
  .describe('Only the keys present change; `settings`, when present, replaces the settings as a whole.');
export type UpdateAppRequest = z.input<typeof updateAppRequestSchema>;

/** An app as `GET /api/apps/{appId}` answers it. */
export const appSchema = z.object({
  id: appIdSchema,
  name: z.string(),
  mode: appModeSchema,
  draft: workflowDocumentSchema,
  publishedVersion: z
    .int()
    .min(1)
    .nullable()
    .describe('The latest published version, `null` before the first.'),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  settings: appSettingsSchema,
});
export type App = z.output<typeof appSchema>;

export const appListSchema = z.object({
  apps: z.array(appSchema).describe('Newest first (by `updatedAt`).'),
});
export type AppList = z.output<typeof appListSchema>;
