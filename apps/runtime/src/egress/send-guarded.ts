import { checkCompiledDestination } from './check-url.ts';
import type { EgressDeadline } from './egress-deadline.ts';
import { EgressError } from './egress-error.ts';
import type { CompiledPolicy } from './egress-policy.ts';
import { type OutgoingRequest, redirectedRequest, redirectLocation } from './outgoing-request.ts';

/** A DNS lookup has no signal of its own; the deadline still ends the wait. */
function untilAborted<Value>(promise: Promise<Value>, signal: AbortSignal): Promise<Value> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<Value>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function ensureAllowed(
  url: URL,
  policy: CompiledPolicy,
  signal: AbortSignal,
  from: URL | undefined,
): Promise<URL> {
  const checked = await untilAborted(checkCompiledDestination(url, policy), signal);
  if (checked.ok) return checked.url;
  const message = from
    ? `Refused a redirect from ${from.origin} to ${checked.target}: ${checked.detail}.`
    : checked.message;
  throw new EgressError(checked.reason, message);
}

/**
 * Sends a request and follows redirects itself, checking the first URL and every Location before
 * anything is sent there. Returns the final response (body unread) and its URL; throws an EgressError for a
 * refused hop, and whatever the platform threw for a failed one (the deadline translates those).
 */
export async function sendGuarded(
  first: OutgoingRequest,
  policy: CompiledPolicy,
  deadline: EgressDeadline,
): Promise<{ readonly response: Response; readonly url: URL }> {
  let request: OutgoingRequest = {
    ...first,
    url: await ensureAllowed(first.url, policy, deadline.signal, undefined),
  };
  for (let redirects = 0; ; redirects += 1) {
    deadline.throwIfCancelled();
    const response = await policy.fetch(request.url.href, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      redirect: 'manual',
      signal: deadline.signal,
    });
    const location = redirectLocation(response);
    if (location === undefined) return { response, url: request.url };
    await response.body?.cancel().catch(() => undefined);
    if (redirects >= policy.maxRedirects)
      throw new EgressError(
        'too_many_redirects',
        `Stopped after ${policy.maxRedirects} redirects: ${request.url.origin} redirected once more.`,
      );
    let target: URL;
    try {
      target = new URL(location, request.url);
    } catch {
      throw new EgressError(
        'invalid_redirect',
        `${request.url.origin} redirected to a Location that is not a URL.`,
      );
    }
    const allowed = await ensureAllowed(target, policy, deadline.signal, request.url);
    request = redirectedRequest(request, response.status, allowed);
  }
}
