/** Copy-paste snippets for calling a published app. */
export interface Snippets {
  readonly curl: string;
  readonly openai: string;
  readonly widget: string;
}

/** Placeholder shown instead of a key that is not at hand (keys are shown once). */
export const keyPlaceholder = '<YOUR_SECRET_KEY>';
export const publishableKeyPlaceholder = '<YOUR_PUBLISHABLE_KEY>';

/**
 * Snippets for the app's endpoints: `POST /v1/apps/{id}/runs` with curl, the OpenAI SDK against
 * `/v1/chat/completions` (chat apps), and the widget script tag.
 */
export function endpointSnippets(input: {
  baseUrl: string;
  appId: string;
  mode: 'chat' | 'workflow';
  inputName: string;
  secretKey?: string;
  publishableKey?: string;
}): Snippets {
  const base = input.baseUrl.replace(/\/+$/, '');
  const key = input.secretKey ?? keyPlaceholder;
  const body = JSON.stringify({ inputs: { [input.inputName]: 'Hello!' } });
  const curl = [
    `curl -N -X POST ${base}/v1/apps/${input.appId}/runs \\`,
    `  -H "Authorization: Bearer ${key}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${body}'`,
  ].join('\n');
  const openai = [
    `import OpenAI from 'openai';`,
    ``,
    `const client = new OpenAI({ baseURL: '${base}/v1', apiKey: '${key}' });`,
    `const completion = await client.chat.completions.create({`,
    `  model: '${input.appId}',`,
    `  messages: [{ role: 'user', content: 'Hello!' }],`,
    `});`,
    `console.log(completion.choices[0].message.content);`,
  ].join('\n');
  const widget = `<script src="${base}/widget.js" data-app-id="${input.appId}" data-key="${input.publishableKey ?? publishableKeyPlaceholder}" async></script>`;
  return { curl, openai, widget };
}
