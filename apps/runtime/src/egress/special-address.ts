import { formatIpv4, type IpAddress, parseIpv4, parseIpv6 } from './ip-address.ts';

/** Why an address is not on the public internet. */
export type AddressCategory =
  | 'loopback'
  | 'private'
  | 'shared'
  | 'unique-local'
  | 'unspecified'
  | 'link-local'
  | 'metadata'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'benchmarking'
  | 'reserved';

export interface SpecialAddress {
  readonly category: AddressCategory;
  /** Completes "… is": `a loopback address`. */
  readonly label: string;
}

/**
 * What `allowPrivate` opens: machines on the developer's own host or network (fake servers in tests,
 * local models). Link-local, metadata, multicast and reserved addresses stay closed: no test needs them
 * and cloud metadata is the prize of every SSRF.
 */
export const localCategories: ReadonlySet<AddressCategory> = new Set([
  'loopback',
  'private',
  'shared',
  'unique-local',
]);

interface Range<Value> {
  readonly network: Value;
  readonly bits: number;
  readonly special: SpecialAddress;
}

const special = (category: AddressCategory, label: string): SpecialAddress => ({ category, label });

function ipv4Range(cidr: string, category: AddressCategory, label: string): Range<number> {
  const [address = '', bits = ''] = cidr.split('/');
  const network = parseIpv4(address);
  if (network === undefined) throw new Error(`bad IPv4 range ${cidr}`);
  return { network, bits: Number(bits), special: special(category, label) };
}

function ipv6Range(cidr: string, category: AddressCategory, label: string): Range<bigint> {
  const [address = '', bits = ''] = cidr.split('/');
  const network = parseIpv6(address);
  if (network === undefined) throw new Error(`bad IPv6 range ${cidr}`);
  return { network, bits: Number(bits), special: special(category, label) };
}

const metadata = 'a cloud metadata address';

// IANA's IPv4 special-purpose registry, minus the blocks it marks globally reachable (AS112, AMT),
// plus the metadata endpoints clouds put inside otherwise ordinary blocks. Most specific first.
const ipv4Ranges: readonly Range<number>[] = [
  ipv4Range('169.254.169.254/32', 'metadata', metadata), // AWS, GCP, Azure, OCI, DigitalOcean, …
  ipv4Range('169.254.170.2/32', 'metadata', metadata), // AWS ECS task metadata
  ipv4Range('169.254.170.23/32', 'metadata', metadata), // AWS EKS pod identity
  ipv4Range('169.254.0.23/32', 'metadata', metadata), // Tencent Cloud
  ipv4Range('100.100.100.200/32', 'metadata', metadata), // Alibaba Cloud, inside 100.64/10
  ipv4Range('192.0.0.192/32', 'metadata', metadata), // Oracle Cloud (legacy)
  ipv4Range('255.255.255.255/32', 'broadcast', 'the broadcast address'),
  ipv4Range('0.0.0.0/8', 'unspecified', 'a "this network" address (0.0.0.0/8)'),
  ipv4Range('10.0.0.0/8', 'private', 'a private network address'),
  ipv4Range('100.64.0.0/10', 'shared', 'a carrier-grade NAT (shared) address'),
  ipv4Range('127.0.0.0/8', 'loopback', 'a loopback address'),
  ipv4Range('169.254.0.0/16', 'link-local', 'a link-local address'),
  ipv4Range('172.16.0.0/12', 'private', 'a private network address'),
  ipv4Range('192.0.0.0/24', 'reserved', 'an IETF protocol address'),
  ipv4Range('192.0.2.0/24', 'documentation', 'a documentation address'),
  ipv4Range('192.88.99.0/24', 'reserved', 'a deprecated 6to4 relay address'),
  ipv4Range('192.168.0.0/16', 'private', 'a private network address'),
  ipv4Range('198.18.0.0/15', 'benchmarking', 'a benchmarking address'),
  ipv4Range('198.51.100.0/24', 'documentation', 'a documentation address'),
  ipv4Range('203.0.113.0/24', 'documentation', 'a documentation address'),
  ipv4Range('224.0.0.0/4', 'multicast', 'a multicast address'),
  ipv4Range('240.0.0.0/4', 'reserved', 'a reserved address'),
];

