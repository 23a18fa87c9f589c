const allowedProtocols = new Set(['http:', 'https:', 'mailto:']);

/**
 * The normalised URL when `raw` is an absolute http, https or mailto URL, else `null`, so that
 * `javascript:`, `data:`, `vbscript:` and relative links (in every spelling the URL parser accepts,
 * e.g. with tabs, newlines or upper case) never become a link.
 * @example safeLink('JaVa\tScript:alert(1)') // null
 */
export function safeLink(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return allowedProtocols.has(url.protocol) ? url.href : null;
}
