#!/usr/bin/env node
// `npm run deploy`: puts the platform on your Cloudflare account, one idempotent step after another —
// bundle (offline, all three Workers), D1 database (created once; its id written into apps/runtime/wrangler.jsonc),
// migrations (remote), the Vectorize index for knowledge-base vectors (when an embedding model is named;
// scripts/vectorize.mjs), the PDF and sandbox Workers (apps/pdf `edgeflow-pdf`, apps/sandbox `edgeflow-sandbox`:
// first, since the runtime's `PDF` and `SANDBOX` service bindings name them), secrets (ADMIN_TOKEN and SECRETS_MASTER_KEY generated once; provider keys from this
// environment), and the runtime Worker. `npm run deploy -- --dry-run` runs only the offline bundle step.
// Every wrangler call goes through scripts/wrangler.mjs (wrangler's own bin refuses Node 20).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAssets } from './build-assets.mjs';
import { workerSettings } from './settings.mjs';
import {
  embeddingDimensions,
  resolveVectorize,
  savedVectorize,
  saveVectorize,
  withVectorizeBinding,
} from './vectorize.mjs';
import { runtimeDir, sideWorkers, wranglerSpawn } from './wrangler.mjs';

const usage = `Usage: npm run deploy [-- --dry-run] [-- --outdir <dir>] [-- --embedding-model <provider:model>]
  --dry-run       only bundle the Workers offline (wrangler deploy --dry-run) and print their sizes
  --outdir <dir>  where the bundles go: <dir>/runtime, <dir>/pdf and <dir>/sandbox (default apps/*/dist)
  --embedding-model <provider:model>
                  knowledge bases will embed with this model: create (once) a Vectorize index of its
                  dimensions (cosine) and bind it as VECTORIZE; remembered in apps/runtime/vectorize.json.
                  Known sizes: ${Object.entries(embeddingDimensions)
                    .map(([model, size]) => `${model} ${size}`)
                    .join(', ')}
  --embedding-dimensions <n>  the model's vector size, for a model not listed above
  --vectorize-index <name>    the index name (default edgeflow-knowledge)
  Without these, a deploy binds the index an earlier one created, or none (vectors then stay in D1).
Settings taken from this environment and stored as Worker secrets when present:
  ADMIN_TOKEN and SECRETS_MASTER_KEY (generated on the first deploy when absent), DASHSCOPE_API_KEY, DASHSCOPE_BASE_URL,
  OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_COMPATIBLE_BASE_URL, OPENAI_COMPATIBLE_API_KEY,
  OPENAI_COMPATIBLE_MODELS, SECRETS_MASTER_KEY
Needs network access to Cloudflare and a login (node scripts/wrangler.mjs login, or CLOUDFLARE_API_TOKEN).`;

const providerKeys = ['DASHSCOPE_API_KEY', 'OPENAI_API_KEY', 'OPENAI_COMPATIBLE_BASE_URL'];
const databaseName = 'edgeflow';
const configPath = join(runtimeDir, 'wrangler.jsonc');
const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
// Also what wrangler reads, so pointing it elsewhere (a test, a proxy) moves both.
const apiBaseUrl = process.env.CLOUDFLARE_API_BASE_URL ?? 'https://api.cloudflare.com/client/v4';

