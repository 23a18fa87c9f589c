import { z } from 'zod';
import { limits } from './limits.ts';
import { keyIdSchema } from './prefixed-id.ts';
import { timestampSchema } from './timestamp.ts';

export const keyKinds = ['secret', 'publishable'] as const;
export const keyKindSchema = z.enum(keyKinds);
export type KeyKind = z.output<typeof keyKindSchema>;

/**
 * An origin exactly as a browser sends it in `Origin`: scheme, lowercase host, optional port, nothing
 * else. Matching is exact, so a trailing slash or an uppercase letter would never match and is refused.
 */
export const originSchema = z
  .string()
  .max(limits.originLength)
  .regex(
    /^https?:\/\/([a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(:[0-9]{1,5})?$/,
    'must be an origin such as https://shop.example.com or http://localhost:3000, without a path',
  )
  .refine(
    isCanonicalOrigin,
    'must be written the way a browser sends it (no default port, e.g. no :443 on https)',
  );

function isCanonicalOrigin(origin: string): boolean {
  try {
    return new URL(origin).origin === origin;
  } catch {
    return false;
  }
}

export const keyNameSchema = z.string().min(1).max(limits.nameLength);

/** `POST /api/apps/{appId}/keys`. */
export const createKeyRequestSchema = z
  .strictObject({
    kind: keyKindSchema,
    name: keyNameSchema.optional(),
    allowedOrigins: z
      .array(originSchema)
      .max(limits.originCount)
      .optional()
      .describe('Required (at least one) for a publishable key; not allowed on a secret key.'),
  })
  .superRefine((body, context) => {
    const origins = body.allowedOrigins ?? [];
    if (body.kind === 'publishable' && origins.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['allowedOrigins'],
        message: 'a publishable key needs at least one allowed origin, or it could never be used',
      });
    }
    if (body.kind === 'secret' && origins.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['allowedOrigins'],
        message: 'a secret key is for servers and does not check origins; use a publishable key',
      });
    }
  });
export type CreateKeyRequest = z.input<typeof createKeyRequestSchema>;

/** A key as listed: never the key itself, which is stored only as a hash. */
export const keySchema = z.object({
  id: keyIdSchema,
  kind: keyKindSchema,
  name: z.string().nullable(),
  prefix: z.string().max(32).describe('The first characters of the key, to recognise it.'),
  allowedOrigins: z.array(z.string()),
  createdAt: timestampSchema,
});
export type Key = z.output<typeof keySchema>;

/** The answer of `POST /api/apps/{appId}/keys`: the only time `key` is shown. */
export const createdKeySchema = keySchema.extend({
  key: z.string().min(16).max(256).describe('Shown this once; send it as `Authorization: Bearer <key>`.'),
});
export type CreatedKey = z.output<typeof createdKeySchema>;

export const keyListSchema = z.object({ keys: z.array(keySchema) });
export type KeyList = z.output<typeof keyListSchema>;
