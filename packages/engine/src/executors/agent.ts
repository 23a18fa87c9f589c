import type { AgentConfig } from '@edgeflow/graph';
import { runTool, type ToolCallRecord, toolArguments } from '../agent-tool.ts';
import { chatMessages } from '../chat-history.ts';
import { streamModel } from '../model-call.ts';
import { modelRequest, modelsOf } from '../model-settings.ts';
import { NodeError } from '../node-error.ts';
import type { NodeRuntime } from '../node-runtime.ts';
import type { CancelSignal } from '../ports/cancel-signal.ts';
import type { ModelMessage, ModelToolDefinition } from '../ports/model-port.ts';
import { withRetries } from '../retry.ts';
import type { Executor } from './executor.ts';

interface AgentRun {
  readonly text: string;
  readonly toolCalls: readonly ToolCallRecord[];
}

function toolTemplates(config: AgentConfig): string[] {
  return config.tools.flatMap((tool) => [
    tool.url,
    ...Object.values(tool.headers),
    ...(tool.body === undefined ? [] : [tool.body]),
  ]);
}

/**
 * model → tool calls → results → model … until the model answers without calling a tool. `maxSteps`
 * bounds the model calls; a step that still wants tools at the bound fails the node. `text` is all
 * text the model produced, in order: exactly what was streamed.
 */
async function loop(
  runtime: NodeRuntime,
  config: AgentConfig,
  model: string,
  system: string,
  start: readonly ModelMessage[],
  signal: CancelSignal,
): Promise<AgentRun> {
  const tools: ModelToolDefinition[] = config.tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    parameters: tool.parameters,
  }));
  const messages: ModelMessage[] = [...start];
  const records: ToolCallRecord[] = [];
  let text = '';
  for (let step = 1; ; step += 1) {
    const request = {
      ...modelRequest(config, model, system, messages),
      ...(tools.length > 0 ? { tools } : {}),
    };
    const reply = await streamModel(runtime, request, signal, config.stream);
    text += reply.text;
    if (reply.toolCalls.length === 0) return { text, toolCalls: records };
    if (step >= config.maxSteps) {
      throw new NodeError(
        'max_steps_exceeded',
        `The agent still wanted tools after ${config.maxSteps} model calls.`,
        false,
      );
    }
    const calls = reply.toolCalls.map((call) => ({ ...call, arguments: toolArguments(call) }));
    messages.push({ role: 'assistant', content: reply.text, toolCalls: calls });
    // A tool may have side effects: from here on, trying the node again would repeat them.
    runtime.committed = true;
    const results = await Promise.all(calls.map((call) => runTool(runtime, config.tools, call, signal)));
    for (const record of results) {
      records.push(record);
      messages.push({
        role: 'tool',
        toolCallId: record.id,
        toolName: record.name,
        result:
          record.status === 'succeeded'
            ? record.result
            : { error: record.error, ...(record.result === undefined ? {} : { result: record.result }) },
        ...(record.status === 'failed' ? { isError: true } : {}),
      });
    }
  }
}

export const executeAgent: Executor<'agent'> = async (node, runtime) => {
  const { config } = node;
  await runtime.loadSecrets(toolTemplates(config));
  const system = runtime.render(config.system);
  const prompt = runtime.render(config.prompt);
  const messages = chatMessages(runtime.run.history, config.memory.turns, prompt);
  runtime.inputs = {
    model: config.model,
    system,
    prompt,
    historyMessages: messages.length - 1,
    tools: config.tools.map((tool) => tool.name),
  };
  const result = await withRetries(
    runtime,
    config.retry,
    modelsOf(config),
    'model_error',
    (model = config.model, signal) => loop(runtime, config, model, system, messages, signal),
  );
  return {
    outputs: {
      text: result.text,
      toolCalls: result.toolCalls,
      usage: runtime.usage ?? { inputTokens: 0, outputTokens: 0 },
    },
  };
};
