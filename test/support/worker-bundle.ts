import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repositoryRoot, serverEnvironment, wranglerScript } from './repository.ts';
import { runToEnd } from './run-to-end.ts';

/** One module of the bundle, with its raw and gzipped sizes in bytes. */
export interface BundleModule {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface WorkerBundle {
  readonly exitCode: number | null;
  /** What wrangler printed (stdout and stderr). */
  readonly output: string;
  /** The modules wrangler would upload (`.js`, `.mjs`, `.wasm`, …; source maps and the README left out). */
  readonly modules: readonly BundleModule[];
}

/**
 * Bundles a Worker offline the way `wrangler deploy` would, with `wrangler deploy --dry-run --outdir`
 * through `scripts/wrangler.mjs`, and measures what it wrote: the runtime, or the Worker of `config`
 * (a wrangler config path from the repository root, e.g. `apps/pdf/wrangler.jsonc`).
 * @example const { modules } = await buildWorkerBundle(outdir); // modules[0].gzipBytes
 */
export async function buildWorkerBundle(outdir: string, config?: string): Promise<WorkerBundle> {
  const configArgs = config === undefined ? [] : ['--config', join(repositoryRoot, config)];
  const { status: exitCode, output } = await runToEnd(
    process.execPath,
    [wranglerScript, 'deploy', ...configArgs, '--dry-run', '--outdir', outdir],
    { cwd: repositoryRoot, env: serverEnvironment({}) },
  );
  const modules: BundleModule[] = [];
  const files = exitCode === 0 ? await readdir(outdir, { recursive: true }) : [];
  for (const file of files.sort()) {
    if (!/\.(m?js|cjs|wasm|bin|txt|html)$/.test(file)) continue;
    const content = await readFile(join(outdir, file));
    modules.push({ file, bytes: content.byteLength, gzipBytes: gzipSync(content, { level: 9 }).byteLength });
  }
  return { exitCode, output, modules };
}

/** `1.23 MiB`, `456.7 KiB`. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(2)} MiB`
    : `${(bytes / 1024).toFixed(1)} KiB`;
}
