/** Why a host name is refused without looking up its address. */
export interface SpecialName {
  /** `metadata` names are refused even with `allowPrivate`; `local` names are what it opens. */
  readonly category: 'metadata' | 'local';
  /** Completes "… is": `a cloud metadata name`. */
  readonly label: string;
}

// Names cloud instances resolve to their metadata service. Always refused.
const metadataNames: ReadonlySet<string> = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.tencentyun.com',
]);

// Special-use and never-delegated suffixes that only mean something on a private network, and
// public names that resolve to loopback or to whatever address they spell (DNS-rebinding helpers).
const localSuffixes: readonly string[] = [
  'localhost',
  'local',
  'localdomain',
  'internal',
  'intranet',
  'private',
  'corp',
  'home',
  'lan',
  'home.arpa',
  'svc',
  'localtest.me',
  'lvh.me',
  'vcap.me',
  'nip.io',
  'sslip.io',
  'xip.io',
  'traefik.me',
  'rbndr.us',
  'rebind.network',
];

/** Lower case, without the trailing dots DNS ignores (`localhost.` is `localhost`). */
export function canonicalName(hostname: string): string {
  return hostname.toLowerCase().replace(/\.+$/, '');
}

/** True when `name` is `suffix` or ends in `.suffix`. */
export function nameWithin(name: string, suffix: string): boolean {
  return name === suffix || name.endsWith(`.${suffix}`);
}

/**
 * Whether a host name (already normalised by the URL parser) names a metadata service or a machine
 * on a private network. Names without a dot are local: only a search domain can resolve them.
 */
export function classifyName(hostname: string): SpecialName | undefined {
  const name = canonicalName(hostname);
  if (metadataNames.has(name)) return { category: 'metadata', label: 'a cloud metadata name' };
  const suffix = localSuffixes.find((entry) => nameWithin(name, entry));
  if (suffix) return { category: 'local', label: `a local name (.${suffix})` };
  if (!name.includes('.')) return { category: 'local', label: 'a local name (it has no domain)' };
  return undefined;
}
