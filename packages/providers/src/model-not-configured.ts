import { ModelError } from './model-error.ts';
import { providerNames } from './model-id.ts';

/** Why a model id cannot be served, as a sentence that says what to set. */
export type NotConfiguredReason =
  | { readonly kind: 'malformed' }
  | { readonly kind: 'unknown-provider'; readonly provider: string }
  | { readonly kind: 'provider-unset'; readonly provider: 'alibaba' | 'openai' | 'compatible' | 'workers-ai' }
  | { readonly kind: 'compatible-unlisted'; readonly model: string; readonly listed: readonly string[] }
  | { readonly kind: 'local-unknown'; readonly use: string };

const setupHints = {
  alibaba: 'set DASHSCOPE_API_KEY (and DASHSCOPE_BASE_URL for another region or a proxy)',
  openai: 'set OPENAI_API_KEY (and OPENAI_BASE_URL for a proxy)',
  compatible: 'set OPENAI_COMPATIBLE_BASE_URL and list the model in OPENAI_COMPATIBLE_MODELS',
  'workers-ai': 'add the Workers AI binding named AI (wrangler.jsonc: "ai": { "binding": "AI" })',
} as const;

function sentence(id: string, reason: NotConfiguredReason): string {
  switch (reason.kind) {
    case 'malformed':
      return `"${id}" is not a model id; use provider:model, e.g. alibaba:qwen-plus or local:echo.`;
    case 'unknown-provider':
      return `${id}: there is no model provider "${reason.provider}"; the providers are ${providerNames.join(', ')}.`;
    case 'provider-unset':
      return `${id}: the ${reason.provider} provider is not configured; ${setupHints[reason.provider]}.`;
    case 'compatible-unlisted': {
      const listed = reason.listed.length === 0 ? 'it is empty' : `it lists ${reason.listed.join(', ')}`;
      return `${id}: add "${reason.model}" to OPENAI_COMPATIBLE_MODELS, the comma-separated models the compatible server serves (${listed}).`;
    }
    case 'local-unknown':
      return `${id}: the local provider has only ${reason.use}.`;
  }
}

/** The error for a model this deployment cannot serve; retrying cannot help, configuring can. */
export function modelNotConfigured(id: string, reason: NotConfiguredReason): ModelError {
  return new ModelError('model_not_configured', sentence(id, reason), { retryable: false });
}
