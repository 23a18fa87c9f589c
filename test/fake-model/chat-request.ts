import { isRecord, type JsonRecord, readArray, readNumber, readRecord, readString } from './json-guards.ts';
import { type ParseResult, parsed, rejected } from './parse-result.ts';

/** A message reduced to what the fake needs: its role and its text parts joined. */
export interface ChatMessage {
  readonly role: string;
  readonly text: string;
}

export interface ToolDefinition {
  readonly name: string;
  readonly parameters: unknown;
}

export type ToolChoice =
  | { readonly mode: 'auto' | 'none' | 'required' }
  | { readonly mode: 'named'; readonly name: string };

export type ResponseFormat =
  | { readonly type: 'text' }
  | { readonly type: 'json_object' }
  | { readonly type: 'json_schema'; readonly schema: unknown };

/** The fields of a `POST /v1/chat/completions` body that shape the fake's reply. */
export interface ChatRequest {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly stream: boolean;
  readonly includeUsage: boolean;
  readonly tools: readonly ToolDefinition[];
  readonly toolChoice: ToolChoice;
  readonly responseFormat: ResponseFormat;
  readonly maxTokens: number | undefined;
}

export function parseChatRequest(body: unknown): ParseResult<ChatRequest> {
  if (!isRecord(body)) return rejected('The request body must be a JSON object.');
  const model = readString(body, 'model');
  if (model === undefined) return rejected('you must provide a model parameter', 'model');
  const rawMessages = readArray(body, 'messages');
  if (rawMessages === undefined) return rejected("Missing required parameter: 'messages'.", 'messages');
  const messages: ChatMessage[] = [];
  for (const [index, message] of rawMessages.entries()) {
    const role = isRecord(message) ? readString(message, 'role') : undefined;
    if (!isRecord(message) || role === undefined) {
      return rejected(`Invalid message at messages[${index}].`, `messages[${index}]`);
    }
    messages.push({ role, text: messageText(message.content) });
  }
  return parsed({
    model,
    messages,
    stream: body.stream === true,
    includeUsage: readRecord(body, 'stream_options')?.include_usage === true,
    tools: parseTools(readArray(body, 'tools') ?? []),
    toolChoice: parseToolChoice(body.tool_choice),
    responseFormat: parseResponseFormat(readRecord(body, 'response_format')),
    maxTokens: readNumber(body, 'max_completion_tokens') ?? readNumber(body, 'max_tokens'),
  });
}

// Content is a string, an array of typed parts (only `text` parts carry text), or null.
function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: unknown) => (isRecord(part) && part.type === 'text' ? (readString(part, 'text') ?? '') : ''))
    .join('');
}

function parseTools(tools: readonly unknown[]): ToolDefinition[] {
  return tools.flatMap((tool) => {
    const definition = isRecord(tool) ? readRecord(tool, 'function') : undefined;
    const name = definition === undefined ? undefined : readString(definition, 'name');
    if (definition === undefined || name === undefined) return [];
    return [{ name, parameters: definition.parameters ?? { type: 'object', properties: {} } }];
  });
}

function parseToolChoice(choice: unknown): ToolChoice {
  if (choice === 'none' || choice === 'required' || choice === 'auto') return { mode: choice };
  const name = isRecord(choice) ? functionName(choice) : undefined;
  return name === undefined ? { mode: 'auto' } : { mode: 'named', name };
}

function functionName(choice: JsonRecord): string | undefined {
  const definition = readRecord(choice, 'function');
  return definition === undefined ? undefined : readString(definition, 'name');
}

function parseResponseFormat(format: JsonRecord | undefined): ResponseFormat {
  const type = format === undefined ? undefined : readString(format, 'type');
  if (type === 'json_object') return { type };
  if (type === 'json_schema' && format !== undefined) {
    return { type, schema: readRecord(format, 'json_schema')?.schema ?? {} };
  }
  return { type: 'text' };
}
