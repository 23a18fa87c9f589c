import { z } from 'zod';
import { timestampSchema } from './timestamp.ts';

/** One entry of `GET /api/apps/{appId}/versions`. */
export const appVersionSchema = z.object({
  version: z.int().min(1),
  note: z.string().nullable().describe('`null` when published without a note.'),
  createdAt: timestampSchema,
});
export type AppVersion = z.output<typeof appVersionSchema>;

export const versionListSchema = z.object({
  versions: z.array(appVersionSchema).describe('Newest first.'),
});
export type VersionList = z.output<typeof versionListSchema>;
