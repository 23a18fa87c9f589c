/**
 * The caller's address for rate limiting: `CF-Connecting-IP`, which Cloudflare sets on every request
 * from the internet (overwriting whatever the client sent). Under `wrangler dev` the local proxy sets
 * it only when the client did not, so locally it can be chosen by the caller; it never grants anything,
 * it only picks a rate-limit bucket.
 */
export function clientAddress(request: Request): string {
  return request.headers.get('cf-connecting-ip')?.trim() || 'unknown';
}
