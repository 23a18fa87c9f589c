import type { Route } from './route.ts';

const anyAppKey = ['secretKey', 'publishableKey'] as const;

/** `/v1/*` (app keys), the widget script and the unauthenticated routes. */
export const publicRoutes: readonly Route[] = [
  {
    method: 'post',
    path: '/v1/apps/{appId}/runs',
    operationId: 'run',
    tag: 'Runs',
    summary: 'Run the latest published version of an app',
    description:
      "Runs the stored published version only: a body carrying `graph`, `draft`, overrides or any other unknown key is a 400. 404 `not_published` when the app has no version; 422 `invalid_inputs` (with `details.fields`) when the inputs do not match the start node. With `stream: false`, the answer is JSON once the run ends. With a publishable key, `X-Edgeflow-Visitor` is required (400 `visitor_required`) and the conversation belongs to that visitor. 429 `budget_exhausted` once the app's `dailyTokenBudget` is spent.",
    credentials: anyAppKey,
    body: 'RunRequest',
    optionalBody: true,
    success: {
      status: 200,
      description:
        'The run events (`stream: true`, the default), or the result as JSON with `stream: false`.',
      stream: 'run-events',
      json: 'RunResult',
    },
    errors: [422, 502],
  },
  {
    method: 'get',
    path: '/v1/apps/{appId}/conversations/{conversationId}/messages',
    operationId: 'listConversationMessages',
    tag: 'Runs',
    summary: 'List the messages of a conversation, oldest first',
    description:
      'Only for the key that owns the conversation and, with a publishable key, the widget visitor (`X-Edgeflow-Visitor`) that started it; anyone else gets a 404.',
    credentials: anyAppKey,
    success: { status: 200, description: 'The messages.', json: 'ConversationMessageList' },
  },
  {
    method: 'get',
    path: '/v1/runs/{runId}',
    operationId: 'getRun',
    tag: 'Runs',
    summary: 'Get a run with its steps',
    description:
      "For the secret key that started the run, or the admin token; any other key gets a 404. Publishable keys get 403: they are public, and a trace holds the app's prompts and every step's data.",
    credentials: ['secretKey', 'adminToken'],
    success: { status: 200, description: 'The run record.', json: 'RunRecord' },
  },
  {
    method: 'post',
    path: '/v1/chat/completions',
    operationId: 'createChatCompletion',
    tag: 'OpenAI compatible',
    summary: 'Run a chat app in the OpenAI Chat Completions format',
    description:
      "`model` is the id of the published chat app the secret key belongs to (anything else: 404 `model_not_found`). The last user message is the query; the user and assistant messages before it are the history, of which each model node of the pipeline sees as many turns as its `memory.turns` allows; system, developer and tool messages are ignored (the pipeline owns its prompts) and nothing is stored as a conversation. Streams `chat.completion.chunk` events (the role first, then the answer node's text deltas, `finish_reason: \"stop\"`, a usage chunk with `stream_options.include_usage`) and `data: [DONE]` with `stream: true`, else one JSON answer. A run that fails mid-stream sends OpenAI's in-stream `{ error }` object and no `[DONE]`; without streaming it is a 502. Errors on this route and on `GET /v1/models` use OpenAI's shape `{ error: { message, type, param, code } }` (401 `invalid_api_key`, 404 `model_not_found`, 429 `rate_limit_exceeded` or `budget_exhausted`), not the contract's.",
    credentials: ['secretKey'],
    body: 'ChatCompletionRequest',
    success: {
      status: 200,
      description:
        'The completion as JSON (`stream: false`, the default), or its chunks with `stream: true`.',
      json: 'ChatCompletion',
      stream: 'chat-chunks',
    },
    errors: [422, 502],
    errorShape: 'openai',
  },
  {
    method: 'get',
    path: '/v1/models',
    operationId: 'listOpenAiModels',
    tag: 'OpenAI compatible',
    summary: 'List the chat apps the key may call, as OpenAI models',
    description:
      "A key belongs to one app: the list holds that app when it is a published chat app, else nothing. `owned_by` is `edgeflow`, `created` the app's creation time.",
    credentials: ['secretKey'],
    success: { status: 200, description: 'The apps as models.', json: 'OpenAiModelList' },
    errorShape: 'openai',
  },
  {
    method: 'get',
    path: '/v1/apps/{appId}/widget',
    operationId: 'getWidgetConfig',
    tag: 'Widget',
    summary: "What the widget's launcher shows",
    description:
      "The app's name and its `greeting` and `theme` settings, defaults filled in; 404 `not_published` before the first publish.",
    credentials: ['publishableKey', 'secretKey'],
    success: { status: 200, description: 'The widget configuration.', json: 'WidgetConfig' },
  },
  {
    method: 'get',
    path: '/widget.js',
    operationId: 'getWidgetScript',
    tag: 'Widget',
    summary: 'The embeddable chat widget script',
    description:
      'Pasted as `<script src="https://<host>/widget.js" data-app-id="app_…" data-key="<publishable key>" async></script>`.',
    credentials: [],
    success: { status: 200, description: 'The script.', contentType: 'text/javascript' },
  },
  {
    method: 'get',
    path: '/healthz',
    operationId: 'getHealth',
    tag: 'Platform',
    summary: 'Liveness',
    credentials: [],
    success: { status: 200, description: 'Alive.', json: 'Health' },
  },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    tag: 'Platform',
    summary: 'This document',
    credentials: [],
    success: { status: 200, description: 'The OpenAPI 3.1 document.', contentType: 'application/json' },
  },
  {
    method: 'get',
    path: '/docs',
    operationId: 'getDocs',
    tag: 'Platform',
    summary: 'This document, rendered',
    credentials: [],
    success: { status: 200, description: 'An HTML page.', contentType: 'text/html' },
  },
];
