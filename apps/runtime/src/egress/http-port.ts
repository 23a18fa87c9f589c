import type { CancelSignal, HttpPort, HttpRequest, HttpResponse } from '@edgeflow/engine';
import { checkCompiledUrl } from './check-url.ts';
import { EgressDeadline } from './egress-deadline.ts';
import { EgressError } from './egress-error.ts';
import { compilePolicy, type EgressPolicy } from './egress-policy.ts';
import { outgoingHeaders } from './outgoing-request.ts';
import { readLimitedText } from './response-body.ts';
import { sendGuarded } from './send-guarded.ts';

function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    const previous = record[name];
    record[name] = previous === undefined ? value : `${previous}, ${value}`;
  });
  return record;
}

function effectiveTimeout(requested: number, cap: number): number {
  return Number.isFinite(requested) && requested > 0 ? Math.min(requested, cap) : cap;
}

/**
 * The engine's HttpPort over the guarded egress: every URL and redirect checked, the body read up to
 * the policy's byte limit, the whole exchange bounded by the request's timeout (capped by the policy)
 * and ended by the engine's signal. Refusals and failures are `EgressError`s (engine `HttpPortError`s).
 * @example const ports = { http: createHttpPort({ denyHosts: app.egress.denyHosts }) }
 */
export function createHttpPort(policy: EgressPolicy = {}): HttpPort {
  const compiled = compilePolicy(policy);
  return {
    async request(request: HttpRequest, signal: CancelSignal): Promise<HttpResponse> {
      const checked = checkCompiledUrl(request.url, compiled);
      if (!checked.ok) throw new EgressError(checked.reason, checked.message);
      const headers = outgoingHeaders(request.headers);
      const origin = checked.url.origin;
      const bodyless = request.method === 'GET' || request.method === 'HEAD';
      const deadline = new EgressDeadline(
        effectiveTimeout(request.timeoutMs, compiled.maxTimeoutMs),
        origin,
        signal,
      );
      try {
        deadline.throwIfCancelled();
        const { response, url } = await sendGuarded(
          { url: checked.url, method: request.method, headers, body: bodyless ? undefined : request.body },
          compiled,
          deadline,
        );
        let body = '';
        if (request.method === 'HEAD') await response.body?.cancel().catch(() => undefined);
        else body = await readLimitedText(response, compiled.maxResponseBytes, url.origin);
        return { status: response.status, headers: headerRecord(response.headers), body };
      } catch (error) {
        throw deadline.failure(error);
      } finally {
        deadline.dispose();
      }
    },
  };
}
