import { workflowDocumentSchema } from '@edgeflow/graph';
import { z } from 'zod';
import * as schemas from '../schemas/index.ts';

/** Schemas of request bodies, converted as input (defaults make a field optional). */
export const requestSchemas = {
  WorkflowDocumentInput: workflowDocumentSchema,
  CreateAppRequest: schemas.createAppRequestSchema,
  UpdateAppRequest: schemas.updateAppRequestSchema,
  AppSettings: schemas.appSettingsSchema,
  PublishRequest: schemas.publishRequestSchema,
  CreateKeyRequest: schemas.createKeyRequestSchema,
  RunRequest: schemas.runRequestSchema,
  CreateKnowledgeBaseRequest: schemas.createKnowledgeBaseRequestSchema,
  UpdateKnowledgeBaseRequest: schemas.updateKnowledgeBaseRequestSchema,
  CreateDocumentRequest: schemas.createDocumentRequestSchema,
  KnowledgeQueryRequest: schemas.knowledgeQueryRequestSchema,
  PutSecretRequest: schemas.putSecretRequestSchema,
  ChatCompletionRequest: schemas.chatCompletionRequestSchema,
} satisfies Record<string, z.ZodType>;

/** Schemas of answers, converted as output (what the runtime sends, defaults filled). */
export const responseSchemas = {
  Error: schemas.errorBodySchema,
  Diagnostic: schemas.diagnosticSchema,
  Diagnostics: schemas.diagnosticsResponseSchema,
  ValidationIssue: schemas.validationIssueSchema,
  WorkflowDocument: workflowDocumentSchema,
  Health: schemas.healthSchema,
  Model: schemas.modelSchema,
  ModelList: schemas.modelListSchema,
  Template: schemas.templateSchema,
  TemplateList: schemas.templateListSchema,
  App: schemas.appSchema,
  AppList: schemas.appListSchema,
  PublishResponse: schemas.publishResponseSchema,
  AppVersion: schemas.appVersionSchema,
  VersionList: schemas.versionListSchema,
  Key: schemas.keySchema,
  CreatedKey: schemas.createdKeySchema,
  KeyList: schemas.keyListSchema,
  Usage: schemas.usageSchema,
  RunError: schemas.runErrorSchema,
  Attempt: schemas.attemptSchema,
  RunResult: schemas.runResultSchema,
  RunStartEvent: schemas.runStartEventSchema,
  NodeStartEvent: schemas.nodeStartEventSchema,
  TextDeltaEvent: schemas.textDeltaEventSchema,
  NodeEndEvent: schemas.nodeEndEventSchema,
  RunEndEvent: schemas.runEndEventSchema,
  RunEvent: schemas.runEventSchema,
  RunStep: schemas.runStepSchema,
  RunSummary: schemas.runSummarySchema,
  RunRecord: schemas.runRecordSchema,
  RunList: schemas.runListSchema,
  KnowledgeBase: schemas.knowledgeBaseSchema,
  KnowledgeBaseList: schemas.knowledgeBaseListSchema,
  KnowledgeDocument: schemas.knowledgeDocumentSchema,
  KnowledgeDocumentList: schemas.knowledgeDocumentListSchema,
  KnowledgeChunk: schemas.knowledgeChunkSchema,
  KnowledgeQueryResponse: schemas.knowledgeQueryResponseSchema,
  Secret: schemas.secretSchema,
  SecretList: schemas.secretListSchema,
  ConversationMessage: schemas.conversationMessageSchema,
  ConversationMessageList: schemas.conversationMessageListSchema,
  WidgetConfig: schemas.widgetConfigSchema,
  ChatCompletion: schemas.chatCompletionSchema,
  ChatCompletionChunk: schemas.chatCompletionChunkSchema,
  OpenAiModelList: schemas.openAiModelListSchema,
  OpenAiError: schemas.openAiErrorBodySchema,
} satisfies Record<string, z.ZodType>;

export type RequestSchemaName = keyof typeof requestSchemas;
export type ResponseSchemaName = keyof typeof responseSchemas;
export type JsonSchema = z.core.JSONSchema.BaseSchema;

/** A `$ref` to a component schema. */
export function schemaReference(name: RequestSchemaName | ResponseSchemaName): JsonSchema {
  return { $ref: `#/components/schemas/${name}` };
}

let converted: Record<string, JsonSchema> | undefined;

/**
 * Converts both sets into `components.schemas`: a registered schema used inside another becomes a
 * `$ref`, everything else is inlined.
 */
export function componentSchemas(): Record<string, JsonSchema> {
  // Converting takes milliseconds of CPU, which a Worker pays per request; the schemas never change.
  converted ??= { ...convert(requestSchemas, 'input'), ...convert(responseSchemas, 'output') };
  return structuredClone(converted);
}

function convert(named: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas: output } = z.toJSONSchema(registry, {
    io,
    uri: (id) => `#/components/schemas/${id}`,
    override: ({ zodSchema, jsonSchema }) => {
      // Answers may gain fields (API.md: add, never rename), so only strict objects forbid extra keys.
      const def = zodSchema._zod.def;
      if (io === 'output' && def.type === 'object' && def.catchall?._zod.def.type !== 'never') {
        delete jsonSchema.additionalProperties;
      }
      // `format: date-time` says it; zod's long equivalent pattern only adds noise.
      if (jsonSchema.format === 'date-time') delete jsonSchema.pattern;
      // Lets generated clients pick the event type from `type` instead of trying each schema.
      if (def.type === 'union' && 'discriminator' in def && typeof def.discriminator === 'string') {
        jsonSchema.discriminator = { propertyName: def.discriminator };
      }
    },
  });
  const result: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(output)) {
    const { $schema: _dialect, $id: _id, ...rest } = schema;
    result[id] = rest;
  }
  return result;
}
