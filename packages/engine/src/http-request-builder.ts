import { type ReferenceResolver, stringifyValue } from '@edgeflow/graph';
import type { PlanIndex } from './plan-index.ts';
import type { HttpMethod, HttpRequest } from './ports/http-port.ts';
import { type PreparedTemplate, renderPrepared } from './prepared-template.ts';

/** The templated request of an http node or an agent tool (graph's `httpRequestShape`). */
export interface RequestTemplate {
  readonly method: HttpMethod;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
  readonly timeoutMs: number;
}

/** Still in `scheme://host`: a reference here is a host or a whole URL, not a value to encode. */
const beforePath = /^(?:[a-z][a-z0-9+.-]*:(?:\/\/[^/?#]*)?)?$/i;

/**
 * Renders a URL template. Values after the host are percent-encoded (a city name with a space or a `/`
 * stays one value); a reference that starts the URL or names the host is inserted as it is.
 */
function renderUrl(template: PreparedTemplate, resolve: ReferenceResolver): string {
  if (template.references.length === 0) return renderPrepared(template, resolve);
  let url = '';
  for (const segment of template.segments) {
    if (segment.kind === 'text') {
      url += segment.text;
    } else if (segment.reference.valid) {
      const value = stringifyValue(resolve(segment.reference));
      url += beforePath.test(url) ? value : encodeURIComponent(value);
    }
  }
  return url;
}

function withQuery(url: string, args: Readonly<Record<string, unknown>>, used: readonly string[]): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(args)) {
    if (used.includes(name) || value === undefined || value === null) continue;
    pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(stringifyValue(value))}`);
  }
  if (pairs.length === 0) return url;
  const joiner = !url.includes('?') ? '?' : url.endsWith('?') || url.endsWith('&') ? '' : '&';
  return `${url}${joiner}${pairs.join('&')}`;
}

/** Renders every string inside a JSON body template, so values are escaped by JSON.stringify. */
function renderJsonStrings(value: unknown, index: PlanIndex, resolve: ReferenceResolver): unknown {
  if (typeof value === 'string')
    return value.includes('{{') ? renderPrepared(index.template(value), resolve) : value;
  if (Array.isArray(value)) return value.map((item) => renderJsonStrings(item, index, resolve));
  if (value === null || typeof value !== 'object') return value;
  const rendered: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) rendered[key] = renderJsonStrings(item, index, resolve);
  return rendered;
}

function looksLikeJson(text: string): boolean {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

function renderBody(
  source: string,
  index: PlanIndex,
  resolve: ReferenceResolver,
): { text: string; json: boolean } {
  const parsed = index.jsonTemplate(source);
  if (parsed) return { text: JSON.stringify(renderJsonStrings(parsed.value, index, resolve)), json: true };
  const text = renderPrepared(index.template(source), resolve);
  return { text, json: looksLikeJson(text) };
}

function hasHeader(headers: Readonly<Record<string, string>>, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(headers).some((key) => key.toLowerCase() === lower);
}

/**
 * Turns a request template into the request to send. A body template that is JSON has its strings
 * rendered and stays valid JSON whatever the values hold. For agent tools (`args` given): without a
 * body template a GET sends the arguments its URL does not use as query parameters, and any other
 * method sends them all as a JSON body.
 */
export function buildHttpRequest(
  index: PlanIndex,
  template: RequestTemplate,
  resolve: ReferenceResolver,
  args?: Readonly<Record<string, unknown>>,
): HttpRequest {
  const urlTemplate = index.template(template.url);
  const bodyless = template.method === 'GET' || template.method === 'HEAD';
  let url = renderUrl(urlTemplate, resolve);
  if (args && bodyless && template.body === undefined) url = withQuery(url, args, urlTemplate.argNames);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(template.headers)) {
    // A value that renders a line break would smuggle a second header in.
    headers[name] = renderPrepared(index.template(value), resolve).replace(/[\r\n]+/g, ' ');
  }
  let body: { text: string; json: boolean } | undefined;
  if (!bodyless && template.body !== undefined) body = renderBody(template.body, index, resolve);
  else if (!bodyless && args) body = { text: JSON.stringify(args), json: true };
  if (body?.json && !hasHeader(headers, 'content-type')) headers['content-type'] = 'application/json';
  return {
    method: template.method,
    url,
    headers,
    ...(body === undefined ? {} : { body: body.text }),
    timeoutMs: template.timeoutMs,
  };
}
