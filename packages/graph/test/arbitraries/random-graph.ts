/** Random graphs of static nodes, cyclic or not, and a reachability oracle for them. */
import fc from 'fast-check';
import type { WorkflowDocumentInput } from '../../src/index.ts';

/** A start, `size` static templates and an answer, joined by random edges (none into the start). */
export interface RandomGraph {
  readonly ids: readonly string[];
  readonly edges: readonly { readonly source: string; readonly target: string }[];
}

export function randomGraph(maxSize = 40): fc.Arbitrary<RandomGraph> {
  return fc.integer({ min: 1, max: maxSize }).chain((size) => {
    const ids = ['start', ...Array.from({ length: size }, (_, index) => `t${index}`), 'answer'];
    const pair = fc
      .tuple(fc.integer({ min: 0, max: ids.length - 1 }), fc.integer({ min: 1, max: ids.length - 1 }))
      .filter(([source, target]) => source !== target)
      .map(([source, target]) => `${ids[source]}>${ids[target]}`);
    return fc.uniqueArray(pair, { maxLength: size * 3 }).map((links) => ({
      ids,
      edges: links.map((link) => ({ source: link.split('>')[0] ?? '', target: link.split('>')[1] ?? '' })),
    }));
  });
}

export function randomGraphDocument(graph: RandomGraph): WorkflowDocumentInput {
  return {
    schema: 'edgeflow/workflow@1',
    name: 'Random graph',
    nodes: graph.ids.map((id) =>
      id === 'start'
        ? { id, type: 'start', config: { inputs: [{ name: 'query', type: 'string' }] } }
        : {
            id,
            type: id === 'answer' ? 'answer' : 'template',
            config: id === 'answer' ? { text: 'Done' } : { template: id },
          },
    ),
    edges: graph.edges.map((edge, index) => ({ id: `e${index}`, ...edge })),
  };
}

/** Whether `to` can be reached from `from` along the graph's edges (a node reaches itself). */
export function reaches(graph: RandomGraph, from: string, to: string): boolean {
  const seen = new Set([from]);
  const queue = [from];
  for (let head = 0; head < queue.length; head += 1) {
    for (const edge of graph.edges) {
      if (edge.source === queue[head] && !seen.has(edge.target)) {
        seen.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  return seen.has(to);
}
