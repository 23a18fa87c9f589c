/** What a model can be used for in a pipeline (API.md, `GET /api/models`). */
export type ModelCapability = 'chat' | 'tools' | 'embedding';

/** A model a person can pick; `id` is what a workflow document stores. */
export interface ModelInfo {
  readonly id: string;
  readonly provider: string;
  readonly name: string;
  readonly capabilities: readonly ModelCapability[];
}

type CatalogEntry = readonly [model: string, name: string, capabilities: readonly ModelCapability[]];

const chatWithTools: readonly ModelCapability[] = ['chat', 'tools'];
const embedding: readonly ModelCapability[] = ['embedding'];

/**
 * A short, curated list per provider for the model picker. Other models of a configured provider
 * still work when a document names them (except `compatible:`, which serves only its listed models).
 */
export const modelCatalog = {
  local: [
    ['echo', 'Echo (built-in demo, no key needed: repeats your message)', ['chat']],
    ['hash', 'Hash embeddings (built-in, offline; matches words, not meaning)', embedding],
  ],
  alibaba: [
    ['qwen-plus', 'Qwen Plus', chatWithTools],
    ['qwen-max', 'Qwen Max', chatWithTools],
    ['qwen-turbo', 'Qwen Turbo', chatWithTools],
    ['text-embedding-v3', 'Text Embedding v3 (DashScope)', embedding],
  ],
  openai: [
    ['gpt-4o-mini', 'GPT-4o mini', chatWithTools],
    ['gpt-4.1', 'GPT-4.1', chatWithTools],
    ['text-embedding-3-small', 'text-embedding-3-small', embedding],
  ],
  'workers-ai': [
    ['@cf/meta/llama-3.1-8b-instruct', 'Llama 3.1 8B Instruct (Workers AI)', ['chat']],
    ['@cf/meta/llama-3.3-70b-instruct-fp8-fast', 'Llama 3.3 70B Instruct fast (Workers AI)', chatWithTools],
    ['@cf/baai/bge-m3', 'BGE-M3 embeddings, multilingual (Workers AI)', embedding],
    ['@cf/baai/bge-base-en-v1.5', 'BGE base English embeddings (Workers AI)', embedding],
  ],
} as const satisfies Record<string, readonly CatalogEntry[]>;

// A compatible server says nothing about its models; names like these are embedding models.
const embeddingName = /embed|bge|\be5\b|e5-|gte-|minilm|nomic/i;

/** Capabilities of a model listed in OPENAI_COMPATIBLE_MODELS, guessed from its name. */
export function compatibleCapabilities(model: string): readonly ModelCapability[] {
  return embeddingName.test(model) ? embedding : chatWithTools;
}

export function catalogEntries(provider: keyof typeof modelCatalog): ModelInfo[] {
  return modelCatalog[provider].map(([model, name, capabilities]) => ({
    id: `${provider}:${model}`,
    provider,
    name,
    capabilities,
  }));
}
