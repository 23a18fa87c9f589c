import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** Gzipped bytes of the JavaScript the first page load fetches (entry script and its preloads). */
  readonly initialGzip: number;
  /** Gzipped bytes of every other chunk (loaded on demand: the code editor, layout). */
  readonly lazyGzip: number;
  readonly files: readonly { name: string; gzip: number; initial: boolean }[];
}

/** Sizes of the built editor (`apps/editor/dist`), split into what `index.html` loads and the rest. */
export async function editorBundleSize(dist: string): Promise<BundleSize> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const initial = new Set(
    [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((match) => match[1] ?? ''),
  );
  const { readdir } = await import('node:fs/promises');
  const files: { name: string; gzip: number; initial: boolean }[] = [];
  const assets = (await readdir(dist, { recursive: true })).filter((name) => name.endsWith('.js'));
  for (const name of assets) {
    const gzip = gzipSync(await readFile(join(dist, name)), { level: 9 }).length;
    files.push({ name, gzip, initial: initial.has(name) });
  }
  const sum = (wanted: boolean) =>
    files.filter((file) => file.initial === wanted).reduce((total, file) => total + file.gzip, 0);
  return { initialGzip: sum(true), lazyGzip: sum(false), files };
}
