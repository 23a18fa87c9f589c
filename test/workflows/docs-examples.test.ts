import { readFileSync } from 'node:fs';
import { compile, nodeKinds } from '@edgeflow/graph';
import { describe, expect, it } from 'vitest';

const markdown = readFileSync(
  new URL('../../packages/graph/docs/workflow-language.md', import.meta.url),
  'utf8',
);
const sections = [...markdown.matchAll(/### `(\w+)`[\s\S]*?```json\n([\s\S]*?)\n```/g)].map((match) => ({
  kind: match[1] ?? '',
  document: JSON.parse(match[2] ?? 'null') as { nodes: { type: string }[] },
}));

describe('packages/graph/docs/workflow-language.md', () => {
  it('has one example per node kind', () => {
    expect(sections.map((section) => section.kind).sort()).toEqual([...nodeKinds].sort());
  });

  it.each(sections)('the $kind example compiles and uses its kind', ({ kind, document }) => {
    const result = compile(document);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    expect(document.nodes.some((node) => node.type === kind)).toBe(true);
  });
});