// Checked after the IPv4 embeddings (mapped, translated, NAT64, 6to4, Teredo) are unwrapped.
const ipv6Ranges: readonly Range<bigint>[] = [
  ipv6Range('fd00:ec2::254/128', 'metadata', metadata), // AWS IMDS over IPv6
  ipv6Range('fd00:ec2::23/128', 'metadata', metadata), // AWS EKS pod identity over IPv6
  ipv6Range('::/128', 'unspecified', 'the unspecified address'),
  ipv6Range('::1/128', 'loopback', 'a loopback address'),
  ipv6Range('::/96', 'reserved', 'a deprecated IPv4-compatible IPv6 address'),
  ipv6Range('64:ff9b:1::/48', 'reserved', 'a local-use NAT64 address'),
  ipv6Range('100::/64', 'reserved', 'a discard-only address'),
  ipv6Range('2001:2::/48', 'benchmarking', 'a benchmarking address'),
  ipv6Range('2001:db8::/32', 'documentation', 'a documentation address'),
  ipv6Range('3fff::/20', 'documentation', 'a documentation address'),
  ipv6Range('fc00::/7', 'unique-local', 'a unique-local IPv6 address'),
  ipv6Range('fe80::/10', 'link-local', 'a link-local address'),
  ipv6Range('fec0::/10', 'reserved', 'a deprecated site-local address'),
  ipv6Range('ff00::/8', 'multicast', 'a multicast address'),
];

const globalUnicast = ipv6Range('2000::/3', 'reserved', '');
const teredo = ipv6Range('2001::/32', 'reserved', '');
const ietfProtocol = ipv6Range('2001::/23', 'reserved', 'an IETF protocol address');

interface Embedding {
  readonly range: Range<bigint>;
  readonly name: string;
  readonly extract: (value: bigint) => readonly number[];
}

const low32 = (value: bigint) => Number(value & 0xffffffffn);

const embeddings: readonly Embedding[] = [
  { range: ipv6Range('::ffff:0:0/96', 'reserved', ''), name: 'IPv4-mapped', extract: (v) => [low32(v)] },
  {
    range: ipv6Range('::ffff:0:0:0/96', 'reserved', ''),
    name: 'IPv4-translated',
    extract: (v) => [low32(v)],
  },
  { range: ipv6Range('64:ff9b::/96', 'reserved', ''), name: 'NAT64', extract: (v) => [low32(v)] },
  { range: ipv6Range('2002::/16', 'reserved', ''), name: '6to4', extract: (v) => [low32(v >> 80n)] },
  // Teredo carries the server's IPv4 in bits 32–63 and the client's, inverted, in the last 32.
  { range: teredo, name: 'Teredo', extract: (v) => [low32(v >> 64n), low32(~v)] },
];

function inIpv4(value: number, range: Range<number>): boolean {
  const size = 2 ** (32 - range.bits);
  return Math.floor(value / size) === Math.floor(range.network / size);
}

function inIpv6(value: bigint, range: Range<bigint>): boolean {
  const shift = BigInt(128 - range.bits);
  return value >> shift === range.network >> shift;
}

function classifyIpv4(value: number): SpecialAddress | undefined {
  return ipv4Ranges.find((range) => inIpv4(value, range))?.special;
}

function classifyIpv6(value: bigint): SpecialAddress | undefined {
  for (const embedding of embeddings) {
    if (!inIpv6(value, embedding.range)) continue;
    for (const ipv4 of embedding.extract(value)) {
      const inner = classifyIpv4(ipv4);
      if (inner)
        return special(inner.category, `${inner.label} (${formatIpv4(ipv4)} in ${embedding.name} form)`);
    }
    return undefined;
  }
  const listed = ipv6Ranges.find((range) => inIpv6(value, range));
  if (listed) return listed.special;
  if (inIpv6(value, ietfProtocol)) return ietfProtocol.special;
  if (!inIpv6(value, globalUnicast))
    return special('reserved', 'outside the global unicast range (2000::/3)');
  return undefined;
}

/**
 * Which special range an address falls in, or undefined for a public internet address. IPv6 forms
 * that carry an IPv4 address (mapped, translated, NAT64, 6to4, Teredo) are judged by that address.
 * @example classifyAddress({ version: 4, value: 0x7f000001 }) // { category: 'loopback', … }
 */
export function classifyAddress(address: IpAddress): SpecialAddress | undefined {
  return address.version === 4 ? classifyIpv4(address.value) : classifyIpv6(address.value);
}
