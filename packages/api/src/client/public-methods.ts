import type { ChatCompletionRequest } from '../schemas/chat-completion-request.ts';
import {
  type ChatCompletion,
  type ChatCompletionChunk,
  chatCompletionSchema,
  type OpenAiModelList,
  openAiModelListSchema,
} from '../schemas/chat-completion-response.ts';
import { type ConversationMessageList, conversationMessageListSchema } from '../schemas/conversation.ts';
import { type WidgetConfig, widgetConfigSchema } from '../schemas/widget-config.ts';
import { parseChatCompletionChunks } from '../sse/parse-chat-completion-chunks.ts';
import { path } from './path.ts';
import type { RequestOptions, Transport } from './transport.ts';

export interface PublicMethods {
  /** `GET /v1/apps/{appId}/conversations/{conversationId}/messages`. */
  listConversationMessages(
    appId: string,
    conversationId: string,
    options?: RequestOptions,
  ): Promise<ConversationMessageList>;
  /** `GET /v1/apps/{appId}/widget`: what the widget's launcher shows (publishable key). */
  getWidgetConfig(appId: string, options?: RequestOptions): Promise<WidgetConfig>;
  /** `POST /v1/chat/completions` without streaming. */
  createChatCompletion(body: ChatCompletionRequest, options?: RequestOptions): Promise<ChatCompletion>;
  /** `POST /v1/chat/completions` streaming: the chunks up to `data: [DONE]`. */
  streamChatCompletion(
    body: ChatCompletionRequest,
    options?: RequestOptions,
  ): AsyncGenerator<ChatCompletionChunk, void, undefined>;
  /** `GET /v1/models`: the apps the key may call, in OpenAI's format. */
  listOpenAiModels(options?: RequestOptions): Promise<OpenAiModelList>;
}

export function createPublicMethods(transport: Transport): PublicMethods {
  return {
    listConversationMessages: async (appId, conversationId, options = {}) =>
      transport.json(
        {
          method: 'GET',
          path: path`/v1/apps/${appId}/conversations/${conversationId}/messages`,
          ...options,
        },
        conversationMessageListSchema,
      ),
    getWidgetConfig: async (appId, options = {}) =>
      transport.json({ method: 'GET', path: path`/v1/apps/${appId}/widget`, ...options }, widgetConfigSchema),
    createChatCompletion: async (body, options = {}) =>
      transport.json(
        { method: 'POST', path: '/v1/chat/completions', body: { ...body, stream: false }, ...options },
        chatCompletionSchema,
      ),
    async *streamChatCompletion(body, options = {}) {
      const stream = await transport.stream({
        method: 'POST',
        path: '/v1/chat/completions',
        body: { ...body, stream: true },
        accept: 'text/event-stream',
        ...options,
      });
      yield* parseChatCompletionChunks(stream);
    },
    listOpenAiModels: async (options = {}) =>
      transport.json({ method: 'GET', path: '/v1/models', ...options }, openAiModelListSchema),
  };
}