let options;
try {
  options = parseArgs({
    options: {
      'dry-run': { type: 'boolean' },
      outdir: { type: 'string' },
      'embedding-model': { type: 'string' },
      'embedding-dimensions': { type: 'string' },
      'vectorize-index': { type: 'string' },
      help: { type: 'boolean' },
    },
  }).values;
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
if (options.help) {
  console.log(usage);
  process.exit(0);
}

/** Stops with a message a person can act on. */
function fail(message) {
  console.error(`\n✗ ${message}`);
  process.exit(1);
}

const step = (text) => console.log(`\n▸ ${text}`);

let vectorize;
try {
  vectorize = resolveVectorize({
    model: options['embedding-model'],
    dimensions: options['embedding-dimensions'],
    indexName: options['vectorize-index'],
  });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

/**
 * Runs `work` with the path of the configuration to deploy: wrangler.jsonc itself, or (with Vectorize)
 * a copy next to it that adds the binding, removed afterwards.
 */
async function withDeployConfig(work) {
  if (!vectorize) return work(configPath);
  const deployConfig = join(runtimeDir, 'wrangler.deploy.jsonc');
  writeFileSync(deployConfig, withVectorizeBinding(readFileSync(configPath, 'utf8'), vectorize.indexName));
  try {
    return await work(deployConfig);
  } finally {
    rmSync(deployConfig, { force: true });
  }
}

/**
 * Runs wrangler, showing its output as it comes and keeping it for parsing. `input` is written to its
 * stdin (secrets never go on the command line); without it, stdin is the terminal, for wrangler's prompts.
 */
function wrangler(args, { input, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = wranglerSpawn(args, { stdio: [input === undefined ? 'inherit' : 'pipe', 'pipe', 'pipe'] });
    let output = '';
    const relay = (target) => (chunk) => {
      const text = chunk.toString();
      output += text;
      // wrangler's Node 22 notice is moot here: scripts/wrangler.mjs explains why Node 20 is fine.
      if (!quiet && !/requires at least Node\.js/.test(text)) target.write(text);
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    if (input !== undefined) child.stdin.end(input);
    child.once('error', reject);
    child.once('close', (status) => resolve({ status: status ?? 1, output }));
  });
}

const offlineHint = (output) =>
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed|getaddrinfo/i.test(output)
    ? ' It looks like Cloudflare cannot be reached from here: check the network and try again.'
    : '';

/** Bundles one Worker offline; answers wrangler's "Total Upload" line (raw and gzip sizes). */
async function bundleWorker(name, configArgs, outdir) {
  step(`Bundling the ${name} Worker offline into ${relative(process.cwd(), outdir) || '.'}`);
  const { status, output } = await wrangler(['deploy', ...configArgs, '--dry-run', '--outdir', outdir]);
  if (status !== 0) fail(`Bundling the ${name} Worker failed (see above); nothing was uploaded.`);
  return /Total Upload: ([^\n]+)/.exec(output)?.[1]?.trim();
}

/** Every Worker, offline: the runtime (with the editor's assets), the PDF and the sandbox Workers. */
async function bundle() {
  const outdir = (worker, app) => (options.outdir ? join(options.outdir, worker) : join(app, 'dist'));
  buildAssets();
  if (vectorize) {
    console.log(
      `  Binding VECTORIZE to the Vectorize index ${vectorize.indexName} (${vectorize.dimensions} dimensions)`,
    );
  }
  const runtime = await withDeployConfig((config) =>
    bundleWorker('runtime', ['--config', config], outdir('runtime', runtimeDir)),
  );
  const sides = {};
  for (const side of sideWorkers) {
    const folder = join(side.config, '..');
    sides[side.name] = await bundleWorker(
      side.name,
      ['--config', side.config],
      outdir(basename(folder), folder),
    );
  }
  return { runtime, sides };
}

/** The side Workers first: the runtime's service bindings must name Workers that exist. */
async function deploySideWorkers() {
  for (const side of sideWorkers) {
    step(`Deploying the ${side.label} (${side.name}; internal, no public URL)`);
    const { status, output } = await wrangler(['deploy', '--config', side.config]);
    if (status !== 0) fail(`Deploying ${side.name} failed (see above).${offlineHint(output)}`);
  }
}

async function checkReachable() {
  step(`Checking that Cloudflare's API answers (${apiBaseUrl})`);
  try {
    const response = await fetch(apiBaseUrl, { signal: AbortSignal.timeout(8000) });
    await response.body?.cancel();
  } catch (error) {
    const reason =
      error instanceof Error ? (error.cause?.code ?? error.cause?.message ?? error.message) : error;
    fail(
      `Cannot reach Cloudflare (${apiBaseUrl}: ${String(reason)}). Deploying needs network access to ` +
        "Cloudflare's API; nothing was changed. To check the build offline, run: npm run deploy -- --dry-run",
    );
  }
}

async function checkLogin() {
  step('Checking the Cloudflare login');
  const { status, output } = await wrangler(['whoami'], { quiet: true });
  if (status !== 0 || /not authenticated|not logged in/i.test(output)) {
    fail(
      `wrangler is not logged in to Cloudflare.${offlineHint(output)} Log in with ` +
        '`node scripts/wrangler.mjs login` (npx wrangler refuses Node 20), or set CLOUDFLARE_API_TOKEN ' +
        '(and CLOUDFLARE_ACCOUNT_ID) in the environment, then run npm run deploy again.',
    );
  }
}

/** The id of the `edgeflow` D1 database: from the config, created, or found among the account's. */
async function ensureDatabase() {
  const config = readFileSync(configPath, 'utf8');
  const configured = /"database_id"\s*:\s*"([^"]*)"/.exec(config)?.[1] ?? '';
  if (uuidPattern.test(configured)) {
    step(`D1 database: ${databaseName} (${configured}, from apps/runtime/wrangler.jsonc)`);
    return configured;
  }
  step(`Creating the D1 database ${databaseName}`);
  const created = await wrangler(['d1', 'create', databaseName]);
  let id = created.status === 0 ? uuidPattern.exec(created.output)?.[0] : undefined;
  if (id === undefined) {
    // Already created (an earlier deploy, a teammate): look it up instead.
    const listed = await wrangler(['d1', 'list', '--json'], { quiet: true });
    const jsonStart = listed.output.indexOf('[');
    try {
      const databases = JSON.parse(listed.output.slice(jsonStart));
      id = databases.find((database) => database.name === databaseName)?.uuid;
    } catch {
      id = undefined;
    }
    if (id === undefined) {
      fail(
        `Creating the D1 database failed (see above).${offlineHint(created.output + listed.output)} ` +
          `Create it with \`node scripts/wrangler.mjs d1 create ${databaseName}\` and put its id into ` +
          'apps/runtime/wrangler.jsonc as "database_id".',
      );
    }
  }
  // Local development keeps its own database: `preview_database_id` is what wrangler dev and
  // `d1 … --local` use, so `npm start` keeps the data it had.
  const previewId = /"preview_database_id"/.test(config) ? '' : `,\n      "preview_database_id": "local"`;
  const updated = config.replace(/"database_id"\s*:\s*"[^"]*"/, `"database_id": "${id}"${previewId}`);
  writeFileSync(configPath, updated);
  console.log(`  Wrote database_id ${id} into apps/runtime/wrangler.jsonc (commit it).`);
  return id;
}

