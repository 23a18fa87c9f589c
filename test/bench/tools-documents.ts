/** The published apps of the tools benchmark: workflows `start → [one node] → end`. */

type Node = { id: string; type: string; position: { x: number; y: number }; config: Record<string, unknown> };

function chain(name: string, middle: readonly Omit<Node, 'position'>[], outputs: Record<string, string>) {
  const nodes: Node[] = [
    {
      id: 'start',
      type: 'start',
      config: { inputs: [{ name: 'query', type: 'string', required: true }] },
    },
    ...middle,
    {
      id: 'end',
      type: 'end',
      config: { outputs: Object.entries(outputs).map(([output, value]) => ({ name: output, value })) },
    },
  ].map((node, index) => ({ ...node, position: { x: index * 200, y: 0 } }));
  return {
    schema: 'edgeflow/workflow@1' as const,
    name,
    mode: 'workflow' as const,
    nodes,
    edges: nodes.slice(1).map((node, index) => ({
      id: `e_${index}`,
      source: nodes[index]?.id ?? 'start',
      target: node.id,
    })),
  };
}

/** The floor of every comparison: the same run without the node under test. */
export const floorApp = () => chain('Tools benchmark floor', [], { result: '{{start.query}}' });

/** A trivial code node. */
export const codeApp = () =>
  chain(
    'Tools benchmark code',
    [
      {
        id: 'code',
        type: 'code',
        config: {
          code: 'function main(inputs) { return { result: inputs.text.toUpperCase() }; }',
          inputs: { text: '{{start.query}}' },
          outputs: [{ name: 'result', type: 'string' }],
        },
      },
    ],
    { result: '{{code.result}}' },
  );

/** One GET through the guarded egress to `toolUrl`. */
export const httpApp = (toolUrl: string) =>
  chain(
    'Tools benchmark http',
    [{ id: 'call', type: 'http', config: { method: 'GET', url: `${toolUrl}/lookup?q={{start.query}}` } }],
    { result: '{{call.body}}' },
  );

/** An agent on `model` with one http tool, `lookup(q)`, at `toolUrl`. */
export const agentApp = (model: string, toolUrl: string) =>
  chain(
    'Tools benchmark agent',
    [
      {
        id: 'agent',
        type: 'agent',
        config: {
          model,
          prompt: '{{start.query}}',
          maxSteps: 5,
          tools: [
            {
              name: 'lookup',
              description: 'Looks a word up.',
              parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] },
              method: 'GET',
              url: `${toolUrl}/lookup?q={{args.q}}`,
            },
          ],
        },
      },
    ],
    { result: '{{agent.text}}' },
  );
