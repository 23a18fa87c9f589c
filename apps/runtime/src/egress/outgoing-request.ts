import { EgressError } from './egress-error.ts';

/** One hop as the egress sends it: the checked URL, never the caller's original string. */
export interface OutgoingRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | ArrayBuffer | undefined;
}

// Connection-level headers are the platform's business; a pipeline setting `Host` or
// `Transfer-Encoding` is at best confused and at worst smuggling.
const platformHeaders: ReadonlySet<string> = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
]);

function headerEntries(init: HeadersInit | Readonly<Record<string, string>> | undefined): [string, string][] {
  if (init === undefined) return [];
  const entries: [string, string][] = [];
  if (init instanceof Headers)
    init.forEach((value, name) => {
      entries.push([name, value]);
    });
  else if (Array.isArray(init)) for (const [name = '', value = ''] of init) entries.push([name, value]);
  else entries.push(...Object.entries(init));
  return entries;
}

/** The caller's headers minus connection-level ones; a name or value that is not valid HTTP is refused. */
export function outgoingHeaders(init: HeadersInit | Readonly<Record<string, string>> | undefined): Headers {
  const headers = new Headers();
  for (const [name, value] of headerEntries(init)) {
    try {
      headers.append(name, value);
    } catch (error) {
      // The name is the caller's own configuration; the value may be a secret, so it stays out.
      throw new EgressError(
        'invalid_request',
        `Refused the request: header "${name.slice(0, 64)}" is not valid HTTP.`,
        {
          cause: error,
        },
      );
    }
  }
  for (const name of platformHeaders) headers.delete(name);
  return headers;
}

const redirectStatuses: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** The raw Location of a redirect the egress follows, or undefined for any other response. */
export function redirectLocation(response: Response): string | undefined {
  if (!redirectStatuses.has(response.status)) return undefined;
  return response.headers.get('location') ?? undefined;
}

// What a request to another origin keeps: nothing that could carry a credential (Authorization,
// Cookie, and the API-key headers pipelines invent, like X-Api-Key), only content negotiation.
const crossOriginHeaders: ReadonlySet<string> = new Set([
  'accept',
  'accept-language',
  'cache-control',
  'content-language',
  'content-type',
  'pragma',
  'user-agent',
]);

const bodyHeaders: readonly string[] = [
  'content-encoding',
  'content-language',
  'content-location',
  'content-type',
];

/**
 * The request a redirect leads to, as the Fetch standard has it (303, and 301/302 after a POST, become
 * a GET without body), except that a hop to another origin keeps only content-negotiation headers.
 */
export function redirectedRequest(request: OutgoingRequest, status: number, target: URL): OutgoingRequest {
  const method = request.method.toUpperCase();
  const toGet =
    (status === 303 && method !== 'GET' && method !== 'HEAD') ||
    ((status === 301 || status === 302) && method === 'POST');
  const headers = new Headers(request.headers);
  if (toGet) for (const name of bodyHeaders) headers.delete(name);
  if (target.origin !== request.url.origin) {
    const names: string[] = [];
    headers.forEach((_value, name) => {
      names.push(name);
    });
    for (const name of names) if (!crossOriginHeaders.has(name)) headers.delete(name);
  }
  return {
    url: target,
    method: toGet ? 'GET' : request.method,
    headers,
    body: toGet ? undefined : request.body,
  };
}
