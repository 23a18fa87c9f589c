import { workflowModes } from '@edgeflow/graph';
import { z } from 'zod';

/** A template is named after its file in `workflows/`, e.g. `customer-support`. */
export const templateIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,99}$/, 'must be a template name: lowercase letters, digits, - and _');

export const appModeSchema = z.enum(workflowModes);
export type AppMode = z.output<typeof appModeSchema>;

export const templateSchema = z.object({
  id: templateIdSchema,
  name: z.string(),
  description: z.string(),
  mode: appModeSchema,
});
export type Template = z.output<typeof templateSchema>;

export const templateListSchema = z.object({ templates: z.array(templateSchema) });
export type TemplateList = z.output<typeof templateListSchema>;
