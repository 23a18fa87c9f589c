import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const app = (name: string, path: string) =>
  fileURLToPath(new URL(`../../../${name}/${path}`, import.meta.url));
const outdir = (name: string) => fileURLToPath(new URL(`../../.wrangler/test/${name}`, import.meta.url));

/**
 * A Worker the runtime binds by service (apps/pdf, apps/sandbox), as the worker tests' auxiliary
 * worker of the same name (vitest.config.ts). An auxiliary worker runs its script as it is, without
 * Vite or wrangler's bundler, so the global setup bundles it first with esbuild, the bundler wrangler
 * itself uses; an imported `.wasm` file is copied beside the bundle under its own name and listed as
 * a compiled `WebAssembly.Module`, as wrangler's module rules make it.
 */
export interface SideWorker {
  /** The service name the runtime's wrangler.jsonc binds. */
  readonly name: string;
  /** The bundle's folder: `index.js` and the `.wasm` files it imports. */
  readonly modulesRoot: string;
  /** Miniflare's module list: the entry first. */
  readonly modules: readonly { readonly type: 'ESModule' | 'CompiledWasm'; readonly path: string }[];
  /** Its wrangler.jsonc's compatibility date, so the tests run it as deployed. */
  readonly compatibilityDate: string;
}

function sideWorker(name: string, { folder, wasm }: (typeof folders)[keyof typeof folders]): SideWorker {
  const config = readFileSync(app(folder, 'wrangler.jsonc'), 'utf8');
  const root = outdir(name);
  return {
    name,
    modulesRoot: root,
    modules: [
      { type: 'ESModule', path: `${root}/index.js` },
      ...wasm.map((file) => ({ type: 'CompiledWasm' as const, path: `${root}/${file}` })),
    ],
    compatibilityDate: /"compatibility_date"\s*:\s*"([^"]+)"/.exec(config)?.[1] ?? '2026-08-01',
  };
}

/** Each side Worker's app folder and the WebAssembly files its bundle imports (QuickJS's). */
const folders = {
  'edgeflow-pdf': { folder: 'pdf', wasm: [] as string[] },
  'edgeflow-sandbox': { folder: 'sandbox', wasm: ['emscripten-module.wasm'] },
};

export const sideWorkers: readonly SideWorker[] = Object.entries(folders).map(([name, entry]) =>
  sideWorker(name, entry),
);

/** Bundles every side Worker's src/index.ts the way wrangler would (workerd conditions, ESM). */
export async function bundleSideWorkers(): Promise<void> {
  await Promise.all(
    Object.entries(folders).map(([name, { folder }]) =>
      build({
        entryPoints: { index: app(folder, 'src/index.ts') },
        outdir: outdir(name),
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        target: 'es2024',
        conditions: ['workerd', 'worker', 'browser'],
        mainFields: ['module', 'main'],
        external: ['cloudflare:*'],
        loader: { '.wasm': 'copy' },
        assetNames: '[name]',
        logLevel: 'warning',
      }),
    ),
  );
}
