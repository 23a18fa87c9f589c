import { canonicalName, nameWithin } from './special-name.ts';

/** The fetch the egress calls for each hop; `globalThis.fetch` fits, and so does a test double. */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** Resolves a host name to its addresses (`127.0.0.1`, `::1`); only where the platform can. */
export type ResolveFunction = (hostname: string) => Promise<readonly string[]>;

/** What one guarded client may reach and how much it may take. */
export interface EgressPolicy {
  /**
   * Opens loopback, private, carrier-grade NAT and unique-local addresses and local names
   * (`localhost`, `*.internal`, …) for tests and local development. Off by default. Metadata,
   * link-local, multicast and reserved addresses stay refused even then.
   */
  readonly allowPrivate?: boolean | undefined;
  /** When non-empty, only these hosts (exact, or `*.example.com` for its subdomains). Narrows, never widens. */
  readonly allowHosts?: readonly string[] | undefined;
  /** Hosts refused whatever else holds (exact, or `*.example.com` for its subdomains). */
  readonly denyHosts?: readonly string[] | undefined;
  /** Bytes of response body read before giving up; default 5 MiB. */
  readonly maxResponseBytes?: number | undefined;
  /** Redirects followed per request; default 5. */
  readonly maxRedirects?: number | undefined;
  /** Upper bound on any request's time, redirects and body included; default 120 s (the graph's maximum). */
  readonly maxTimeoutMs?: number | undefined;
  /** Defaults to `globalThis.fetch`, looked up on each call. */
  readonly fetch?: FetchFunction | undefined;
  /**
   * Optional DNS check: every address a name resolves to must pass the address rules. Workers have
   * no DNS API, so there it is absent; see README.md for what that leaves open.
   */
  readonly resolve?: ResolveFunction | undefined;
}

export const defaultMaxResponseBytes = 5 * 1024 * 1024;
export const defaultMaxRedirects = 5;
export const defaultMaxTimeoutMs = 120_000;

/** A host pattern: an exact host, or every subdomain of a suffix. */
export interface HostPattern {
  readonly host: string;
  readonly subdomains: boolean;
}

/** A policy with defaults filled in and host lists parsed once. */
export interface CompiledPolicy {
  readonly allowPrivate: boolean;
  readonly allowHosts: readonly HostPattern[];
  readonly denyHosts: readonly HostPattern[];
  readonly maxResponseBytes: number;
  readonly maxRedirects: number;
  readonly maxTimeoutMs: number;
  readonly fetch: FetchFunction;
  readonly resolve: ResolveFunction | undefined;
}

/**
 * A host as the URL parser spells it (`127.0.0.1`, `[::1]`, `xn--bcher-kva.de`), without trailing
 * dots; undefined when it is not a host. Accepts `host:port` and bare IPv6 (`::1`).
 */
export function normaliseHost(host: string): string | undefined {
  let text = host.trim();
  if (text === '' || /[\s/?#@\\]/.test(text)) return undefined;
  if (!text.startsWith('[') && text.split(':').length > 2) text = `[${text}]`;
  try {
    const hostname = canonicalName(new URL(`http://${text}/`).hostname);
    return hostname === '' ? undefined : hostname;
  } catch {
    return undefined;
  }
}

function parsePattern(entry: string, list: string): HostPattern {
  const subdomains = entry.startsWith('*.');
  const host = normaliseHost(subdomains ? entry.slice(2) : entry);
  if (host === undefined) throw new TypeError(`The egress ${list} entry "${entry}" is not a host name.`);
  return { host, subdomains };
}

/** Whether a normalised host matches a pattern (`*.example.com` matches `a.example.com`, not `example.com`). */
export function hostMatches(host: string, pattern: HostPattern): boolean {
  return pattern.subdomains ? host !== pattern.host && nameWithin(host, pattern.host) : host === pattern.host;
}

function positive(value: number | undefined, fallback: number, name: string, allowZero = false): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < (allowZero ? 0 : 1))
    throw new RangeError(
      `The egress policy's ${name} must be a ${allowZero ? 'non-negative' : 'positive'} number.`,
    );
  return Math.floor(value);
}

const platformFetch: FetchFunction = (input, init) => globalThis.fetch(input, init);

/** Fills defaults and parses host lists; a malformed list entry throws rather than being skipped. */
export function compilePolicy(policy: EgressPolicy = {}): CompiledPolicy {
  return {
    allowPrivate: policy.allowPrivate === true,
    allowHosts: (policy.allowHosts ?? []).map((entry) => parsePattern(entry, 'allowHosts')),
    denyHosts: (policy.denyHosts ?? []).map((entry) => parsePattern(entry, 'denyHosts')),
    maxResponseBytes: positive(policy.maxResponseBytes, defaultMaxResponseBytes, 'maxResponseBytes'),
    maxRedirects: positive(policy.maxRedirects, defaultMaxRedirects, 'maxRedirects', true),
    maxTimeoutMs: positive(policy.maxTimeoutMs, defaultMaxTimeoutMs, 'maxTimeoutMs'),
    fetch: policy.fetch ?? platformFetch,
    resolve: policy.resolve,
  };
}
