/** The published apps the runtime benchmark calls. */

type Node = { id: string; type: string; position: { x: number; y: number }; config: Record<string, unknown> };

/**
 * A chat app of `size` (≥ 4) nodes in a chain: start → (size − 3) template nodes → llm(`model`) → answer.
 * Size 4 is the benchmark's app: start → template → llm → answer.
 */
export function chainChatApp(size: number, model: string) {
  const nodes: Node[] = [];
  const edges: { id: string; source: string; target: string }[] = [];
  const add = (id: string, type: string, config: Record<string, unknown>) => {
    const previous = nodes.at(-1);
    nodes.push({ id, type, position: { x: nodes.length * 200, y: 0 }, config });
    if (previous) edges.push({ id: `e_${previous.id}_${id}`, source: previous.id, target: id });
  };
  add('start', 'start', { inputs: [{ name: 'query', type: 'string', required: true }] });
  let text = '{{start.query}}';
  for (let index = 1; index <= Math.max(1, size - 3); index += 1) {
    add(`template${index}`, 'template', { template: text });
    text = `{{template${index}.text}}`;
  }
  add('llm', 'llm', { model, prompt: text });
  add('answer', 'answer', { text: '{{llm.text}}' });
  return {
    schema: 'edgeflow/workflow@1' as const,
    name: `Benchmark chain of ${nodes.length} nodes`,
    mode: 'chat' as const,
    nodes,
    edges,
  };
}
