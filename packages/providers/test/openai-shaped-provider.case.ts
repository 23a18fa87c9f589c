import { describe } from 'vitest';
import { chatConversationCases } from './chat-conversation.case.ts';
import { embeddingsAndCatalogCases } from './embeddings-and-catalog.case.ts';
import { failureHandlingCases } from './failure-handling.case.ts';
import { type OpenAiShapedProvider, useProviderFixture } from './provider-fixture.ts';

export { apiKey } from './provider-fixture.ts';

/**
 * The model port and embedder against a real OpenAI-compatible HTTP server: the suite every
 * provider that speaks OpenAI's Chat Completions runs (STYLE.md item 5).
 */
export function describeOpenAiShapedProvider(subject: OpenAiShapedProvider): void {
  describe(`${subject.provider} provider against the fake OpenAI-compatible server`, () => {
    const fixture = useProviderFixture(subject);
    chatConversationCases(fixture);
    failureHandlingCases(fixture);
    embeddingsAndCatalogCases(fixture);
  });
}
