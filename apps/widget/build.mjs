#!/usr/bin/env node
// Bundles src/index.ts into exactly one file, dist/widget.js: scripts/build-assets.mjs copies dist/
// next to the editor's build, so nothing else may land there. An IIFE, so the widget adds no globals
// but the one JS API (`window.EdgeflowWidget`) and needs nothing from the host page.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
rmSync(join(here, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: [join(here, 'src', 'index.ts')],
  outfile: join(here, 'dist', 'widget.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  // Browsers of the last few years: private class fields, optional chaining, Shadow DOM.
  target: ['es2022', 'chrome100', 'firefox100', 'safari15.4'],
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
});
