import { z } from 'zod';

/** An ISO-8601 date and time with `Z` or an offset, e.g. `2025-05-01T12:00:00.000Z`. */
export const timestampSchema = z.iso.datetime({ offset: true });
export type Timestamp = z.output<typeof timestampSchema>;
