/** compile() as the property suites call it: checked for what it must answer whatever it is given. */
import { expect } from 'vitest';
import { type CompileResult, compile, diagnosticCodes } from '../src/index.ts';

/**
 * Every property stops at its first failure instead of shrinking: a counterexample here is a whole
 * generated workflow, and shrinking those took minutes. Replay one with `{ seed, path }` from the
 * report and a small `numRuns` to investigate.
 */
export function runs(numRuns: number): { numRuns: number; endOnFailure: true } {
  return { numRuns, endOnFailure: true };
}

export const compilerFailure = 'The compiler failed on this document; please report it.';
export const tooDeep = 'The document is too large or too deeply nested to compile.';

/** What compile() answers whatever it is given. */
function expectWellFormed(result: CompileResult): void {
  for (const diagnostic of result.diagnostics) {
    expect(diagnosticCodes).toContain(diagnostic.code);
    expect(['error', 'warning']).toContain(diagnostic.severity);
    expect(typeof diagnostic.message).toBe('string');
    expect(diagnostic.message.trim()).not.toBe('');
    // A JSON pointer: empty, or `/`-separated segments where `~` only starts `~0` or `~1`.
    expect(diagnostic.path).toMatch(/^(\/([^~/]|~[01])*)*$/);
    if (diagnostic.nodeId !== undefined) expect(typeof diagnostic.nodeId).toBe('string');
  }
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  expect(result.ok).toBe(errors.length === 0);
}

/**
 * compile() turns a RangeError (stack or size exhausted) into a "too deeply nested" diagnostic.
 * Documents of ordinary depth must never reach it: when they do, a bug hides behind that message.
 */
export function expectNoInternalFailure(result: CompileResult): void {
  expect(result.diagnostics.map((diagnostic) => diagnostic.message)).not.toContain(tooDeep);
}

/** compile() of anything: never throws, answers well-formed, and never fails internally. */
export function compileChecked(document: unknown): CompileResult {
  let result: CompileResult | undefined;
  expect(() => {
    result = compile(document);
  }).not.toThrow();
  if (!result) throw new Error('compile() returned nothing');
  expectWellFormed(result);
  // Any other exception is the compiler's own bug, whatever the input.
  expect(result.diagnostics.map((diagnostic) => diagnostic.message)).not.toContain(compilerFailure);
  return result;
}
