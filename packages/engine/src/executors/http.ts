import { buildHttpRequest } from '../http-request-builder.ts';
import { isTransientStatus, parseJsonBody } from '../http-response.ts';
import { NodeError } from '../node-error.ts';
import { withRetries } from '../retry.ts';
import type { Executor } from './executor.ts';

/**
 * Sends the templated request through the guarded egress. A 4xx answer is data (the outputs say what
 * the API said); 408, 429 and 5xx are failures, retried per `retry`. `json` is null when the body is not JSON.
 */
export const executeHttp: Executor<'http'> = async (node, runtime) => {
  const { config } = node;
  await runtime.loadSecrets([
    config.url,
    ...Object.values(config.headers),
    ...(config.body === undefined ? [] : [config.body]),
  ]);
  const request = buildHttpRequest(runtime.run.index, config, runtime.run.requestResolver());
  runtime.inputs = {
    method: request.method,
    url: request.url,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  };
  const port = runtime.run.ports.http;
  if (!port) throw new NodeError('port_unavailable', 'No HTTP egress is configured for this run.', false);
  const response = await withRetries(
    runtime,
    config.retry,
    [undefined],
    'request_failed',
    async (_model, signal) => {
      const answer = await port.request(request, signal);
      if (isTransientStatus(answer.status))
        throw new NodeError('http_status', `The server answered HTTP ${answer.status}.`);
      return answer;
    },
  );
  return {
    outputs: {
      status: response.status,
      headers: response.headers,
      body: response.body,
      json: config.response === 'json' ? parseJsonBody(response) : null,
    },
  };
};
