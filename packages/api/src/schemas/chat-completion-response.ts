import { z } from 'zod';

export const chatCompletionUsageSchema = z.object({
  prompt_tokens: z.int().min(0),
  completion_tokens: z.int().min(0),
  total_tokens: z.int().min(0),
});
export type ChatCompletionUsage = z.output<typeof chatCompletionUsageSchema>;

const finishReasonSchema = z.enum(['stop', 'length', 'content_filter', 'tool_calls']);

const completionIdSchema = z
  .string()
  .describe('The run id (`run_…`), so `GET /v1/runs/{runId}` finds its trace.');

/** A non-streaming answer of `POST /v1/chat/completions`. */
export const chatCompletionSchema = z.object({
  id: completionIdSchema,
  object: z.literal('chat.completion'),
  created: z.int().min(0).describe('Unix time in seconds.'),
  model: z.string(),
  choices: z.array(
    z.object({
      index: z.int().min(0),
      message: z.object({ role: z.literal('assistant'), content: z.string().nullable() }),
      finish_reason: finishReasonSchema.nullable(),
    }),
  ),
  usage: chatCompletionUsageSchema,
});
export type ChatCompletion = z.output<typeof chatCompletionSchema>;

/** One `data:` of a streaming answer; the stream ends with `data: [DONE]`. */
export const chatCompletionChunkSchema = z.object({
  id: completionIdSchema,
  object: z.literal('chat.completion.chunk'),
  created: z.int().min(0),
  model: z.string(),
  choices: z.array(
    z.object({
      index: z.int().min(0),
      delta: z.object({ role: z.literal('assistant').optional(), content: z.string().nullable().optional() }),
      finish_reason: finishReasonSchema.nullable(),
    }),
  ),
  usage: chatCompletionUsageSchema.nullable().optional(),
});
export type ChatCompletionChunk = z.output<typeof chatCompletionChunkSchema>;

/** `GET /v1/models`: the chat apps the key may call, as OpenAI models. */
export const openAiModelListSchema = z.object({
  object: z.literal('list'),
  data: z.array(
    z.object({
      id: z.string().describe('The app id.'),
      object: z.literal('model'),
      created: z.int().min(0),
      owned_by: z.string(),
    }),
  ),
});
export type OpenAiModelList = z.output<typeof openAiModelListSchema>;

/** Errors of `POST /v1/chat/completions` and `GET /v1/models`, in OpenAI's shape rather than the contract's. */
export const openAiErrorBodySchema = z.object({
  error: z.object({
    message: z.string(),
    type: z
      .string()
      .describe(
        '`invalid_request_error`, `permission_error`, `requests` (rate limited), `insufficient_quota` (daily budget) or `server_error`.',
      ),
    param: z.string().nullable(),
    code: z
      .string()
      .nullable()
      .describe(
        "`invalid_api_key`, `model_not_found`, `rate_limit_exceeded`, or one of the contract's codes.",
      ),
  }),
});
export type OpenAiErrorBody = z.output<typeof openAiErrorBodySchema>;
