import { exports } from 'cloudflare:workers';
import { expect, it } from 'vitest';

it('answers healthz', async () => {
  const response = await exports.default.fetch('http://x/healthz');
  expect(await response.json()).toEqual({ ok: true });
});
