/**
 * The editor page's first API answers, asked for by the inline script in index.html while the
 * scripts still download (opening an app otherwise waits for the bundle, the first render and an
 * effect before its two requests even start). Each entry is used once, by the client's first GET of
 * the same URL with the same token; anything else goes to the network as usual.
 */
export interface Preloaded {
  /** Absolute URL, as the client builds it. */
  readonly url: string;
  readonly authorization: string;
  readonly response: Promise<Response>;
}

/** Where index.html's script leaves what it started. */
export const preloadGlobal = '__edgeflowPreload';

/** A `fetch` that answers from `preloaded` (taking each entry out as it is used), else from `next`. */
export function withPreloaded(preloaded: Preloaded[], next: typeof fetch): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const authorization = new Headers(init?.headers).get('authorization');
    const index =
      method === 'GET' && init?.signal == null
        ? preloaded.findIndex((entry) => entry.url === url && entry.authorization === authorization)
        : -1;
    const [entry] = index >= 0 ? preloaded.splice(index, 1) : [];
    return entry ? entry.response : next(input, init);
  };
}

/** What the page's inline script started (an empty list when it started nothing). */
export function pagePreloads(): Preloaded[] {
  const found = (window as unknown as Record<string, unknown>)[preloadGlobal];
  return Array.isArray(found) ? (found as Preloaded[]) : [];
}