async function applyMigrations() {
  step('Applying the database migrations to the remote D1 database');
  const { status, output } = await wrangler(['d1', 'migrations', 'apply', databaseName, '--remote']);
  if (status !== 0) fail(`Applying the migrations failed (see above).${offlineHint(output)}`);
}

/**
 * The Vectorize index (created once, cosine, with the metadata indexes the search filters on), then
 * its settings saved so later deploys bind it too.
 */
async function ensureVectorizeIndex() {
  const { indexName, dimensions } = vectorize;
  step(`Vectorize index ${indexName} (${dimensions} dimensions, cosine)`);
  const created = await wrangler([
    'vectorize',
    'create',
    indexName,
    `--dimensions=${dimensions}`,
    '--metric=cosine',
  ]);
  if (created.status !== 0) {
    // Already there (an earlier deploy, a teammate): use it if it holds vectors of this size.
    const found = await wrangler(['vectorize', 'get', indexName, '--json'], { quiet: true });
    let existing;
    try {
      const index = JSON.parse(found.output.slice(found.output.indexOf('{')));
      existing = index.config?.dimensions ?? index.dimensions;
    } catch {
      existing = undefined;
    }
    if (found.status !== 0 || existing === undefined) {
      fail(
        `Creating the Vectorize index failed (see above).${offlineHint(created.output + found.output)} Create it with ` +
          `\`node scripts/wrangler.mjs vectorize create ${indexName} --dimensions=${dimensions} --metric=cosine\`.`,
      );
    }
    if (existing !== dimensions) {
      fail(
        `The Vectorize index ${indexName} already exists with ${existing} dimensions, not ${dimensions}. ` +
          'Deploy with --vectorize-index <another name>, or delete that index if nothing uses it.',
      );
    }
    console.log(`  ${indexName} exists with ${existing} dimensions: kept.`);
  }
  for (const property of ['knowledgeBaseId', 'documentId']) {
    const made = await wrangler(
      ['vectorize', 'create-metadata-index', indexName, `--propertyName=${property}`, '--type=string'],
      { quiet: true },
    );
    if (made.status !== 0 && !/already exists|duplicate/i.test(made.output)) {
      fail(`Indexing the metadata property ${property} failed:\n${made.output}${offlineHint(made.output)}`);
    }
    console.log(`  Metadata index ${property}: ready`);
  }
  if (JSON.stringify(savedVectorize()) !== JSON.stringify(vectorize)) {
    saveVectorize(vectorize);
    console.log('  Wrote the index into apps/runtime/vectorize.json (commit it: later deploys bind it too).');
  }
}

