/**
 * An IP address as a number: IPv4 in 32 bits, IPv6 in 128. Range checks are prefix comparisons on it.
 * Parsing is strict on purpose (dotted-quad decimal, standard IPv6 text): callers first normalise hosts
 * with the WHATWG URL parser, which turns `0x7f.1`, `2130706433`, `0177.0.0.1` and friends into
 * `127.0.0.1`, so the shapes left to parse are the canonical ones.
 */
export type IpAddress =
  | { readonly version: 4; readonly value: number }
  | { readonly version: 6; readonly value: bigint };

const ipv4Part = /^(?:0|[1-9][0-9]{0,2})$/;

/** `a.b.c.d` in decimal without leading zeros, each part 0–255; anything else is not an address. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!ipv4Part.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

const hexGroup = /^[0-9a-f]{1,4}$/i;

function parseGroups(text: string): number[] | undefined {
  if (text === '') return [];
  const groups: number[] = [];
  const parts = text.split(':');
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1 && part.includes('.')) {
      const embedded = parseIpv4(part);
      if (embedded === undefined) return undefined;
      groups.push(Math.floor(embedded / 0x10000), embedded % 0x10000);
    } else if (hexGroup.test(part)) {
      groups.push(Number.parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}

/** IPv6 text (`::` compression and a trailing dotted IPv4 allowed; no zone id, no brackets). */
export function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  let value = 0n;
  for (const group of groups) value = (value << 16n) | BigInt(group);
  return value;
}

/** A URL hostname (`127.0.0.1`, `[::1]`) as an address, or undefined when it is a name. */
export function parseIpHost(hostname: string): IpAddress | undefined {
  if (hostname.startsWith('[') && hostname.endsWith(']')) {
    const value = parseIpv6(hostname.slice(1, -1));
    return value === undefined ? undefined : { version: 6, value };
  }
  const v4 = parseIpv4(hostname);
  if (v4 !== undefined) return { version: 4, value: v4 };
  const v6 = hostname.includes(':') ? parseIpv6(hostname) : undefined;
  return v6 === undefined ? undefined : { version: 6, value: v6 };
}

/** Dotted-quad text of an IPv4 number. */
export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}
