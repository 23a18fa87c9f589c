import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBehaviourBook } from './behaviour-book.ts';
import type { FakeModelBehaviour } from './fake-model-behaviour.ts';
import { type Exchange, readBodyText, sendJson } from './http-exchange.ts';
import { openAiError } from './openai-error.ts';
import type { RecordedRequest } from './recorded-request.ts';
import { routeRequest } from './route-request.ts';

export interface FakeModelServerOptions {
  /** 0 (the default) lets the OS pick a free port. */
  readonly port?: number;
  /** The behaviour of models with neither a script nor a queue, `'*'` included. Defaults to `{}`. */
  readonly defaultBehaviour?: FakeModelBehaviour;
  /** Listed by `GET /v1/models` besides the scripted names. */
  readonly models?: readonly string[];
  /** Embedding size when a request gives no `dimensions`. Defaults to 256. */
  readonly embeddingDimensions?: number;
}

export interface FakeModelServer {
  /** The base URL for OpenAI clients, `http://127.0.0.1:<port>/v1`. */
  readonly url: string;
  readonly port: number;
  /** Every request received since start or the last `reset()`, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Requests still being answered; drops to 0 once clients leave, as their timers are cleared. */
  readonly activeRequests: number;
  /** How `model` answers from now on; `'*'` for every model without its own script. */
  script(model: string, behaviour: FakeModelBehaviour): void;
  /** One-shot behaviours for the next requests to `model` (or `'*'`), taken before any script. */
  enqueue(model: string, ...behaviours: FakeModelBehaviour[]): void;
  /** Forgets scripts, queues, recorded requests and the request count. */
  reset(): void;
  /** Stops listening, aborts every reply in progress and cuts every connection. */
  close(): Promise<void>;
}

const defaultModels = ['fake-model', 'fake-embedding-model'];

/**
 * Starts an OpenAI-compatible model server on 127.0.0.1 for tests and benchmarks.
 * @example
 * const server = await createFakeModelServer();
 * server.script('gpt-fake', { text: 'Hello there', interTokenDelayMs: 20 });
 * const client = new OpenAI({ baseURL: server.url, apiKey: 'test' });
 */
export async function createFakeModelServer(options: FakeModelServerOptions = {}): Promise<FakeModelServer> {
  const book = createBehaviourBook(options.defaultBehaviour ?? {});
  const requests: RecordedRequest[] = [];
  const replies = new Set<AbortController>();
  let sequence = 0;
  const settings = {
    book,
    listedModels: () => [...new Set([...defaultModels, ...(options.models ?? []), ...book.models()])],
    embeddingDimensions: options.embeddingDimensions ?? 256,
  };

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const controller = new AbortController();
    replies.add(controller);
    // Fires when the reply ends and when the client goes away early: either way its timers must go.
    response.once('close', () => {
      replies.delete(controller);
      controller.abort(new Error('fake model: connection closed'));
    });
    sequence += 1;
    const exchangeSequence = sequence;
    try {
      const rawBody = await readBodyText(request);
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      const body = parseJsonOrUndefined(rawBody);
      const method = request.method ?? 'GET';
      const headers = request.headers;
      requests.push({
        sequence: exchangeSequence,
        method,
        path,
        headers,
        body,
        rawBody,
        receivedAt: Date.now(),
      });
      const exchange: Exchange = {
        request,
        response,
        body,
        signal: controller.signal,
        sequence: exchangeSequence,
      };
      await routeRequest(exchange, path, settings);
    } catch (error: unknown) {
      if (controller.signal.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const exchange: Exchange = {
        request,
        response,
        body: undefined,
        signal: controller.signal,
        sequence: exchangeSequence,
      };
      sendJson(exchange, 500, openAiError(`Fake model server failed: ${message}`, 'server_error'));
    }
  };

  const server = createServer({ noDelay: true }, (request, response) => {
    void answer(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = listeningPort(server.address());
  let closing: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    get requests() {
      return requests;
    },
    get activeRequests() {
      return replies.size;
    },
    script: (model, behaviour) => book.script(model, behaviour),
    enqueue: (model, ...behaviours) => book.enqueue(model, behaviours),
    reset() {
      book.reset();
      requests.length = 0;
      sequence = 0;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const reply of replies) reply.abort(new Error('fake model: server closed'));
        replies.clear();
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function parseJsonOrUndefined(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function listeningPort(address: AddressInfo | string | null): number {
  if (address === null || typeof address === 'string') throw new Error('fake model server is not on TCP');
  return address.port;
}
