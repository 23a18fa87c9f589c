import { z } from 'zod';

/** `GET /healthz`. */
export const healthSchema = z.object({ ok: z.literal(true) });
export type Health = z.output<typeof healthSchema>;
