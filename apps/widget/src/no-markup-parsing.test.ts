import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// SECURITY.md: model output is rendered without innerHTML. Only createElement and text nodes are
// allowed anywhere in the widget, so a later change cannot quietly reintroduce a markup sink.
const sinks =
  /\b(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|DOMParser|document\.write|srcdoc|eval)\b|new Function/;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('widget sources', () => {
  it('never parse markup or evaluate strings', () => {
    const files = sourceFiles(import.meta.dirname);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) => sinks.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
