import { checkCompiledUrl } from './check-url.ts';
import { EgressDeadline } from './egress-deadline.ts';
import { EgressError } from './egress-error.ts';
import { compilePolicy, type EgressPolicy } from './egress-policy.ts';
import { outgoingHeaders } from './outgoing-request.ts';
import { checkDeclaredLength, limitBody } from './response-body.ts';
import { sendGuarded } from './send-guarded.ts';

/** A `fetch` that only reaches what the policy allows. */
export type GuardedFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

const nullBodyStatuses: ReadonlySet<number> = new Set([101, 204, 205, 304]);

function requestUrl(input: string | URL | Request): string {
  return input instanceof Request ? input.url : String(input);
}

/**
 * A drop-in `fetch` (for SDKs that take one, e.g. a provider with a user-set base URL) with the
 * egress rules: URL and every redirect checked, no Workers `cf` options passed on, the body limited to
 * `maxResponseBytes` as it streams, and the whole exchange, body included, bounded by `maxTimeoutMs`.
 * The returned Response is a copy: its `url` is empty and `redirected` is false.
 * @example createOpenAICompatible({ baseURL, fetch: createGuardedFetch({ denyHosts }) })
 */
export function createGuardedFetch(policy: EgressPolicy = {}): GuardedFetch {
  const compiled = compilePolicy(policy);
  return async (input, init) => {
    // Checked before `new Request`, which would reject user:pass@ URLs with a less useful message.
    const checked = checkCompiledUrl(requestUrl(input), compiled);
    if (!checked.ok) throw new EgressError(checked.reason, checked.message);
    let request: Request;
    try {
      request = new Request(input, init);
    } catch (error) {
      throw new EgressError('invalid_request', 'Refused the request: it could not be built.', {
        cause: error,
      });
    }
    const headers = outgoingHeaders(request.headers);
    const origin = checked.url.origin;
    const deadline = new EgressDeadline(compiled.maxTimeoutMs, origin, request.signal);
    let handedOver = false;
    try {
      deadline.throwIfCancelled();
      const method = request.method;
      const body =
        method === 'GET' || method === 'HEAD' || !request.body ? undefined : await request.arrayBuffer();
      const { response, url } = await sendGuarded(
        { url: checked.url, method, headers, body },
        compiled,
        deadline,
      );
      const limitOrigin = url.origin;
      checkDeclaredLength(response, compiled.maxResponseBytes, limitOrigin);
      const init = { status: response.status, statusText: response.statusText, headers: response.headers };
      if (!response.body || nullBodyStatuses.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        return new Response(null, init);
      }
      const limited = limitBody(response.body, {
        maxBytes: compiled.maxResponseBytes,
        origin: limitOrigin,
        failure: (error) => deadline.failure(error),
        done: () => deadline.dispose(),
      });
      handedOver = true;
      return new Response(limited, init);
    } catch (error) {
      throw deadline.failure(error);
    } finally {
      if (!handedOver) deadline.dispose();
    }
  };
}
