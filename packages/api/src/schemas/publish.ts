import { z } from 'zod';
import { limits } from './limits.ts';
import { timestampSchema } from './timestamp.ts';

/** `POST /api/apps/{appId}/publish`. */
export const publishRequestSchema = z.strictObject({
  note: z.string().max(limits.noteLength).optional().describe('What changed, shown in the version list.'),
});
export type PublishRequest = z.input<typeof publishRequestSchema>;

export const publishResponseSchema = z.object({
  version: z.int().min(1).describe('Counts from 1 within the app.'),
  createdAt: timestampSchema,
});
export type PublishResponse = z.output<typeof publishResponseSchema>;
