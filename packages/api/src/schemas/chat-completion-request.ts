import { z } from 'zod';
import { limits } from './limits.ts';

/** A part of an array `content`; only `text` parts are read, others (images, audio) are ignored. */
export const chatContentPartSchema = z.object({
  type: z.string().max(64),
  text: z.string().max(limits.chatMessageLength).optional(),
});

export const chatCompletionMessageSchema = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  content: z
    .union([z.string().max(limits.chatMessageLength), z.array(chatContentPartSchema).max(100)])
    .nullable()
    .optional(),
  name: z.string().max(limits.nameLength).optional(),
});
export type ChatCompletionMessage = z.output<typeof chatCompletionMessageSchema>;

/**
 * The part of an OpenAI Chat Completions request the platform reads. Not strict: OpenAI clients send
 * fields such as `temperature` or `tools`, which are accepted and ignored, since the app's published
 * pipeline decides how it calls its models. The last `user` message is the query, earlier
 * `user`/`assistant` messages are the history; `system` and `developer` messages are ignored.
 */
export const chatCompletionRequestSchema = z.object({
  model: z
    .string()
    .min(1)
    .max(limits.modelIdLength)
    .describe(
      'The id (`app_…`) of the published chat app the key belongs to; any other model is a 404 `model_not_found`.',
    ),
  messages: z.array(chatCompletionMessageSchema).min(1).max(limits.chatMessageCount),
  stream: z.boolean().optional().describe('Defaults to `false`, as in OpenAI.'),
  stream_options: z
    .object({ include_usage: z.boolean().optional() })
    .nullable()
    .optional()
    .describe('With `include_usage`, a last chunk with empty `choices` carries `usage`.'),
  user: z.string().max(limits.nameLength).optional(),
});
export type ChatCompletionRequest = z.input<typeof chatCompletionRequestSchema>;
