import { z } from 'zod';
import { limits } from './limits.ts';
import { conversationIdSchema } from './prefixed-id.ts';

/** Named inputs of the start node, e.g. `{ query: '…' }`; values are checked against the start node. */
export const runInputsSchema = z
  .record(z.string().min(1).max(limits.inputNameLength), z.unknown())
  .refine((inputs) => Object.keys(inputs).length <= limits.inputCount, {
    message: `at most ${limits.inputCount} inputs`,
  })
  .meta({ maxProperties: limits.inputCount });
export type RunInputs = z.output<typeof runInputsSchema>;

/**
 * The body of `POST /v1/apps/{appId}/runs` and `POST /api/apps/{appId}/draft/runs`. Strict on purpose:
 * a body that carries `graph`, `draft`, `version`, `config`, overrides or any other key is rejected
 * (400 `invalid_request`), so a caller can never choose what runs; see SECURITY.md.
 */
export const runRequestSchema = z
  .strictObject({
    inputs: runInputsSchema.default({}),
    stream: z
      .boolean()
      .default(true)
      .describe('`true`: an SSE stream of run events; `false`: one JSON answer.'),
    conversationId: conversationIdSchema
      .optional()
      .describe('Chat apps: continue this conversation; omitted, a new one starts and `run-start` names it.'),
  })
  .describe('Runs the latest published version (or, on the draft route, the saved draft); nothing else.');
export type RunRequest = z.input<typeof runRequestSchema>;
export type ParsedRunRequest = z.output<typeof runRequestSchema>;

/** `details` of a 422 `invalid_inputs`: each input that is missing or of the wrong type. */
export const invalidInputsDetailsSchema = z.object({
  fields: z.array(z.object({ name: z.string(), message: z.string() })),
});
export type InvalidInputsDetails = z.output<typeof invalidInputsDetailsSchema>;
