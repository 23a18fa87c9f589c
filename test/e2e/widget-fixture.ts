/**
 * Everything the widget's browser tests share: the fake model (slow tokens), the platform as
 * `npm start` runs it, two published chat apps with publishable keys for the customer's origin, the
 * customer's site and a stranger's site (another origin, not allowed), and Chromium.
 */
import { createClient } from '@edgeflow/api';
import type { Browser } from 'playwright-core';
import { createFakeModelServer, type FakeModelServer } from '../fake-model/index.ts';
import { launchBrowser } from '../support/browser.ts';
import { type Platform, startPlatform } from '../support/platform.ts';
import { type CustomerSite, startCustomerSite } from './widget-site.ts';

export interface WidgetApp {
  readonly id: string;
  readonly key: string;
}

export interface WidgetFixture {
  readonly fake: FakeModelServer;
  readonly platform: Platform;
  readonly browser: Browser;
  readonly site: CustomerSite;
  readonly stranger: CustomerSite;
  /** `stream`: on the fake model, with a greeting and a colour; `echo`: on `local:echo`, answering with the question. */
  readonly apps: { readonly stream: WidgetApp; readonly echo: WidgetApp };
  stop(): Promise<void>;
}

export const streamedTokens = ['Our', ' shop', ' opens', ' at', ' **nine**', ' every', ' day.'];
export const streamGreeting = 'Welcome to Acme! Ask me anything.';
const model = 'widget-e2e';

async function createChatApp(
  platform: Platform,
  origin: string,
  name: string,
  modelId: string | null,
): Promise<WidgetApp> {
  const admin = createClient({ baseUrl: platform.baseUrl, key: platform.adminToken });
  const app = await admin.createApp({ name, template: 'chat-assistant' });
  if (modelId) {
    const nodes = app.draft.nodes.map((node) =>
      node.type === 'llm' ? { ...node, config: { ...node.config, model: modelId } } : node,
    );
    await admin.saveDraft(app.id, { ...app.draft, nodes });
  }
  await admin.publish(app.id, {});
  const key = await admin.createKey(app.id, { kind: 'publishable', allowedOrigins: [origin] });
  return { id: app.id, key: key.key };
}

export async function startWidgetFixture(): Promise<WidgetFixture> {
  const fake = await createFakeModelServer();
  fake.script(model, { tokens: streamedTokens, firstTokenLatencyMs: 50, interTokenDelayMs: 120 });
  const platform = await startPlatform({
    settings: { OPENAI_COMPATIBLE_BASE_URL: fake.url, OPENAI_COMPATIBLE_MODELS: model },
  });
  const site = await startCustomerSite(platform.baseUrl);
  const stranger = await startCustomerSite(platform.baseUrl);
  const stream = await createChatApp(platform, site.origin, 'Acme helper', `compatible:${model}`);
  const echo = await createChatApp(platform, site.origin, 'Echo', null);
  await createClient({ baseUrl: platform.baseUrl, key: platform.adminToken }).updateApp(stream.id, {
    settings: { greeting: streamGreeting, theme: { primaryColor: '#0f766e' } },
  });
  const browser = await launchBrowser();
  return {
    fake,
    platform,
    browser,
    site,
    stranger,
    apps: { stream, echo },
    async stop() {
      await browser.close();
      await Promise.all([site.close(), stranger.close()]);
      await platform.stop();
      await fake.close();
    },
  };
}

/** The script tag's data attributes (without `data-`) for `app`, plus any options. */
export const widgetOf = (app: WidgetApp, extra: Readonly<Record<string, string>> = {}) => ({
  'app-id': app.id,
  key: app.key,
  ...extra,
});
