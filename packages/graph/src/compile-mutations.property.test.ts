import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBackEdge,
  addStrayKey,
  breakRuleLeft,
  breakType,
  changeNumericRight,
  danglingEdge,
  declareErrorOutput,
  dropEdge,
  duplicateNodeId,
  type GeneratedWorkflow,
  type Mutation,
  removeStart,
  renameReferencedNode,
  renameToolArgument,
  toDocument,
  validWorkflow,
} from '../test/arbitraries/index.ts';
import { compileChecked, expectNoInternalFailure, runs } from '../test/checked-compile.ts';
import { errorSites, siteOf, sortSites } from '../test/documents.ts';

/** Asserts a mutation's errors (and warnings, when it predicts them) exactly, whatever their order. */
function expectMutation(mutation: Mutation): void {
  const result = compileChecked(mutation.document);
  expectNoInternalFailure(result);
  expect(sortSites(errorSites(result)), mutation.name).toEqual(sortSites(mutation.errors));
  if (mutation.warnings) {
    const warnings = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning');
    expect(sortSites(warnings.map(siteOf)), mutation.name).toEqual(sortSites(mutation.warnings));
  }
}

describe('compile() of one mutation of a valid workflow', () => {
  const run = (mutate: (workflow: GeneratedWorkflow, choice: number) => Mutation | null, minMiddle = 0) =>
    fc.assert(
      fc.property(validWorkflow({ minMiddle }), fc.nat(), (workflow, choice) => {
        const mutation = mutate(workflow, choice);
        if (mutation) expectMutation(mutation);
      }),
      runs(80),
    );

  /**
   * Runs a mutation and collects the codes it predicted, so a test can check every outcome occurs.
   * Run counts are sized so that an outcome of 10% of the runs or more goes missing less than once
   * in a million runs of the suite.
   */
  const runCollecting = (
    mutate: (workflow: GeneratedWorkflow, choice: number) => Mutation | null,
    numRuns: number,
    minMiddle = 0,
  ): string[] => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(validWorkflow({ minMiddle }), fc.nat(), (workflow, choice) => {
        const mutation = mutate(workflow, choice);
        if (!mutation) return;
        for (const site of [...mutation.errors, ...(mutation.warnings ?? [])]) seen.add(site.code);
        if (mutation.errors.length === 0) seen.add('none');
        expectMutation(mutation);
      }),
      runs(numRuns),
    );
    return [...seen].sort();
  };

  it('a dropped edge: unreachable nodes, references no longer upstream, a lost else, open ports', () => {
    // The generator must exercise every outcome, or the oracle could be wrong unnoticed.
    expect(runCollecting(dropEdge, 150)).toEqual([
      'condition_missing_else',
      'dead_end',
      'downstream_reference',
      'none',
      'unconnected_port',
      'unreachable_node',
    ]);
  });

  it('a back edge: cycle', () => run(addBackEdge, 1));
  it('a renamed node whose references were not updated: unknown_reference', () => run(renameReferencedNode));
  it('a broken type: type_mismatch', () => run(breakType));
  it('a duplicated node id: duplicate_node_id', () => run(duplicateNodeId));
  it('an edge to or from a missing node: dangling_edge', () => run(danglingEdge));
  it('no start: missing_start', () => run((workflow, choice) => removeStart(workflow, choice % 2 === 0)));

  it('a key no schema knows: invalid_config in configs, ignored elsewhere', () => {
    expect(runCollecting(addStrayKey, 60)).toEqual(['invalid_config', 'none']);
  });
  it('text around a rule’s left side: invalid_config (and type_mismatch where text will not do)', () => {
    expect(runCollecting(breakRuleLeft, 100, 3)).toEqual(['invalid_config', 'type_mismatch']);
  });
  it('a numeric rule’s right side: type_mismatch for words, nothing for numbers', () => {
    expect(runCollecting(changeNumericRight, 120, 3)).toEqual(['none', 'type_mismatch']);
  });
  it('an output, field or class named error where failures continue or route: duplicate_name', () => {
    expect(runCollecting(declareErrorOutput, 60, 3)).toEqual(['duplicate_name']);
  });
  it('a tool argument renamed: unknown_field when the tool declares parameters', () => {
    expect(runCollecting(renameToolArgument, 100, 3)).toEqual(['none', 'unknown_field']);
  });
});

describe('compile() of one mutation of a large workflow', () => {
  it('keeps dropped-edge predictions right on large workflows (ancestor sets span many words)', () => {
    fc.assert(
      fc.property(validWorkflow({ minMiddle: 30, maxMiddle: 90 }), fc.nat(), (workflow, choice) => {
        expect(compileChecked(toDocument(workflow)).ok).toBe(true);
        expectMutation(dropEdge(workflow, choice));
      }),
      runs(15),
    );
  });
});
