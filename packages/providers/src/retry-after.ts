/**
 * How long a provider asked us to wait, in ms, from `Retry-After` (seconds or an HTTP date) and
 * OpenAI's `Retry-After-Ms`; the longer one wins, so we never come back sooner than either says.
 * Undefined when neither header is usable.
 * @example retryAfterMs({ 'retry-after': '2' }, Date.now()) === 2000
 */
export function retryAfterMs(
  headers: Readonly<Record<string, string>> | undefined,
  now: number,
): number | undefined {
  if (headers === undefined) return undefined;
  const lowerCased = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const waits = [
    parseRetryAfter(lowerCased.get('retry-after'), now),
    parseMilliseconds(lowerCased.get('retry-after-ms')),
  ];
  const known = waits.filter((wait): wait is number => wait !== undefined);
  return known.length === 0 ? undefined : Math.max(...known);
}

function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (text === undefined || text === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function parseMilliseconds(value: string | undefined): number | undefined {
  const text = value?.trim();
  if (text === undefined || !/^\d+(?:\.\d+)?$/.test(text)) return undefined;
  return Math.ceil(Number(text));
}
