import type { WorkflowDocument } from '@edgeflow/graph';

const schema = 'edgeflow/workflow@1';
const at = (index: number) => ({ x: index * 240, y: 0 });

const start = {
  id: 'start',
  type: 'start',
  position: at(0),
  config: { inputs: [{ name: 'query', type: 'string', required: true }] },
};

export interface ChatDocumentOptions {
  readonly model?: string;
  /** Nodes in all (at least 3: start, llm, answer); the rest are template steps before the llm. */
  readonly nodes?: number;
  readonly memoryTurns?: number;
  readonly prompt?: string;
  readonly name?: string;
}

/**
 * A chat pipeline: start → template × (nodes − 3) → llm → answer, the llm answering the query.
 * @example chatDocument({ model: 'compatible:fake-a', nodes: 40 })
 */
export function chatDocument(options: ChatDocumentOptions = {}): WorkflowDocument {
  const total = Math.max(3, options.nodes ?? 3);
  const templates = Array.from({ length: total - 3 }, (_, index) => ({
    id: `step_${index + 1}`,
    type: 'template',
    position: at(index + 1),
    config: { template: `step ${index + 1}: {{start.query}}` },
  }));
  const chain = ['start', ...templates.map((node) => node.id), 'llm', 'answer'];
  return {
    schema,
    name: options.name ?? `chat ${total}`,
    mode: 'chat',
    nodes: [
      start,
      ...templates,
      {
        id: 'llm',
        type: 'llm',
        position: at(total - 2),
        config: {
          model: options.model ?? 'local:echo',
          prompt: options.prompt ?? '{{start.query}}',
          memory: { turns: options.memoryTurns ?? 0 },
        },
      },
      { id: 'answer', type: 'answer', position: at(total - 1), config: { text: '{{llm.text}}' } },
    ],
    edges: chain.slice(1).map((target, index) => ({
      id: `e_${index}`,
      source: chain[index] ?? 'start',
      target,
    })),
  };
}

/**
 * A workflow pipeline: start (a required `query` and an optional number `count`) → end, whose
 * `result` is `prefix` followed by the query.
 */
export function workflowDocument(prefix = 'v1', name = 'workflow'): WorkflowDocument {
  return {
    schema,
    name,
    mode: 'workflow',
    nodes: [
      {
        ...start,
        config: {
          inputs: [
            { name: 'query', type: 'string', required: true },
            { name: 'count', type: 'number', required: false, default: 1 },
          ],
        },
      },
      {
        id: 'end',
        type: 'end',
        position: at(1),
        config: { outputs: [{ name: 'result', value: `${prefix}: {{start.query}}` }] },
      },
    ],
    edges: [{ id: 'e_start_end', source: 'start', target: 'end' }],
  };
}

/** A document that parses but does not compile: its edge points at a node that does not exist. */
export function brokenDocument(): WorkflowDocument {
  const document = workflowDocument('broken');
  return { ...document, edges: [{ id: 'e_dangling', source: 'start', target: 'nowhere' }] };
}
