import { z } from 'zod';
import { identifierSchema } from './identifier.ts';

export const documentSchemaId = 'edgeflow/workflow@1';

export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

/** A node as stored: its config is checked against its kind by compile(), not here. */
export const documentNodeSchema = z.object({
  id: identifierSchema,
  type: z.string(),
  title: z.string().max(200).optional(),
  position: positionSchema.default({ x: 0, y: 0 }),
  config: z.record(z.string(), z.unknown()).default({}),
});
export type DocumentNode = z.output<typeof documentNodeSchema>;

/** An edge from a node's output port (`sourceHandle`, default `out`) to another node. */
export const documentEdgeSchema = z.object({
  id: z.string().min(1).max(128),
  source: z.string(),
  target: z.string(),
  sourceHandle: z.string().nullish(),
  targetHandle: z.string().nullish(),
});
export type DocumentEdge = z.output<typeof documentEdgeSchema>;

export const workflowModes = ['chat', 'workflow'] as const;
export type WorkflowMode = (typeof workflowModes)[number];

/** The v1 workflow document. */
export const workflowDocumentSchema = z.object({
  schema: z.literal(documentSchemaId),
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  mode: z.enum(workflowModes).default('chat'),
  nodes: z.array(documentNodeSchema).max(2000),
  edges: z.array(documentEdgeSchema).max(10_000),
});
export type WorkflowDocument = z.output<typeof workflowDocumentSchema>;
/** A document as a person or the editor writes it (defaults may be left out). */
export type WorkflowDocumentInput = z.input<typeof workflowDocumentSchema>;
