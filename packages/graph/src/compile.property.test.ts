import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  corruptedDocument,
  documentLike,
  expectedStructuralErrors,
  expectedWarnings,
  nested,
  prototypeObject,
  randomGraph,
  randomGraphDocument,
  reaches,
  toDocument,
  validWorkflow,
} from '../test/arbitraries/index.ts';
import { compileChecked, expectNoInternalFailure, runs, tooDeep } from '../test/checked-compile.ts';
import { errorSites, planOf, siteOf, sortSites } from '../test/documents.ts';

describe('compile() given anything', () => {
  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectNoInternalFailure(compileChecked(value));
      }),
      runs(100),
    );
  });

  it('never throws on arbitrary values, JSON or not', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withNullPrototype: true }), (value) => {
        compileChecked(value);
      }),
      runs(80),
    );
  });

  it('never throws on document-shaped junk, prototype keys included', () => {
    fc.assert(
      fc.property(documentLike, (document) => {
        expectNoInternalFailure(compileChecked(document));
      }),
      runs(100),
    );
  });

  it('never throws on valid documents with a few fields replaced by junk', () => {
    fc.assert(
      fc.property(corruptedDocument, (document) => {
        expectNoInternalFailure(compileChecked(document));
      }),
      runs(100),
    );
  });

  it('never throws on prototype-keyed objects anywhere', () => {
    const objectPrototypeKeys = Object.getOwnPropertyNames(Object.prototype);
    const arrayPrototypeKeys = Object.getOwnPropertyNames(Array.prototype);
    fc.assert(
      fc.property(prototypeObject, validWorkflow({ maxMiddle: 3 }), (junk, workflow) => {
        const document = toDocument(workflow);
        expectNoInternalFailure(compileChecked(junk));
        expectNoInternalFailure(
          compileChecked({
            ...document,
            nodes: document.nodes.map((node) => ({ ...node, config: { ...node.config, ...junk } })),
          }),
        );
        // Symbol keys are not JSON, but compile() takes anything.
        expectNoInternalFailure(
          compileChecked({
            ...document,
            nodes: document.nodes.map((node) => ({
              ...node,
              config: { ...node.config, [Symbol('x')]: junk },
            })),
          }),
        );
        // Nothing leaked onto the prototypes every object shares.
        expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(objectPrototypeKeys);
        expect(Object.getOwnPropertyNames(Array.prototype)).toEqual(arrayPrototypeKeys);
      }),
      runs(60),
    );
  });

  it('answers deeply nested values with a diagnostic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30_000 }),
        fc.constantFrom('nodes', 'config', 'default', 'root'),
        (depth, where) => {
          const deep = nested(depth, '{{start.query}}');
          const start = {
            id: 'start',
            type: 'start',
            config: { inputs: [{ name: 'query' }, { name: 'deep', type: 'object', default: deep }] },
          };
          const document =
            where === 'root'
              ? deep
              : {
                  schema: 'edgeflow/workflow@1',
                  name: 'Deep',
                  nodes:
                    where === 'nodes'
                      ? deep
                      : [
                          where === 'default'
                            ? start
                            : { id: 'start', type: 'start', config: { inputs: [], extra: deep } },
                        ],
                  edges: [],
                };
          compileChecked(document);
        },
      ),
      runs(20),
    );
  });

  it('names a value nested beyond the stack as too deeply nested, not as a compiler failure', () => {
    const document = {
      schema: 'edgeflow/workflow@1',
      name: 'Deep',
      nodes: [
        {
          id: 'start',
          type: 'start',
          config: { inputs: [{ name: 'deep', type: 'object', default: nested(100_000, 'x') }] },
        },
      ],
      edges: [],
    };
    expect(compileChecked(document).diagnostics).toEqual([
      { severity: 'error', code: 'invalid_document', message: tooDeep, path: '' },
    ]);
  });

  it('answers oversized documents with a diagnostic', () => {
    const huge = 'x'.repeat(2_000_000);
    const document = {
      schema: 'edgeflow/workflow@1',
      name: huge,
      nodes: Array.from({ length: 2001 }, (_, index) => ({
        id: `n${index}`,
        type: 'template',
        config: { template: huge },
      })),
      edges: [],
    };
    const result = compileChecked(document);
    expect(result.ok).toBe(false);
    expect(errorSites(result).map((site) => site.path)).toEqual(expect.arrayContaining(['/name', '/nodes']));
  });
});

