import type { WorkflowDocument } from '@edgeflow/graph';

/**
 * The benchmark's document: a start node feeding `rows` chains of alternating template and llm
 * nodes, each referencing the one before it, ending in an end node; `size` nodes in all.
 */
export function benchDocument(size = 500, rows = 20): WorkflowDocument {
  const nodes: WorkflowDocument['nodes'] = [
    {
      id: 'start',
      type: 'start',
      position: { x: 0, y: (rows * 110) / 2 },
      config: { inputs: [{ name: 'query', type: 'string', required: true }] },
    },
  ];
  const edges: WorkflowDocument['edges'] = [];
  const perRow = Math.ceil((size - 2) / rows);
  const lastIds: string[] = [];
  for (let row = 0; row < rows; row += 1) {
    let previous = 'start';
    let previousOutput = 'query';
    // The first rows take one node more when the nodes do not divide evenly.
    const count = Math.floor((size - 2) / rows) + (row < (size - 2) % rows ? 1 : 0);
    for (let column = 0; column < count; column += 1) {
      const id = `n_${row}_${column}`;
      const isModel = column % 2 === 1;
      const reference = `{{${previous}.${previousOutput}}}`;
      nodes.push({
        id,
        type: isModel ? 'llm' : 'template',
        position: { x: 280 * (column + 1), y: 110 * row },
        config: isModel
          ? { model: 'local:echo', prompt: reference }
          : { template: `Step ${column}: ${reference}` },
      });
      edges.push({ id: `e_${previous}_${id}`, source: previous, target: id });
      previous = id;
      previousOutput = 'text';
    }
    lastIds.push(previous);
  }
  nodes.push({
    id: 'end',
    type: 'end',
    position: { x: 280 * (perRow + 2), y: (rows * 110) / 2 },
    config: { outputs: lastIds.map((id, index) => ({ name: `row_${index}`, value: `{{${id}.text}}` })) },
  });
  for (const id of lastIds) edges.push({ id: `e_${id}_end`, source: id, target: 'end' });
  return { schema: 'edgeflow/workflow@1', name: `Bench ${size}`, mode: 'workflow', nodes, edges };
}