/** Names of the secrets the deployed Worker has; none before its first deploy. */
async function existingSecrets() {
  const { status, output } = await wrangler(['secret', 'list', '--format', 'json'], { quiet: true });
  if (status !== 0) return new Set();
  try {
    const secrets = JSON.parse(output.slice(output.indexOf('[')));
    return new Set(secrets.map((secret) => secret.name));
  } catch {
    return new Set();
  }
}

async function deploy() {
  step('Preparing the secrets');
  const existing = await existingSecrets();
  const secrets = {};
  let generatedToken;
  if (process.env.ADMIN_TOKEN) secrets.ADMIN_TOKEN = process.env.ADMIN_TOKEN;
  else if (!existing.has('ADMIN_TOKEN')) {
    generatedToken = `ef_admin_${randomBytes(24).toString('base64url')}`;
    secrets.ADMIN_TOKEN = generatedToken;
  }
  for (const name of workerSettings) if (process.env[name]) secrets[name] = process.env[name];
  // Tool secrets are encrypted with this key; made once, and never replaced unless given (a new key
  // could not open what the old one sealed).
  if (!secrets.SECRETS_MASTER_KEY && !existing.has('SECRETS_MASTER_KEY')) {
    secrets.SECRETS_MASTER_KEY = randomBytes(32).toString('base64url');
  }
  for (const name of Object.keys(secrets))
    console.log(`  ${name}: ${existing.has(name) ? 'updated' : 'set'}`);
  for (const name of existing) if (!(name in secrets)) console.log(`  ${name}: kept`);
  if (!providerKeys.some((name) => name in secrets || existing.has(name))) {
    console.log(
      '  No model provider is configured: only local:echo will answer. Re-run with e.g. DASHSCOPE_API_KEY=… npm run deploy,\n' +
        '  or: node scripts/wrangler.mjs secret put DASHSCOPE_API_KEY',
    );
  }

  step('Deploying the runtime Worker');
  // Secrets travel with the version in a private temporary file, never on the command line.
  const secretsDirectory = mkdtempSync(join(tmpdir(), 'edgeflow-deploy-'));
  const secretsFile = join(secretsDirectory, 'secrets.json');
  writeFileSync(secretsFile, JSON.stringify(secrets), { mode: 0o600 });
  let result;
  try {
    result = await withDeployConfig((config) =>
      wrangler(['deploy', '--secrets-file', secretsFile, '--config', config]),
    );
  } finally {
    rmSync(secretsDirectory, { recursive: true, force: true });
  }
  if (result.status !== 0) fail(`Deploying failed (see above).${offlineHint(result.output)}`);
  const url = /https:\/\/[^\s]+\.workers\.dev/.exec(result.output)?.[0];
  console.log(`\n✓ Edgeflow is deployed${url ? `: ${url}/` : ''}\n`);
  if (generatedToken) {
    console.log(`  Admin token (shown this once; store it): ${generatedToken}`);
    if (url) console.log(`  Sign in:  ${url}/#token=${generatedToken}`);
  } else {
    console.log('  Admin token: unchanged (the ADMIN_TOKEN secret).');
  }
  if (url) console.log(`  API docs: ${url}/docs`);
}

if (options['dry-run']) {
  const sizes = await bundle();
  const sides = Object.entries(sizes.sides).map(([name, size]) => `; ${name}: ${size ?? '?'}`);
  console.log(
    `\n✓ Dry run: the Workers bundle (runtime: ${sizes.runtime ?? '?'}${sides.join('')}); nothing was uploaded.`,
  );
  process.exit(0);
}
await checkReachable();
await bundle();
await checkLogin();
await ensureDatabase();
await applyMigrations();
if (vectorize) await ensureVectorizeIndex();
await deploySideWorkers();
await deploy();
