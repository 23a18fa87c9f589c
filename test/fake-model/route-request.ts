import type { BehaviourBook } from './behaviour-book.ts';
import { handleChatCompletions } from './chat-completions-route.ts';
import { handleEmbeddings } from './embeddings-route.ts';
import { type Exchange, sendJson } from './http-exchange.ts';
import { handleModel, handleModelList } from './models-route.ts';
import { openAiError } from './openai-error.ts';

export interface RouteSettings {
  readonly book: BehaviourBook;
  readonly listedModels: () => readonly string[];
  readonly embeddingDimensions: number;
}

const modelPath = /^\/v1\/models\/(.+)$/;

/** Sends an exchange to its endpoint; anything else gets OpenAI's 404, and a POST without JSON a 400. */
export async function routeRequest(exchange: Exchange, path: string, settings: RouteSettings): Promise<void> {
  const method = exchange.request.method ?? 'GET';
  const isPost = method === 'POST';
  if (
    isPost &&
    (path === '/v1/chat/completions' || path === '/v1/embeddings') &&
    exchange.body === undefined
  ) {
    const message =
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)";
    return sendJson(exchange, 400, openAiError(message, 'invalid_request_error'));
  }
  if (isPost && path === '/v1/chat/completions') return handleChatCompletions(exchange, settings.book);
  if (isPost && path === '/v1/embeddings') {
    return handleEmbeddings(exchange, settings.book, settings.embeddingDimensions);
  }
  if (method === 'GET' && path === '/v1/models') return handleModelList(exchange, settings.listedModels());
  const modelId = method === 'GET' ? modelPath.exec(path)?.[1] : undefined;
  if (modelId !== undefined) return handleModel(exchange, decodeURIComponent(modelId));
  sendJson(exchange, 404, openAiError(`Invalid URL (${method} ${path})`, 'invalid_request_error'));
}
