/**
 * A `fetch` that reports upload progress, for the typed client's `fetch` option: `fetch` cannot observe
 * the bytes of a request body as they leave, `XMLHttpRequest` can (`upload.onprogress`). It covers what
 * the client's transport sends (method, headers, a string or `FormData` body, an abort signal).
 */
export interface UploadObserver {
  /** Bytes of the body sent so far, of `total`. */
  readonly onProgress?: (loaded: number, total: number) => void;
  /** The whole body is sent; the answer is still to come. */
  readonly onSent?: () => void;
}

/** The headers of `XMLHttpRequest.getAllResponseHeaders()` (CRLF-separated `name: value` lines). */
export function parseResponseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Statuses whose answer may not have a body (`new Response` refuses one). */
const bodiless = new Set([101, 204, 205, 304]);

export function progressFetch(observer: UploadObserver): typeof fetch {
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const request = new XMLHttpRequest();
      const url = input instanceof Request ? input.url : String(input);
      request.open(init.method ?? 'GET', url);
      new Headers(init.headers).forEach((value, name) => {
        request.setRequestHeader(name, value);
      });
      request.responseType = 'blob';
      // Listeners on `upload` must be in place before send(), or the browser reports no progress.
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) observer.onProgress?.(event.loaded, event.total);
      };
      request.upload.onload = () => observer.onSent?.();
      request.onload = () => {
        const body = bodiless.has(request.status) ? null : (request.response as Blob);
        resolve(
          new Response(body, {
            status: request.status,
            statusText: request.statusText,
            headers: parseResponseHeaders(request.getAllResponseHeaders()),
          }),
        );
      };
      // What fetch rejects with, so callers handle both alike.
      request.onerror = () => reject(new TypeError('Failed to fetch'));
      request.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
      const signal = init.signal;
      if (signal) {
        if (signal.aborted) {
          reject(new DOMException('The upload was cancelled.', 'AbortError'));
          return;
        }
        signal.addEventListener('abort', () => request.abort(), { once: true });
      }
      request.send((init.body ?? null) as XMLHttpRequestBodyInit | null);
    });
}
