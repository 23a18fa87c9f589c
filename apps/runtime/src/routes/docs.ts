import { buildOpenApiDocument } from '@edgeflow/api';
import { Hono } from 'hono';
import { cacheTtlMs } from '../state/caches.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

type Operation = { summary?: string; description?: string; operationId?: string; security?: unknown[] };

/**
 * A self-contained HTML rendering of the OpenAPI document: no CDN or script (the platform must work
 * offline), every operation with its description and the raw document one link away.
 */
function renderDocs(document: ReturnType<typeof buildOpenApiDocument>): string {
  const paths = (document as { paths?: Record<string, Record<string, Operation>> }).paths ?? {};
  const info = (document as { info?: { title?: string; description?: string; version?: string } }).info ?? {};
  const operations = Object.entries(paths)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(
        ([method, operation]) => `<section id="${escapeHtml(operation.operationId ?? `${method}-${path}`)}">
  <h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
  <p><strong>${escapeHtml(operation.summary ?? '')}</strong></p>
  ${operation.description ? `<pre class="description">${escapeHtml(operation.description)}</pre>` : ''}
  <p class="auth">${operation.security && operation.security.length === 0 ? 'Public' : 'Needs credentials'}</p>
</section>`,
      ),
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(info.title ?? 'Edgeflow API')}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2433}
section{border-top:1px solid #e3e7ef;padding:.5rem 0}code{font-size:14px}.method{display:inline-block;min-width:4.5rem;font:600 12px monospace;padding:2px 6px;border-radius:4px;background:#eef2ff;color:#3730a3}
.post{background:#ecfdf5;color:#065f46}.delete{background:#fef2f2;color:#991b1b}.put,.patch{background:#fffbeb;color:#92400e}
pre.description{white-space:pre-wrap;font:14px/1.5 system-ui,sans-serif;margin:0}.auth{color:#5b6475;font-size:13px}
</style></head><body>
<h1>${escapeHtml(info.title ?? 'Edgeflow API')} <small>${escapeHtml(info.version ?? '')}</small></h1>
<p>The machine-readable contract is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
<pre class="description">${escapeHtml(info.description ?? '')}</pre>
<p class="auth">Key revocation and publishing take effect at once on the instance that made the change and within ${cacheTtlMs / 1000} s everywhere.</p>
${operations}
</body></html>`;
}

let cached: { document: ReturnType<typeof buildOpenApiDocument>; html: string } | undefined;
const docs = () => {
  if (!cached) {
    const document = buildOpenApiDocument();
    cached = { document, html: renderDocs(document) };
  }
  return cached;
};

/** `/healthz`, `/openapi.json` and `/docs`: public. */
export const publicInfoRoutes = new Hono()
  .get('/healthz', (context) => context.json({ ok: true }))
  .get('/openapi.json', (context) => context.json(docs().document))
  .get('/docs', (context) => context.html(docs().html));
