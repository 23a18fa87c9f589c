import { describe, expect, it } from 'vitest';
import { tokenFromHash } from './sign-in-link.ts';
import { endpointSnippets } from './snippets.ts';

describe('sign-in link', () => {
  it('takes the token out of the hash and keeps the rest', () => {
    expect(tokenFromHash('#token=ef_admin_abc')).toEqual({ token: 'ef_admin_abc', rest: '' });
    expect(tokenFromHash('#token=a&lang=zh')).toEqual({ token: 'a', rest: '#lang=zh' });
    expect(tokenFromHash('')).toEqual({ token: null, rest: '' });
    expect(tokenFromHash('#token=')).toEqual({ token: null, rest: '' });
  });
});

describe('endpoint snippets', () => {
  it('call the app with its start input and the key', () => {
    const snippets = endpointSnippets({
      baseUrl: 'http://h:1/',
      appId: 'app_x',
      mode: 'chat',
      inputName: 'query',
      secretKey: 'sk_1',
    });
    expect(snippets.curl).toContain('http://h:1/v1/apps/app_x/runs');
    expect(snippets.curl).toContain('Bearer sk_1');
    expect(snippets.curl).toContain('{"inputs":{"query":"Hello!"}}');
    expect(snippets.openai).toContain("baseURL: 'http://h:1/v1'");
    expect(snippets.widget).toContain('data-app-id="app_x"');
  });
});
