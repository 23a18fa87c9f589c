import { z } from 'zod';
import { onErrorSchema, retrySchema } from '../common-config.ts';
import { httpRequestShape } from '../http-request-config.ts';
import { defaultPort, type NodeKindDefinition } from '../node-kind-definition.ts';

export const httpConfigSchema = z.strictObject({
  ...httpRequestShape,
  retry: retrySchema,
  onError: onErrorSchema,
});
export type HttpConfig = z.output<typeof httpConfigSchema>;

export const httpKind: NodeKindDefinition<'http', HttpConfig> = {
  kind: 'http',
  label: 'HTTP request',
  description: 'Calls an HTTP API through the guarded egress; secrets as {{secrets.name}}.',
  category: 'tools',
  configSchema: httpConfigSchema,
  defaultConfig: httpConfigSchema.parse({ url: 'https://api.example.com/' }),
  templateFields: ['/url', '/headers/*', '/body'],
  hasInput: true,
  outputPorts: () => [defaultPort],
  outputs: () => ({ status: 'number', body: 'string', json: 'any', headers: 'object' }),
  retryable: true,
};
