import type { HttpPort, HttpRequest, HttpResponse } from '../ports/http-port.ts';
import { record } from './scripted-model.ts';

export type HttpHandler = (request: HttpRequest) => HttpResponse | Promise<HttpResponse>;

export interface ScriptedHttp extends HttpPort {
  readonly requests: HttpRequest[];
}

/** A JSON response. */
export function jsonResponse(value: unknown, status = 200): HttpResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

/**
 * An http port that answers from a handler, or from routes keyed `METHOD url` (the URL without its
 * query string when no exact key matches); anything else is a 404. Throw an HttpPortError in a
 * handler to play a refused or failed request.
 * @example createScriptedHttp({ 'GET https://api.example.com/orders/1': jsonResponse({ status: 'shipped' }) })
 */
export function createScriptedHttp(
  routes: HttpHandler | Readonly<Record<string, HttpResponse | HttpHandler>>,
): ScriptedHttp {
  const requests: HttpRequest[] = [];
  return {
    requests,
    async request(request) {
      record(requests, request);
      if (typeof routes === 'function') return routes(request);
      const route =
        routes[`${request.method} ${request.url}`] ??
        routes[`${request.method} ${request.url.split('?')[0] ?? ''}`];
      if (route === undefined) return { status: 404, headers: {}, body: 'not found' };
      return typeof route === 'function' ? route(request) : route;
    },
  };
}
