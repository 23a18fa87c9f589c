import type { ChatRequest, ToolChoice, ToolDefinition } from './chat-request.ts';
import type { FakeModelBehaviour, FakeToolCall } from './fake-model-behaviour.ts';
import { sampleJsonSchema } from './json-schema-sample.ts';
import type { PlannedToolCall } from './reply-plan-types.ts';

/**
 * The tool calls of a reply. None when `tool_choice` is `none` or the last message is a tool result
 * (so the turn after a tool call answers with text) unless `repeatToolCalls` says to go on; otherwise the scripted calls, or, when
 * `tool_choice` forces a tool and none is scripted, one call with arguments synthesised from the
 * tool's parameter schema.
 */
export function replyToolCalls(
  request: ChatRequest,
  behaviour: FakeModelBehaviour,
  sequence: number,
): PlannedToolCall[] {
  const choice = request.toolChoice;
  if (choice.mode === 'none') return [];
  if (request.messages.at(-1)?.role === 'tool' && behaviour.repeatToolCalls !== true) return [];
  const scripted = behaviour.toolCalls ?? [];
  const calls = scripted.length > 0 ? scripted : forcedCalls(request.tools, choice);
  return calls.map((call, index) => ({
    id: call.id ?? `call_fake_${sequence}_${index}`,
    name: call.name,
    arguments: encodeArguments(call, request.tools),
  }));
}

function forcedCalls(tools: readonly ToolDefinition[], choice: ToolChoice): FakeToolCall[] {
  if (choice.mode === 'required') return tools[0] === undefined ? [] : [{ name: tools[0].name }];
  if (choice.mode === 'named') return [{ name: choice.name }];
  return [];
}

function encodeArguments(call: FakeToolCall, tools: readonly ToolDefinition[]): string {
  if (typeof call.arguments === 'string') return call.arguments;
  if (call.arguments !== undefined) return JSON.stringify(call.arguments);
  const tool = tools.find((candidate) => candidate.name === call.name);
  return JSON.stringify(tool === undefined ? {} : sampleJsonSchema(tool.parameters));
}
