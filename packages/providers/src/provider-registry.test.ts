import { describe, expect, it } from 'vitest';
import { createProviderRegistry, providerRegistryFor } from './provider-registry.ts';

describe('providerRegistryFor', () => {
  it('makes one registry per environment object and fetch, so per-request ports are cheap', () => {
    const environment = { OPENAI_API_KEY: 'sk-test-key' };
    const fetchStub: typeof fetch = () => Promise.reject(new Error('no network here'));
    expect(providerRegistryFor(environment)).toBe(providerRegistryFor(environment));
    expect(providerRegistryFor(environment, fetchStub)).toBe(providerRegistryFor(environment, fetchStub));
    expect(providerRegistryFor(environment, fetchStub)).not.toBe(providerRegistryFor(environment));
    expect(providerRegistryFor({ ...environment })).not.toBe(providerRegistryFor(environment));
  });

  it('knows the configured secrets, to scrub them from messages', () => {
    const registry = createProviderRegistry({
      OPENAI_API_KEY: ' sk-a ',
      DASHSCOPE_API_KEY: 'sk-b',
      OPENAI_COMPATIBLE_BASE_URL: 'http://127.0.0.1/v1',
      OPENAI_COMPATIBLE_API_KEY: 'sk-c',
    });
    expect([...registry.secrets].sort()).toEqual(['sk-a', 'sk-b', 'sk-c']);
  });
});
