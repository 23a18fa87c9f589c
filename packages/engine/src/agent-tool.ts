import type { AgentTool } from '@edgeflow/graph';
import { buildHttpRequest } from './http-request-builder.ts';
import { parseJsonBody } from './http-response.ts';
import { cancelledError, NodeError, toNodeError } from './node-error.ts';
import type { NodeRuntime } from './node-runtime.ts';
import type { CancelSignal } from './ports/cancel-signal.ts';
import type { ModelToolCall } from './ports/model-port.ts';

/** One tool call as the agent's `toolCalls` output reports it. */
export interface ToolCallRecord {
  readonly id: string;
  readonly name: string;
  readonly arguments: Readonly<Record<string, unknown>>;
  readonly status: 'succeeded' | 'failed';
  readonly result?: unknown;
  readonly error?: string;
}

/** Tool results longer than this are cut before they reach the model. */
const maxResultLength = 20_000;

/** Arguments as an object, whether the provider parsed them or passed the JSON text. */
export function toolArguments(call: ModelToolCall): Readonly<Record<string, unknown>> {
  let value = call.arguments;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return {};
    }
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function forModel(response: { status: number; body: string }, json: unknown): unknown {
  if (json !== null) return json;
  return response.body.length > maxResultLength
    ? `${response.body.slice(0, maxResultLength)}… (cut)`
    : response.body;
}

/**
 * Runs one tool call over the http port. Anything the model can react to (an unknown tool, a refused
 * URL, an HTTP error status) becomes an error result sent back to it; only cancellation and a missing
 * http port fail the node.
 */
export async function runTool(
  runtime: NodeRuntime,
  tools: readonly AgentTool[],
  call: ModelToolCall,
  signal: CancelSignal,
): Promise<ToolCallRecord> {
  const args = toolArguments(call);
  const base = { id: call.id, name: call.name, arguments: args };
  const tool = tools.find((entry) => entry.name === call.name);
  if (!tool) {
    const known = tools.map((entry) => entry.name).join(', ') || 'none';
    return {
      ...base,
      status: 'failed',
      error: `There is no tool named “${call.name}”; the tools are: ${known}.`,
    };
  }
  const port = runtime.run.ports.http;
  if (!port)
    throw new NodeError('port_unavailable', 'No HTTP egress is configured for the agent’s tools.', false);
  const request = buildHttpRequest(runtime.run.index, tool, runtime.run.requestResolver(args), args);
  try {
    const response = await port.request(request, signal);
    const json = tool.response === 'json' ? parseJsonBody(response) : null;
    const result = runtime.run.vault.mask(forModel(response, json));
    if (response.status >= 400)
      return { ...base, status: 'failed', result, error: `HTTP ${response.status}` };
    return { ...base, status: 'succeeded', result };
  } catch (error) {
    if (signal.aborted) throw toNodeError(signal.reason ?? cancelledError(), 'cancelled');
    const failure = toNodeError(error, 'request_failed');
    return {
      ...base,
      status: 'failed',
      error: runtime.run.vault.maskText(`${failure.code}: ${failure.message}`),
    };
  }
}
