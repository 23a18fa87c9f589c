import type { WorkflowDocument, WorkflowMode } from '@edgeflow/graph';
import { findTemplate } from '@edgeflow/workflows';
import { ApiError } from '../http/api-error.ts';

/** The pipeline a new app starts from when no template or graph is given: the smallest that runs. */
export function blankDocument(name: string, mode: WorkflowMode): WorkflowDocument {
  const start = {
    id: 'start',
    type: 'start',
    position: { x: 0, y: 0 },
    config: { inputs: [{ name: 'query', type: 'string', required: true }] },
  };
  if (mode === 'workflow') {
    return {
      schema: 'edgeflow/workflow@1',
      name,
      mode,
      nodes: [
        start,
        {
          id: 'end',
          type: 'end',
          position: { x: 320, y: 0 },
          config: { outputs: [{ name: 'result', value: '{{start.query}}' }] },
        },
      ],
      edges: [{ id: 'e_start_end', source: 'start', target: 'end' }],
    };
  }
  return {
    schema: 'edgeflow/workflow@1',
    name,
    mode,
    nodes: [
      start,
      {
        id: 'llm',
        type: 'llm',
        position: { x: 320, y: 0 },
        config: { model: 'local:echo', prompt: '{{start.query}}' },
      },
      { id: 'answer', type: 'answer', position: { x: 640, y: 0 }, config: { text: '{{llm.text}}' } },
    ],
    edges: [
      { id: 'e_start_llm', source: 'start', target: 'llm' },
      { id: 'e_llm_answer', source: 'llm', target: 'answer' },
    ],
  };
}

/** The first draft of a new app, from a template, a given document, or blank. */
export function initialDocument(input: {
  name: string;
  mode?: WorkflowMode | undefined;
  template?: string | undefined;
  graph?: WorkflowDocument | undefined;
}): WorkflowDocument {
  let document: WorkflowDocument;
  if (input.template !== undefined) {
    const template = findTemplate(input.template);
    if (!template)
      throw new ApiError(
        404,
        'not_found',
        `There is no template “${input.template}”; see GET /api/templates.`,
      );
    document = { ...(structuredClone(template.document) as WorkflowDocument), name: input.name };
  } else if (input.graph !== undefined) {
    document = input.graph;
  } else {
    return blankDocument(input.name, input.mode ?? 'chat');
  }
  if (input.mode !== undefined && input.mode !== document.mode) {
    throw new ApiError(
      422,
      'invalid_request',
      `The ${input.template ? 'template' : 'graph'} is a ${document.mode} app, not ${input.mode}.`,
    );
  }
  return document;
}
