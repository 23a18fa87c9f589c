import { errorCodes } from '../schemas/error-codes.ts';
import { defaultChunking } from '../schemas/knowledge-base.ts';
import { limits } from '../schemas/limits.ts';

const errorCodeTable = Object.entries(errorCodes)
  .map(([code, { status, description }]) => `| \`${code}\` | ${status} | ${description} |`)
  .join('\n');

/** The `info.description`: the choices API.md leaves to the implementation, written down. */
export const apiDescription = `Edgeflow runs AI pipelines built in the browser as HTTP endpoints, an OpenAI-compatible endpoint and a chat widget.

## Authentication
- \`/api/*\`: \`Authorization: Bearer <ADMIN_TOKEN>\`. Without an \`ADMIN_TOKEN\`, production answers 503 \`admin_not_configured\`.
- \`/v1/*\`: \`Authorization: Bearer <key>\` with a secret key (servers) or a publishable key (browsers; only from an origin in its \`allowedOrigins\`, matched exactly, CORS headers only for those, never with credentials).
- A publishable key needs at least one allowed origin; a secret key takes none. Origins are written as browsers send them: \`https://shop.example.com\`, no path, no default port.
- A secret key sent with an \`Origin\` header (from a browser) is refused with 403 \`forbidden\`: use a publishable key in web pages.
- Publishable keys only run their app (\`POST /v1/apps/{appId}/runs\`), read their visitors' conversations and \`GET /v1/apps/{appId}/widget\`; anything else is 403.

## Widget visitors and CORS
- A widget identifies its visitor with the header \`X-Edgeflow-Visitor\`: a random id of 22 to 128 characters of \`A-Z a-z 0-9 _ -\` (e.g. \`crypto.randomUUID()\`) kept in the visitor's storage. Runs and conversation reads with a publishable key need it (400 \`visitor_required\`); a conversation belongs to the key and that visitor, and nobody else reads it (404). Only its SHA-256 is stored.
- CORS: \`OPTIONS\` preflights on \`/v1/apps/{appId}/runs\`, \`…/widget\` and \`…/conversations/{conversationId}/messages\` are answered 204 for origins that one of the app's publishable keys allows (methods \`GET, POST\`, headers \`authorization, content-type, x-edgeflow-visitor\`, max age 600 s), 403 \`origin_not_allowed\` without CORS headers otherwise; preflights count against the per-address limit below. Answers to a publishable key from its allowed origin, errors included, carry \`Access-Control-Allow-Origin\` (that origin) and expose \`Retry-After\`; \`Access-Control-Allow-Credentials\` is never sent.

## Rate limits and budgets
- Publishable-key requests are limited per app and visitor (30 a minute), per app and client address (120 a minute, whatever visitor ids it sends) and per app (1,200 a minute): 429 \`rate_limited\` with \`Retry-After\` and \`details.retryAfterSeconds\`. Secret keys are the customer's own servers and are not rate limited per request.
- Wrong credentials (a key or admin token that is not valid) are counted per client address: past 30 a minute every request from that address is answered 429 \`rate_limited\` until the minute ends, right credentials included. Requests without credentials are not counted.
- An app's \`settings.dailyTokenBudget\` (model tokens, input plus output, of all its runs per UTC day) refuses public runs once spent: 429 \`budget_exhausted\` with \`Retry-After\` until 00:00 UTC and \`details\` \`{ budget, used, resetsAt }\`. It is checked when a run starts, so a run under way finishes; test runs of the draft are counted but never refused.

## Requests and answers
- JSON bodies are strict: an unknown key is a 400 \`invalid_request\` whose \`details.issues\` lists \`{ path, code, message }\` with \`path\` a JSON pointer. Answers, in contrast, may gain fields: ignore the ones you do not know.
- A run body holds only \`inputs\`, \`stream\` and \`conversationId\`. A public run can never choose the draft, a graph or a config override: such a body is rejected, and nothing runs.
- Ids are a prefix (\`app_\`, \`run_\`, \`key_\`, \`kb_\`, \`doc_\`, \`conv_\`) and 1 to ${limits.idLength} of \`A-Z a-z 0-9 _ -\`. Times are ISO-8601 in UTC.
- \`PATCH\` changes only the keys present; \`settings\` in \`PATCH /api/apps/{appId}\` replaces the settings as a whole. Settings are strict too.
- \`GET /api/apps\` answers the apps with their drafts, most recently updated first; version, key and run lists are newest first.
- Run lists are paged: \`limit\` 1 to ${limits.pageSize} (default 20), \`cursor\` opaque, empty or absent for the first page, \`nextCursor\` \`null\` on the last.
- Sizes: names ${limits.nameLength} characters, notes ${limits.noteLength}, ${limits.inputCount} run inputs, document text ${limits.documentTextLength.toLocaleString('en')} characters, queries ${limits.queryLength}, secrets ${limits.secretValueLength}, ${limits.chatMessageCount} chat messages of ${limits.chatMessageLength.toLocaleString('en')} characters. A body over a route's limit is a 413.

## Errors
Every error is \`{ "error": { "code", "message", "details" } }\`. Codes are stable; more may be added.

| code | status | when |
| --- | --- | --- |
${errorCodeTable}

## Run events
\`POST …/runs\` streams \`text/event-stream\`: each event is \`id: <seq>\\nevent: <type>\\ndata: <json>\\n\\n\`, the JSON holding \`type\`, \`runId\` and \`seq\` (from 1). Types: \`run-start\`, \`node-start\`, \`text-delta\`, \`node-end\`, \`run-end\` (always last, also after a failure). A \`: ping\` comment comes at least every 15 s while nothing else does. More event types may be added: skip the ones you do not know. For a run of the draft, \`version\` is \`null\`. \`node-end\` may carry the node's \`inputs\` and, when it was tried more than once, every try in \`attempts\` (retries and model fallbacks).

## Knowledge
Chunking defaults to \`${JSON.stringify(defaultChunking)}\` characters; \`topK\` to 4; \`mode\` to \`hybrid\` when the knowledge base has an embedding model, else \`keyword\`. Documents come as JSON \`{ title, text, type? }\`, JSON \`{ url }\`, or \`multipart/form-data\` with a \`file\` part and an optional \`title\`; their \`status\` is \`processing\`, then \`ready\` or \`failed\`.

## OpenAI compatibility
\`POST /v1/chat/completions\` reads \`model\` (a chat app's id), \`messages\`, \`stream\` and \`stream_options\`; other fields are accepted and ignored, since the published pipeline decides how its models are called. The completion's \`id\` is the run id.
`;