describe('compile() of generated valid workflows', () => {
  it('compiles them into a plan that follows the edges and references', () => {
    const numRuns = 100;
    let withWarnings = 0;
    fc.assert(
      fc.property(validWorkflow(), (workflow) => {
        expect(expectedStructuralErrors(workflow)).toEqual([]);
        // Only branch ports left open on purpose; no dead ends.
        const warnings = expectedWarnings(workflow);
        for (const warning of warnings) expect(warning.code).toBe('unconnected_port');
        if (warnings.length > 0) withWarnings += 1;
        const document = toDocument(workflow);
        const before = JSON.stringify(document);
        const result = compileChecked(document);
        expect(JSON.stringify(document)).toBe(before);
        expect(errorSites(result)).toEqual([]);
        expect(sortSites(result.diagnostics.map(siteOf))).toEqual(sortSites(warnings));
        const plan = planOf(result);
        expect(plan.warnings).toEqual(result.diagnostics);

        const start = workflow.nodes[0];
        expect(plan.startId).toBe(start?.id);
        expect(plan.nodes[0]?.id).toBe(start?.id);
        expect(plan.mode).toBe(workflow.mode);
        expect(plan.nodes.map((node) => node.id).sort()).toEqual(
          workflow.nodes.map((node) => node.id).sort(),
        );

        const order = new Map(plan.nodes.map((node, index) => [node.id, index]));
        for (const edge of workflow.edges)
          expect(order.get(edge.source)).toBeLessThan(order.get(edge.target) ?? -1);

        const ancestors = ancestorsOf(workflow);
        for (const node of workflow.nodes) {
          const planned = plan.byId.get(node.id);
          expect(planned?.type).toBe(node.type);
          expect(planned?.outputs).toEqual(node.outputs);
          expect(new Set(planned?.dependsOn)).toEqual(
            new Set(node.references.map((reference) => reference.root)),
          );
          for (const id of planned?.dependsOn ?? []) expect(ancestors.get(node.id)?.has(id)).toBe(true);
          const plannedReferences = (planned?.references ?? []).filter(({ reference }) =>
            order.has(reference.root),
          );
          expect(plannedReferences.map(({ path, reference }) => [reference.root, path]).sort()).toEqual(
            node.references.map((reference) => [reference.root, reference.path]).sort(),
          );
          const edgeKey = (edge: { id: string; source: string; target: string; port: string }) =>
            `${edge.id}:${edge.source}:${edge.target}:${edge.port}`;
          expect(planned?.outgoing.map(edgeKey)).toEqual(
            workflow.edges.filter((edge) => edge.source === node.id).map(edgeKey),
          );
          expect(planned?.incoming.map(edgeKey)).toEqual(
            workflow.edges.filter((edge) => edge.target === node.id).map(edgeKey),
          );
          for (const edge of planned?.outgoing ?? []) expect(node.ports).toContain(edge.port);
        }
      }),
      runs(numRuns),
    );
    // Both outcomes must occur, or the warning oracle could be wrong unnoticed.
    expect(withWarnings).toBeGreaterThan(0);
    expect(withWarnings).toBeLessThan(numRuns);
  });
});

describe('compile() of random graphs', () => {
  it('reports a cycle exactly when the edges have one, pointing at an edge that closes one', () => {
    fc.assert(
      fc.property(randomGraph(), (graph) => {
        const result = compileChecked(randomGraphDocument(graph));
        expectNoInternalFailure(result);
        const cyclic = graph.edges.some((edge) => reaches(graph, edge.target, edge.source));
        const cycles = result.diagnostics.filter((diagnostic) => diagnostic.code === 'cycle');
        expect(cycles.length > 0).toBe(cyclic);
        for (const cycle of cycles) {
          const edge = graph.edges[Number(cycle.path?.split('/')[2])];
          expect(edge && reaches(graph, edge.target, edge.source)).toBe(true);
          expect(cycle.nodeId).toBe(edge?.target);
        }
        if (!cyclic) {
          const unreachable = graph.ids.filter((id) => !reaches(graph, 'start', id));
          expect(
            result.diagnostics
              .filter((diagnostic) => diagnostic.code === 'unreachable_node')
              .map((diagnostic) => diagnostic.nodeId),
          ).toEqual(unreachable);
          expect(result.ok).toBe(unreachable.length === 0);
        }
      }),
      runs(80),
    );
  });
});
