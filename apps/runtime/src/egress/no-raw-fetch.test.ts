import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// SECURITY.md item 4: pipeline code reaches the network only through the guarded egress. This scan
// fails on any use of the global `fetch` (a call, an alias, `globalThis.fetch`, `{ fetch }`) in the
// pipeline packages. Method calls on other objects (`env.ASSETS.fetch`, a Durable Object stub's
// `fetch`, Hono's `app.fetch`) are not the global fetch and are not flagged.

const repository = fileURLToPath(new URL('../../../../', import.meta.url));
const scannedFolders = [
  'packages/engine/src',
  'packages/graph/src',
  'packages/knowledge/src',
  'apps/runtime/src',
  // The code node's sandbox Worker: it has nothing to fetch for anyone.
  'apps/sandbox/src',
];

/**
 * Files that may use the global fetch, each with its reason. Keep it short; anything a pipeline can
 * point at a URL must go through `createHttpPort` / `createGuardedFetch` instead.
 */
const allowedFiles: Readonly<Record<string, string>> = {
  'apps/runtime/src/egress/egress-policy.ts': 'the guarded egress itself: its default FetchFunction',
};

// Model providers talk to their configured APIs through their SDKs; they are outside this scan
// (a provider with a user-set base URL should be given `createGuardedFetch` as its fetch).
const skipped = (path: string) =>
  /\.test\.tsx?$/.test(path) ||
  path.split('/').includes('providers') ||
  path.split('/').includes('__fixtures__');

const globalObjects: ReadonlySet<string> = new Set(['globalThis', 'self', 'window', 'global']);

function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    ((ts.isPropertyAccessExpression(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isGetAccessorDeclaration(parent) ||
      ts.isSetAccessorDeclaration(parent) ||
      ts.isVariableDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isEnumMember(parent)) &&
      parent.name === node) ||
    (ts.isBindingElement(parent) && (parent.name === node || parent.propertyName === node)) ||
    ts.isImportSpecifier(parent) ||
    ts.isExportSpecifier(parent) ||
    ts.isQualifiedName(parent)
  );
}

function inTypePosition(node: ts.Node): boolean {
  for (let current = node.parent; current && !ts.isStatement(current); current = current.parent)
    if (ts.isTypeNode(current)) return true;
  return false;
}

function isGlobalFetchAccess(node: ts.Node): boolean {
  if (ts.isPropertyAccessExpression(node))
    return (
      node.name.text === 'fetch' &&
      ts.isIdentifier(node.expression) &&
      globalObjects.has(node.expression.text)
    );
  if (ts.isElementAccessExpression(node))
    return (
      ts.isIdentifier(node.expression) &&
      globalObjects.has(node.expression.text) &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      node.argumentExpression.text === 'fetch'
    );
  return false;
}

/** Where a source text uses the global fetch, as `line:column` with the line's text. */
function globalFetchUses(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const uses: string[] = [];
  const report = (node: ts.Node) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    uses.push(`${line + 1}:${character + 1} ${text.split('\n')[line]?.trim() ?? ''}`);
  };
  const visit = (node: ts.Node) => {
    if (isGlobalFetchAccess(node)) report(node);
    else if (
      ts.isIdentifier(node) &&
      node.text === 'fetch' &&
      !isDeclarationName(node) &&
      !inTypePosition(node)
    )
      report(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

function sourceFiles(folder: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(join(repository, folder), { recursive: true, encoding: 'utf8' });
  } catch {
    return []; // a folder that does not exist yet holds no fetch
  }
  return entries
    .map((entry) => `${folder}/${entry.split(sep).join('/')}`)
    .filter(
      (path) => /\.(?:[cm]?[jt]s|tsx)$/.test(path) && !path.includes('/node_modules/') && !skipped(path),
    );
}

describe('no raw fetch in pipeline code (SECURITY.md item 4)', () => {
  it('finds the global fetch only in allowed files', () => {
    const offenders: string[] = [];
    const files = scannedFolders.flatMap(sourceFiles);
    expect(files.length, 'the scan found no files: is the repository root right?').toBeGreaterThan(20);
    for (const path of files) {
      if (path in allowedFiles) continue;
      const uses = globalFetchUses(path, readFileSync(join(repository, path), 'utf8'));
      for (const use of uses) offenders.push(`${path}:${use}`);
    }
    expect(
      offenders,
      'Use createHttpPort/createGuardedFetch from apps/runtime/src/egress instead of fetch, or add the file to allowedFiles with its reason',
    ).toEqual([]);
  });

  it('every allowed file exists and still needs its exception', () => {
    for (const path of Object.keys(allowedFiles))
      expect(globalFetchUses(path, readFileSync(join(repository, path), 'utf8')), path).not.toEqual([]);
  });

  it.each([
    ['fetch(url)', 1],
    ['await fetch(new Request(url))', 1],
    ['globalThis.fetch(url)', 1],
    ["self['fetch'](url)", 1],
    ['const send = fetch; send(url)', 1],
    ['client({ fetch })', 1],
    ['client({ fetch: fetch.bind(globalThis) })', 1],
    ['const f = window.fetch', 1],
    ['env.ASSETS.fetch(request)', 0],
    ['export default { fetch(request) { return app.fetch(request) } }', 0],
    ['const { fetch: send } = options; send(url)', 0],
    ['type Fetch = typeof fetch; let f: typeof globalThis.fetch', 0],
    ['// fetch(url) in a comment\nconst s = "fetch(url) in a string"', 0],
  ])('the detector reads %j as %i use(s)', (code, count) => {
    expect(globalFetchUses('sample.ts', code)).toHaveLength(count);
  });
});
