import type { EgressReason } from './egress-error.ts';
import {
  type CompiledPolicy,
  compilePolicy,
  type EgressPolicy,
  hostMatches,
  normaliseHost,
} from './egress-policy.ts';
import { parseIpHost } from './ip-address.ts';
import { classifyAddress, localCategories } from './special-address.ts';
import { canonicalName, classifyName } from './special-name.ts';

export type RefusalReason = Extract<
  EgressReason,
  | 'invalid_url'
  | 'scheme_not_allowed'
  | 'credentials_in_url'
  | 'port_not_allowed'
  | 'host_denied'
  | 'host_not_allowed'
  | 'metadata'
  | 'local_name'
  | 'special_address'
  | 'unresolvable'
>;

/** Why a URL may not be requested; `target` is safe to show (an origin, never a path or query). */
export interface Refusal {
  readonly reason: RefusalReason;
  readonly target: string;
  readonly detail: string;
  /** `Refused <target>: <detail>.` */
  readonly message: string;
}

export type UrlCheck = { readonly ok: true; readonly url: URL } | ({ readonly ok: false } & Refusal);

function refuse(reason: RefusalReason, target: string, detail: string): { readonly ok: false } & Refusal {
  return { ok: false, reason, target, detail, message: `Refused ${target}: ${detail}.` };
}

// The Fetch standard's "bad ports": services that parse HTTP-looking bytes as their own protocol (SMTP,
// IRC, SIP, …). Browsers and Node's fetch refuse them already; refusing them here makes Workers, Node
// and tests agree, and says so plainly. Every other port is allowed: the address decides.
const badPorts: ReadonlySet<number> = new Set([
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104,
  109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515,
  526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
  3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

const publicOnly = 'pipelines may only reach hosts on the public internet';

/** The host rules alone, for a host already normalised; `target` names it in messages. */
function checkHost(
  host: string,
  policy: CompiledPolicy,
  target: string,
): ({ readonly ok: false } & Refusal) | undefined {
  if (policy.denyHosts.some((pattern) => hostMatches(host, pattern)))
    return refuse('host_denied', target, `${host} is on this app's list of denied hosts`);
  if (policy.allowHosts.length > 0 && !policy.allowHosts.some((pattern) => hostMatches(host, pattern)))
    return refuse('host_not_allowed', target, `${host} is not on this app's list of allowed hosts`);
  const address = parseIpHost(host);
  if (address) {
    const special = classifyAddress(address);
    if (!special || (policy.allowPrivate && localCategories.has(special.category))) return undefined;
    const reason = special.category === 'metadata' ? 'metadata' : 'special_address';
    return refuse(reason, target, `${host} is ${special.label}; ${publicOnly}`);
  }
  const name = classifyName(host);
  if (!name || (policy.allowPrivate && name.category === 'local')) return undefined;
  return refuse(
    name.category === 'metadata' ? 'metadata' : 'local_name',
    target,
    `${host} is ${name.label}; ${publicOnly}`,
  );
}

/** Checks a URL against a compiled policy (no DNS); see `checkUrl`. */
export function checkCompiledUrl(url: string | URL, policy: CompiledPolicy): UrlCheck {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return refuse('invalid_url', 'the URL', 'it is not a valid absolute URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return refuse('scheme_not_allowed', `a ${parsed.protocol} URL`, 'only http: and https: URLs are allowed');
  const target = parsed.origin;
  if (parsed.username !== '' || parsed.password !== '')
    return refuse(
      'credentials_in_url',
      target,
      'a URL may not carry a user name or password; send credentials in a header',
    );
  if (parsed.port !== '' && badPorts.has(Number(parsed.port)))
    return refuse('port_not_allowed', target, `port ${parsed.port} belongs to a non-HTTP service`);
  return checkHost(canonicalName(parsed.hostname), policy, target) ?? { ok: true, url: parsed };
}

/**
 * Whether a URL may be requested, judged on the URL alone after the WHATWG parser normalised it
 * (`http://0x7f.1` is `http://127.0.0.1`). On success `url` is the parsed URL: request exactly that,
 * never the original string, so the check and the request cannot read the host differently.
 * Any port is allowed except the Fetch standard's bad ports (25, 6667, …); the address decides.
 * @example checkUrl('http://[::ffff:127.0.0.1]/') // { ok: false, reason: 'special_address', … }
 */
export function checkUrl(url: string | URL, policy: EgressPolicy = {}): UrlCheck {
  return checkCompiledUrl(url, compilePolicy(policy));
}

/**
 * Whether a host (`example.com`, `127.1`, `[::1]`, `::1`, `host:8080`) is refused by the address and
 * name rules and the policy's host lists. Anything that is not a host is refused too.
 * @example isBlockedHost('metadata.google.internal') // true
 */
export function isBlockedHost(host: string, policy: EgressPolicy = {}): boolean {
  const normalised = normaliseHost(host);
  if (normalised === undefined) return true;
  return checkHost(normalised, compilePolicy(policy), normalised) !== undefined;
}

async function resolveHost(
  policy: CompiledPolicy,
  url: URL,
): Promise<({ readonly ok: false } & Refusal) | undefined> {
  const host = canonicalName(url.hostname);
  if (!policy.resolve || parseIpHost(host)) return undefined;
  let addresses: readonly string[];
  try {
    addresses = await policy.resolve(host);
  } catch {
    return refuse('unresolvable', url.origin, `the name ${host} could not be resolved`);
  }
  if (addresses.length === 0) return refuse('unresolvable', url.origin, `the name ${host} has no addresses`);
  for (const text of addresses) {
    const address = parseIpHost(text);
    if (!address)
      return refuse(
        'unresolvable',
        url.origin,
        `the name ${host} resolved to something that is not an address`,
      );
    const special = classifyAddress(address);
    if (!special || (policy.allowPrivate && localCategories.has(special.category))) continue;
    const reason = special.category === 'metadata' ? 'metadata' : 'special_address';
    return refuse(reason, url.origin, `${host} resolves to ${text}, ${special.label}; ${publicOnly}`);
  }
  return undefined;
}

/** `checkCompiledUrl`, then (when the policy can resolve names) every address of the host. */
export async function checkCompiledDestination(url: string | URL, policy: CompiledPolicy): Promise<UrlCheck> {
  const checked = checkCompiledUrl(url, policy);
  if (!checked.ok) return checked;
  return (await resolveHost(policy, checked.url)) ?? checked;
}

/**
 * `checkUrl`, plus a DNS check when the policy has `resolve`: every address the name resolves to must
 * pass. The connection may still resolve again (see README.md on DNS rebinding).
 * @example await checkDestination(importUrl, { resolve: (host) => dnsLookupAll(host) })
 */
export async function checkDestination(url: string | URL, policy: EgressPolicy = {}): Promise<UrlCheck> {
  return checkCompiledDestination(url, compilePolicy(policy));
}
