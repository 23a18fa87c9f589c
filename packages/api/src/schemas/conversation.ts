import { z } from 'zod';
import { runIdSchema } from './prefixed-id.ts';
import { timestampSchema } from './timestamp.ts';

export const conversationMessageSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  runId: runIdSchema,
  createdAt: timestampSchema,
});
export type ConversationMessage = z.output<typeof conversationMessageSchema>;

/** `GET /v1/apps/{appId}/conversations/{conversationId}/messages`, oldest first. */
export const conversationMessageListSchema = z.object({
  messages: z.array(conversationMessageSchema).describe('Oldest first.'),
});
export type ConversationMessageList = z.output<typeof conversationMessageListSchema>;
