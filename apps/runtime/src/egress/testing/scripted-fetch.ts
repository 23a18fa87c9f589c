import type { FetchFunction } from '../egress-policy.ts';

/** One request the scripted fetch saw, with headers lower-cased. */
export interface SeenRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly init: RequestInit;
}

export type ScriptedAnswer = Response | ((request: SeenRequest) => Response | Promise<Response>);

export interface ScriptedFetch extends FetchFunction {
  readonly seen: SeenRequest[];
}

/** A redirect answer. */
export function redirectTo(location: string, status = 302): Response {
  return new Response(null, { status, headers: { location } });
}

function bodyText(body: RequestInit['body']): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer) return new TextDecoder().decode(body);
  return '[body]';
}

/**
 * A fetch that plays public hosts from a script keyed by exact URL (`https://api.example.com/a`) and
 * records every request; an unscripted URL throws, so a test sees any request the egress should not
 * have sent. A Response answer is cloned, so one script entry can answer many times.
 * @example const fetch = scriptedFetch({ 'https://api.example.com/': redirectTo('http://169.254.169.254/') })
 */
export function scriptedFetch(script: Readonly<Record<string, ScriptedAnswer>>): ScriptedFetch {
  const seen: SeenRequest[] = [];
  const scripted = async (input: string, init: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const request = { url: input, method: init.method ?? 'GET', headers, body: bodyText(init.body), init };
    seen.push(request);
    const answer = script[input];
    if (answer === undefined) throw new Error(`unscripted request to ${input}`);
    return typeof answer === 'function' ? answer(request) : answer.clone();
  };
  return Object.assign(scripted, { seen });
}
