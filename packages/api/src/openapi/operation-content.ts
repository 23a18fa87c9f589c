import { limits } from '../schemas/limits.ts';
import { schemaReference } from './component-schemas.ts';
import type { Route } from './route.ts';

const streams = {
  'run-events': {
    description:
      'Server-sent events, each `id: <seq>\\nevent: <type>\\ndata: <json>\\n\\n`; `x-event-schema` is the schema of the JSON. Ends with `run-end`.',
    eventSchema: 'RunEvent',
  },
  'chat-chunks': {
    description: 'Server-sent events, each `data: <json>\\n\\n`, then `data: [DONE]\\n\\n`.',
    eventSchema: 'ChatCompletionChunk',
  },
} as const;

const uploadSchema = {
  type: 'object',
  properties: {
    file: {
      type: 'string',
      format: 'binary',
      contentMediaType: 'application/octet-stream',
      description: 'Text, Markdown, HTML or PDF, recognised by content.',
    },
    title: {
      type: 'string',
      minLength: 1,
      maxLength: limits.nameLength,
      description: 'Defaults to the file name.',
    },
  },
  required: ['file'],
};

/** The request body and the successful answer of a route's operation. */
export function operationContent(route: Route): { requestBody?: unknown; success: unknown } {
  const { success } = route;
  const content: Record<string, unknown> = {};
  if (success.stream !== undefined) {
    const stream = streams[success.stream];
    content['text/event-stream'] = {
      schema: { type: 'string', description: stream.description },
      'x-event-schema': schemaReference(stream.eventSchema),
    };
  }
  if (success.json !== undefined) content['application/json'] = { schema: schemaReference(success.json) };
  if (success.contentType !== undefined) content[success.contentType] = { schema: { type: 'string' } };
  const answer = {
    description: success.description,
    ...(Object.keys(content).length === 0 ? {} : { content }),
  };
  if (route.body === undefined) return { success: answer };
  const requestContent: Record<string, unknown> = {
    'application/json': { schema: schemaReference(route.body) },
  };
  if (route.multipart === true) requestContent['multipart/form-data'] = { schema: uploadSchema };
  return { requestBody: { required: route.optionalBody !== true, content: requestContent }, success: answer };
}
