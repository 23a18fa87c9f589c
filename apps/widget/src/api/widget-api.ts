import { readRunEvents } from './read-run-events.ts';
import { failureOf, RequestFailureError } from './request-failure.ts';
import type { WidgetRunEvent } from './run-event.ts';

/** What `GET /v1/apps/{appId}/widget` tells the launcher (API.md, "Widget"); theme fields may be absent. */
export interface WidgetConfig {
  readonly name: string | null;
  readonly greeting: string | null;
  readonly primaryColor: string | null;
  readonly position: string | null;
  readonly mode: string | null;
}

export interface StoredMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

export interface WidgetApiOptions {
  /** The runtime's origin, e.g. `https://edgeflow.example.com` (where widget.js came from). */
  readonly baseUrl: string;
  readonly appId: string;
  /** The publishable key from `data-key`. */
  readonly key: string;
  /** The visitor's id (`x-edgeflow-visitor`), which owns their conversations. */
  readonly visitorId: string;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

/** The three calls the widget makes, all with the publishable key and the visitor id, never with cookies. */
export interface WidgetApi {
  config(): Promise<WidgetConfig>;
  /** Starts a run; resolves once the stream is open (throws {@link RequestFailureError} before that). */
  run(
    query: string,
    conversationId: string | null,
    signal?: AbortSignal,
  ): Promise<AsyncIterable<WidgetRunEvent>>;
  messages(conversationId: string): Promise<StoredMessage[]>;
}

function field(value: unknown, name: string): string | null {
  const found = (value as Record<string, unknown> | null | undefined)?.[name];
  return typeof found === 'string' ? found : null;
}

function toConfig(body: unknown): WidgetConfig {
  const theme = (body as { theme?: unknown } | null)?.theme;
  return {
    name: field(body, 'name'),
    greeting: field(body, 'greeting'),
    primaryColor: field(theme, 'primaryColor'),
    position: field(theme, 'position'),
    mode: field(theme, 'mode'),
  };
}

function toMessages(body: unknown): StoredMessage[] {
  const list = (body as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown) => {
    const role = field(entry, 'role');
    const content = field(entry, 'content');
    return (role === 'user' || role === 'assistant') && content !== null ? [{ role, content }] : [];
  });
}

/**
 * The widget's client for the runtime. A fetch that fails without a response (CORS refusal or no
 * network) cannot be told apart from inside the page, so it probes the runtime with a `no-cors`
 * request: if that gets through, the service is up and this site is refused; if not, it is down.
 * @example const api = createWidgetApi({ baseUrl, appId, key }); for await (const event of await api.run('hi', null)) …
 */
export function createWidgetApi(options: WidgetApiOptions): WidgetApi {
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  const base = `${options.baseUrl}/v1/apps/${encodeURIComponent(options.appId)}`;
  const headers = { authorization: `Bearer ${options.key}`, 'x-edgeflow-visitor': options.visitorId };

  async function request(url: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await send(url, { ...init, credentials: 'omit', headers: { ...headers, ...init.headers } });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      const reachable = await send(`${options.baseUrl}/healthz`, {
        mode: 'no-cors',
        credentials: 'omit',
      }).then(
        () => true,
        () => false,
      );
      throw new RequestFailureError({ kind: reachable ? 'refused' : 'unavailable' });
    }
    if (!response.ok) throw new RequestFailureError(await failureOf(response, now()));
    return response;
  }

  return {
    async config() {
      return toConfig(await (await request(`${base}/widget`, {})).json());
    },
    async run(query, conversationId, signal) {
      const body = { inputs: { query }, stream: true, ...(conversationId ? { conversationId } : {}) };
      const response = await request(`${base}/runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify(body),
        ...(signal ? { signal } : {}),
      });
      if (!response.body) throw new RequestFailureError({ kind: 'unavailable' });
      return readRunEvents(response.body);
    },
    async messages(conversationId) {
      const url = `${base}/conversations/${encodeURIComponent(conversationId)}/messages`;
      return toMessages(await (await request(url, {})).json());
    },
  };
}
