import { z } from 'zod';
import { limits } from './limits.ts';

/** The prefix of every kind of id the API hands out. */
export const idPrefixes = {
  app: 'app_',
  run: 'run_',
  key: 'key_',
  knowledgeBase: 'kb_',
  document: 'doc_',
  conversation: 'conv_',
} as const;
export type IdPrefix = (typeof idPrefixes)[keyof typeof idPrefixes];

/**
 * A string id that starts with `prefix`; the rest is URL-safe so ids can sit in a path unescaped.
 * @example prefixedIdSchema('app_').parse('app_V1StGXR8Z5jdHi6B') // ok
 */
export function prefixedIdSchema<Prefix extends IdPrefix>(prefix: Prefix) {
  const rest = z
    .string()
    .regex(
      new RegExp(`^[A-Za-z0-9_-]{1,${limits.idLength}}$`),
      `must be ${prefix} followed by 1 to ${limits.idLength} letters, digits, _ or -`,
    );
  return z.templateLiteral([prefix, rest]);
}

export const appIdSchema = prefixedIdSchema(idPrefixes.app);
export const runIdSchema = prefixedIdSchema(idPrefixes.run);
export const keyIdSchema = prefixedIdSchema(idPrefixes.key);
export const knowledgeBaseIdSchema = prefixedIdSchema(idPrefixes.knowledgeBase);
export const documentIdSchema = prefixedIdSchema(idPrefixes.document);
export const conversationIdSchema = prefixedIdSchema(idPrefixes.conversation);

export type AppId = z.output<typeof appIdSchema>;
export type RunId = z.output<typeof runIdSchema>;
export type KeyId = z.output<typeof keyIdSchema>;
export type KnowledgeBaseId = z.output<typeof knowledgeBaseIdSchema>;
export type DocumentId = z.output<typeof documentIdSchema>;
export type ConversationId = z.output<typeof conversationIdSchema>;
