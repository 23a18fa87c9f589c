import type { WorkflowDocument } from '@edgeflow/graph';

/** start → template → llm → answer, the pipeline the editor's tests build. */
export function chainDocument(): WorkflowDocument {
  return {
    schema: 'edgeflow/workflow@1',
    name: 'Chain',
    mode: 'chat',
    nodes: [
      {
        id: 'start',
        type: 'start',
        position: { x: 0, y: 0 },
        config: { inputs: [{ name: 'query', type: 'string', required: true }] },
      },
      {
        id: 'template',
        type: 'template',
        position: { x: 240, y: 0 },
        config: { template: 'Q: {{start.query}}' },
      },
      {
        id: 'llm',
        type: 'llm',
        position: { x: 480, y: 0 },
        config: { model: 'local:echo', prompt: '{{template.text}}' },
      },
      { id: 'answer', type: 'answer', position: { x: 720, y: 0 }, config: { text: '{{llm.text}}' } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'template' },
      { id: 'e2', source: 'template', target: 'llm' },
      { id: 'e3', source: 'llm', target: 'answer' },
    ],
  };
}
