import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pdfApp = (path: string) => fileURLToPath(new URL(`../../../pdf/${path}`, import.meta.url));

/**
 * The PDF Worker (apps/pdf) as one ES module, for the worker tests' auxiliary worker `edgeflow-pdf`
 * (vitest.config.ts): an auxiliary worker runs a script as it is, without Vite or wrangler's bundler,
 * so the global setup bundles it first with esbuild, the bundler wrangler itself uses.
 */
export const pdfWorkerScript = fileURLToPath(
  new URL('../../.wrangler/test/edgeflow-pdf.mjs', import.meta.url),
);

/** apps/pdf/wrangler.jsonc's compatibility date, so the tests run the PDF Worker as deployed. */
export const pdfWorkerCompatibilityDate =
  /"compatibility_date"\s*:\s*"([^"]+)"/.exec(readFileSync(pdfApp('wrangler.jsonc'), 'utf8'))?.[1] ??
  '2026-08-01';

/** Bundles apps/pdf/src/index.ts into `pdfWorkerScript` the way wrangler would (workerd conditions, ESM). */
export async function bundlePdfWorker(): Promise<void> {
  await build({
    entryPoints: [pdfApp('src/index.ts')],
    outfile: pdfWorkerScript,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2024',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    external: ['cloudflare:*'],
    logLevel: 'warning',
  });
}
