import { type DocumentFile, DocumentProblem, documentLimits } from '@edgeflow/knowledge';
import { createGuardedFetch, EgressError } from '../egress/index.ts';
import type { Env } from '../env.ts';
import { ApiError } from '../http/api-error.ts';

const fetchTimeoutMs = 30_000;

/**
 * Fetches a document by URL through the guarded egress (SECURITY 3: no private, loopback or metadata
 * address, checked on every redirect), at most 5 MiB and 30 s. The type is decided later from the
 * content; the answer's Content-Type and the URL's last segment are only hints for text formats.
 */
export async function fetchDocument(env: Env, url: string): Promise<DocumentFile> {
  const guardedFetch = createGuardedFetch({
    allowPrivate: env.EGRESS_ALLOW_PRIVATE === 'true',
    maxResponseBytes: documentLimits.fileBytes,
    maxTimeoutMs: fetchTimeoutMs,
  });
  try {
    const response = await guardedFetch(url, {
      headers: { accept: 'text/html, text/markdown, text/plain, application/pdf, */*;q=0.1' },
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new ApiError(502, 'url_fetch_failed', `The URL answered with status ${response.status}.`, {
        status: response.status,
      });
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const segment = new URL(url).pathname.split('/').pop() ?? '';
    return {
      bytes,
      fileName: decodeURIComponentSafe(segment) || new URL(url).hostname,
      contentType: response.headers.get('content-type') ?? undefined,
    };
  } catch (error) {
    if (error instanceof EgressError && error.reason === 'response_too_large') {
      throw new DocumentProblem(
        'document_too_large',
        `The document at the URL is larger than ${documentLimits.fileBytes} bytes (5 MiB).`,
        { limitBytes: documentLimits.fileBytes },
      );
    }
    throw error;
  }
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
