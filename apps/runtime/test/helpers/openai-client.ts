import { exports } from 'cloudflare:workers';
import OpenAI from 'openai';
import { origin } from './worker.ts';

let clients = 0;

/**
 * The official `openai` client pointed at the runtime's real entry point (`exports.default.fetch`),
 * as a customer's server would use it: base URL `<runtime>/v1`, the app's secret key, no retries.
 */
export function openAiClient(apiKey: string): OpenAI {
  clients += 1;
  const address = `198.19.${(clients >> 8) & 255}.${clients & 255}`;
  return new OpenAI({
    apiKey,
    baseURL: `${origin}/v1`,
    maxRetries: 0,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      request.headers.set('cf-connecting-ip', address);
      return exports.default.fetch(request);
    },
  });
}
