import type { WorkflowDocument } from '@edgeflow/graph';

/** A node of a pipeline under construction, without its position. */
export interface ChainNode {
  readonly id: string;
  readonly type: string;
  readonly config: Record<string, unknown>;
}

/**
 * A workflow `start → …nodes → end`, one edge after another. The start node takes a string `query`
 * (and a string `url`, for http nodes that template their URL); `outputs` are the end node's
 * `{ name: template }`. The config is not typed: adversarial documents are written as a caller would.
 * @example chainDocument('probe', [codeNode('code', 'function main() { return {} }')], { r: '{{code.result}}' })
 */
export function chainDocument(
  name: string,
  nodes: readonly ChainNode[],
  outputs: Record<string, string>,
): WorkflowDocument {
  const all = [
    {
      id: 'start',
      type: 'start',
      config: {
        inputs: [
          { name: 'query', type: 'string', required: false, default: '' },
          { name: 'url', type: 'string', required: false, default: '' },
        ],
      },
    },
    ...nodes,
    {
      id: 'end',
      type: 'end',
      config: {
        outputs: Object.entries(outputs).map(([output, value]) => ({ name: output, value })),
      },
    },
  ];
  return {
    schema: 'edgeflow/workflow@1',
    name,
    mode: 'workflow',
    nodes: all.map((node, index) => ({ ...node, position: { x: index * 240, y: 0 } })),
    edges: all.slice(1).map((node, index) => ({
      id: `e_${index}`,
      source: all[index]?.id ?? 'start',
      target: node.id,
    })),
  } as unknown as WorkflowDocument;
}

/** A code node; `outputs` are `{ name: type }` (all `any`-like values should be declared `object`). */
export function codeNode(
  id: string,
  code: string,
  options: {
    inputs?: Record<string, string>;
    outputs?: Record<string, string>;
    timeoutMs?: number;
    memoryLimitMb?: number;
  } = {},
): ChainNode {
  return {
    id,
    type: 'code',
    config: {
      code,
      inputs: options.inputs ?? {},
      outputs: Object.entries(options.outputs ?? { result: 'string' }).map(([name, type]) => ({
        name,
        type,
      })),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.memoryLimitMb === undefined ? {} : { memoryLimitMb: options.memoryLimitMb }),
    },
  };
}

/** An http node; `url` and the rest are templates. */
export function httpNode(
  id: string,
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    response?: 'json' | 'text';
  } = {},
): ChainNode {
  return {
    id,
    type: 'http',
    config: {
      method: options.method ?? 'GET',
      url,
      headers: options.headers ?? {},
      ...(options.body === undefined ? {} : { body: options.body }),
      response: options.response ?? 'json',
      timeoutMs: 5_000,
    },
  };
}

/** An agent node on `model` with http tools `{ name, url, headers? }` (GET, one string parameter `q`). */
export function agentNode(
  id: string,
  model: string,
  tools: readonly { name: string; url: string; headers?: Record<string, string> }[],
  maxSteps = 5,
): ChainNode {
  return {
    id,
    type: 'agent',
    config: {
      model,
      prompt: '{{start.query}}',
      maxSteps,
      tools: tools.map((tool) => ({
        name: tool.name,
        description: `The ${tool.name} tool`,
        parameters: { type: 'object', properties: { q: { type: 'string' } } },
        method: 'GET',
        url: tool.url,
        headers: tool.headers ?? {},
      })),
    },
  };
}
