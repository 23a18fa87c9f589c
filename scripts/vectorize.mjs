// Vectorize for `npm run deploy`: which index the knowledge bases' vectors go to in production, and the
// deploy-only Wrangler configuration that binds it. Vectorize does not run under `wrangler dev`, so the
// binding never enters apps/runtime/wrangler.jsonc (local development keeps vectors in D1); it lives in
// apps/runtime/vectorize.json, written by the first deploy that asks for it, and every later deploy
// binds the same index.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runtimeDir } from './wrangler.mjs';

export const vectorizeSettingsPath = join(runtimeDir, 'vectorize.json');
export const defaultIndexName = 'edgeflow-knowledge';
// Vectorize's own limit on dimensions per vector.
const maxDimensions = 1536;

/**
 * Output sizes of the embedding models the providers package lists (docs/knowledge-bases.md). An index
 * has one size: a model of another size needs another index.
 */
export const embeddingDimensions = {
  'local:hash': 256,
  'alibaba:text-embedding-v3': 1024,
  'openai:text-embedding-3-small': 1536,
  'workers-ai:@cf/baai/bge-m3': 1024,
  'workers-ai:@cf/baai/bge-base-en-v1.5': 768,
};

/** The saved settings of an earlier deploy, or null. */
export function savedVectorize() {
  if (!existsSync(vectorizeSettingsPath)) return null;
  return JSON.parse(readFileSync(vectorizeSettingsPath, 'utf8'));
}

export function saveVectorize(settings) {
  writeFileSync(vectorizeSettingsPath, `${JSON.stringify(settings, null, 2)}\n`);
}

/**
 * The index to bind, from `--embedding-model` / `--embedding-dimensions` / `--vectorize-index` and
 * what an earlier deploy saved; null when neither asks for Vectorize. Throws an Error whose message
 * says what to do when the request cannot work (unknown size, too large, or a saved index of another
 * size, which Vectorize cannot change).
 */
export function resolveVectorize({ model, dimensions, indexName }, saved = savedVectorize()) {
  if (model === undefined && dimensions === undefined && indexName === undefined) return saved;
  const known = model === undefined ? undefined : embeddingDimensions[model];
  const size = dimensions === undefined ? known : Number(dimensions);
  if (size === undefined) {
    throw new Error(
      `The size of ${model ?? 'the embedding model'}'s vectors is not known here; give it with ` +
        "--embedding-dimensions <n> (the model's output dimensions). Known models: " +
        `${Object.keys(embeddingDimensions).join(', ')}.`,
    );
  }
  if (!Number.isInteger(size) || size < 1 || size > maxDimensions) {
    throw new Error(
      `Vectorize indexes hold vectors of 1 to ${maxDimensions} dimensions, not ${dimensions ?? size}` +
        `${model ? ` (${model})` : ''}: pick an embedding model of at most ${maxDimensions} dimensions.`,
    );
  }
  const name = indexName ?? saved?.indexName ?? defaultIndexName;
  if (saved && saved.indexName === name && saved.dimensions !== size) {
    throw new Error(
      `The Vectorize index ${name} holds ${saved.dimensions}-dimensional vectors (apps/runtime/vectorize.json); ` +
        `an index cannot change size. Deploy with --vectorize-index <new name> for ${size}-dimensional ` +
        'vectors, then re-index the knowledge bases (changing their embedding model re-indexes them).',
    );
  }
  return { indexName: name, dimensions: size, ...(model ? { embeddingModel: model } : {}) };
}

/**
 * wrangler.jsonc's text with the `VECTORIZE` binding added (written next to it for one deploy, so the
 * relative paths in it still hold).
 */
export function withVectorizeBinding(configText, indexName) {
  const binding = `  // Added by npm run deploy (scripts/vectorize.mjs); never in the local configuration.\n  "vectorize": [{ "binding": "VECTORIZE", "index_name": ${JSON.stringify(indexName)} }]`;
  const updated = configText.replace(/,?\s*}\s*$/, `,\n${binding}\n}\n`);
  if (updated === configText)
    throw new Error('apps/runtime/wrangler.jsonc does not end with its closing brace');
  return updated;
}
