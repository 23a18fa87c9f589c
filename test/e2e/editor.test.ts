/**
 * The editor as a new user meets it (issue 4): real Chromium against the real `npm start` server, with a
 * fake OpenAI-compatible model for slow, visibly streamed answers. One server and one browser for the
 * file; the tests build on each other (sign in → apps → canvas → run → publish → endpoint → runs →
 * import/export → 中文). Screenshots of the main screens go to test-results/screenshots.
 */
import { readFile } from 'node:fs/promises';
import { createClient } from '@edgeflow/api';
import type { WorkflowDocument } from '@edgeflow/graph';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchDocument } from '../../apps/editor/bench/bench-document.ts';
import { nodeGeometry } from '../../apps/editor/src/canvas/node-geometry.ts';
import { createFakeModelServer, type FakeModelServer } from '../fake-model/index.ts';
import { launchBrowser, openPage, screenshot } from '../support/browser.ts';
import { type Platform, startPlatform } from '../support/platform.ts';
import {
  canvasNode,
  connectHandles,
  dropFromPalette,
  insertVariable,
  recordAnswerTexts,
  visibleNodes,
} from './editor/editor-page.ts';

const slowModel = 'e2e-slow';
const slowTokens = ['Streaming', ' one', ' token', ' at', ' a', ' time'];

let fake: FakeModelServer;
let platform: Platform;
let browser: Browser;
let page: Page;
let errors: string[];
let appId = '';

beforeAll(async () => {
  fake = await createFakeModelServer();
  fake.script(slowModel, { tokens: slowTokens, firstTokenLatencyMs: 50, interTokenDelayMs: 150 });
  [platform, browser] = await Promise.all([
    startPlatform({
      settings: { OPENAI_COMPATIBLE_BASE_URL: fake.url, OPENAI_COMPATIBLE_MODELS: slowModel },
    }),
    launchBrowser(),
  ]);
  ({ page, errors } = await openPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await fake?.close();
});

const exact = { exact: true } as const;

describe('the editor', () => {
  it('signs in with the link npm start prints, and takes the token out of the address bar', async () => {
    await page.goto(`${platform.baseUrl}/#token=${platform.adminToken}`);
    await page.getByRole('heading', { name: 'Your apps' }).waitFor();
    expect(page.url()).toBe(`${platform.baseUrl}/`);
    await page.getByText('No apps yet').waitFor();
  });

  it('creates apps from a template and blank, renames and deletes them', async () => {
    const name = page.getByRole('textbox', { name: 'Name', exact: true });
    await name.fill('From a template');
    const startFrom = page.getByLabel('Start from');
    const options = await startFrom.locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(2);
    await startFrom.selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Create app' }).click();
    await page.waitForURL(/\/apps\/app_/);
    await canvasNode(page, 'start').waitFor();
    expect(await page.locator('.react-flow__node').count()).toBeGreaterThan(2);
    await page.getByRole('button', { name: /All apps/ }).click();

    await page.getByRole('button', { name: 'Rename From a template' }).click();
    await page.getByRole('textbox', { name: 'Name' }).last().fill('Renamed');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('link', { name: 'Renamed' }).waitFor();
    await page.getByRole('button', { name: 'Delete Renamed' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('No apps yet').waitFor();

    await name.fill('Support bot');
    await page.getByRole('button', { name: 'Create app' }).click();
    await page.waitForURL(/\/apps\/app_/);
    appId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
    expect(appId).toMatch(/^app_/);
    await canvasNode(page, 'answer').waitFor();
  });

  it('builds start → template → llm → answer by drag and drop, refusing a cycle and saying why', async () => {
    await canvasNode(page, 'llm').click();
    await canvasNode(page, 'answer').click({ modifiers: ['Control'] });
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(1);

    await dropFromPalette(page, 'template', { x: 150, y: 120 });
    await dropFromPalette(page, 'llm', { x: 400, y: 120 });
    await dropFromPalette(page, 'answer', { x: 650, y: 120 });
    expect(
      await page
        .locator('.react-flow__node')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id'))),
    ).toEqual(['start', 'template', 'llm', 'answer']);
    await page.getByRole('button', { name: 'Fit view' }).click();
    await page.waitForTimeout(300);
    await connectHandles(page, 'start', 'template');
    await connectHandles(page, 'template', 'llm');
    await connectHandles(page, 'llm', 'answer');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);

    await connectHandles(page, 'answer', 'template');
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'would make a cycle' }).count())
      .toBe(1);
    expect(await page.locator('.react-flow__edge').count()).toBe(3);

    // Undo the last edge, redo it; copy and paste a node and delete the copy; auto-layout.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    await canvasNode(page, 'template').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await canvasNode(page, 'template_2').waitFor();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4);
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    // Laid out left to right in pipeline order (dagre loads on first use, then the view fits).
    const xs = () =>
      Promise.all(
        ['start', 'template', 'llm', 'answer'].map(
          async (id) => (await canvasNode(page, id).boundingBox())?.x ?? 0,
        ),
      );
    await expect
      .poll(async () => (await xs()).every((x, index, all) => index === 0 || x > (all[index - 1] ?? 0)))
      .toBe(true);
    expect(await page.locator('.react-flow__minimap').count()).toBe(1);
  });

  it('configures nodes in schema-generated forms, with only upstream variables and live diagnostics', async () => {
    await canvasNode(page, 'template').click();
    await page.locator('#field-template-template').fill('Please answer: ');
    await insertVariable(page, 'field-template-template', /\{\{start\.query\}\}/);
    expect(await page.locator('#field-template-template').inputValue()).toBe(
      'Please answer: {{start.query}}',
    );

    await canvasNode(page, 'llm').click();
    const model = page.locator('#field-llm-model');
    expect(await model.locator('option:checked').textContent()).toBe(
      'local:echo — demo model, no key needed',
    );
    expect(await model.locator(`option[value="compatible:${slowModel}"]`).count()).toBe(1);

    // A reference to a downstream node is refused by compile(); the autosave brings the diagnostic to the field.
    const prompt = page.locator('#field-llm-prompt');
    await prompt.fill('{{answer.text}}');
    await page.locator('.node-form .problem-list .error').first().waitFor();
    expect(await canvasNode(page, 'llm').locator('.flow-node-problem').textContent()).toContain('answer');
    await prompt.fill('');
    await page.locator('button[aria-controls="field-llm-prompt-variables"]').click();
    const offered = await page.locator('#field-llm-prompt-variables').getByRole('option').allTextContents();
    expect(offered.map((text) => text.split(' ')[0])).toEqual([
      '{{template.text}}',
      '{{start.query}}',
      '{{sys.conversationId}}',
      '{{sys.runId}}',
      '{{sys.now}}',
    ]);
    await page
      .locator('#field-llm-prompt-variables')
      .getByRole('option', { name: /template\.text/ })
      .click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
    await expect.poll(() => page.locator('.node-form .problem-list .error').count()).toBe(0);
    await screenshot(page, 'editor-canvas');
  });

  it('test-runs the draft with local:echo: nodes light up and the answer appears', async () => {
    await page.getByLabel('query').fill('what is Edgeflow?');
    await page.getByRole('button', { name: 'Run', ...exact }).click();
    await page.locator('.trace[data-status="succeeded"]').waitFor();
    expect(await page.locator('.answer').textContent()).toBe('Echo: Please answer: what is Edgeflow?');
    for (const id of ['start', 'template', 'llm', 'answer']) {
      expect(await canvasNode(page, id).locator('.flow-node').getAttribute('data-run')).toBe('succeeded');
    }
    await page.locator('.trace-node[data-node-id="llm"] summary').click();
    const llmTrace = await page.locator('.trace-node[data-node-id="llm"]').textContent();
    expect(llmTrace).toMatch(/tokens/);
    expect(llmTrace).toContain('Please answer: what is Edgeflow?');
    await screenshot(page, 'editor-test-run');
  });

  it('streams a slow model’s answer token by token as it is produced', async () => {
    await canvasNode(page, 'llm').click();
    await page.locator('#field-llm-model').selectOption(`compatible:${slowModel}`);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
    const answerTexts = await recordAnswerTexts(page);
    await page.getByRole('button', { name: 'Run', ...exact }).click();
    await page.locator('.flow-node[data-run="running"]').first().waitFor();
    await page.locator('.trace[data-status="succeeded"]').waitFor();
    const texts = await answerTexts();
    expect(texts.at(-1)).toBe(slowTokens.join(''));
    // Every token became visible on its own: the text grew in at least as many steps as there were tokens.
    expect(texts.length).toBeGreaterThanOrEqual(slowTokens.length);
    expect(texts[0]?.length).toBeLessThan(slowTokens.join('').length);
    await page.locator('#field-llm-model').selectOption('local:echo');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
  });

  it('publishes with a note, creates a key shown once, and the endpoint answers over HTTP', async () => {
    await page.getByRole('tab', { name: 'Publish' }).click();
    await page.getByLabel('Note').fill('First release');
    await page.getByRole('button', { name: 'Publish', ...exact }).click();
    await page.getByText('Published version 1.').waitFor();
    await expect
      .poll(() => page.getByRole('list', { name: 'Versions' }).textContent())
      .toContain('First release');

    await page.getByRole('tab', { name: 'Endpoints & keys' }).click();
    await page.getByLabel('Key name').fill('server');
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = (await page.getByTestId('new-key').textContent()) ?? '';
    expect(key).toMatch(/^ef_sk_/);
    const curl = (await page.getByRole('region', { name: 'curl' }).locator('pre').textContent()) ?? '';
    expect(curl).toContain(`/v1/apps/${appId}/runs`);
    expect(curl).toContain(key);
    expect(await page.getByRole('region', { name: 'OpenAI SDK' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Widget' }).locator('pre').textContent()).toContain(
      `data-app-id="${appId}"`,
    );
    await screenshot(page, 'editor-endpoints');

    const response = await fetch(`${platform.baseUrl}/v1/apps/${appId}/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: { query: 'from curl' }, stream: false }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'succeeded',
      outputs: { answer: 'Echo: Please answer: from curl' },
    });

    // The key list never shows the key again; revoking it stops it.
    expect(await page.getByRole('list', { name: 'Keys' }).textContent()).not.toContain(key);
    await page.getByRole('button', { name: /^Revoke / }).click();
    await page.getByText('No keys yet.').waitFor();
    const revoked = await fetch(`${platform.baseUrl}/v1/apps/${appId}/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: { query: 'again' }, stream: false }),
    });
    expect(revoked.status).toBe(401);
  });

  it('lists the app’s runs newest first and opens one as a per-node trace', async () => {
    await page.getByRole('tab', { name: 'Runs' }).click();
    const rows = page.getByRole('table', { name: 'Runs' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.locator('td:nth-child(3)').allTextContents()).toEqual(['api', 'editor', 'editor']);
    await rows.first().getByRole('button', { name: 'Open trace' }).click();
    await page.locator('.runs-panel .trace[data-status="succeeded"]').waitFor();
    expect(await page.locator('.runs-panel .answer').textContent()).toBe('Echo: Please answer: from curl');
    expect(await page.locator('.runs-panel .trace-node').count()).toBe(4);
    expect(await canvasNode(page, 'llm').locator('.flow-node').getAttribute('data-run')).toBe('succeeded');
    await screenshot(page, 'editor-runs');
  });

  it('exports the document as JSON and refuses an invalid import with the diagnostics', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const path = await download.path();
    const exported = JSON.parse(await readFile(path, 'utf8')) as WorkflowDocument;
    expect(exported.nodes.map((node) => node.id)).toEqual(['start', 'template', 'llm', 'answer']);

    const cyclic = {
      ...exported,
      edges: [...exported.edges, { id: 'back', source: 'answer', target: 'template' }],
    };
    await page.getByLabel('Import JSON').setInputFiles({
      name: 'cyclic.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(cyclic)),
    });
    const refusal = page.getByRole('alert').filter({ hasText: 'This file was not imported' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('cycle');
    expect(await page.locator('.react-flow__edge').count()).toBe(3);
  });

  it('imports a document whose code node fails, and the failed run points at that node', async () => {
    const failing = {
      schema: 'edgeflow/workflow@1',
      name: 'Failing',
      mode: 'chat',
      nodes: [
        {
          id: 'start',
          type: 'start',
          position: { x: 0, y: 0 },
          config: { inputs: [{ name: 'query', type: 'string', required: true }] },
        },
        {
          id: 'code',
          type: 'code',
          position: { x: 300, y: 0 },
          config: {
            code: 'function main(inputs) {\n  throw new Error("boom");\n}\n',
            inputs: { text: '{{start.query}}' },
          },
        },
        { id: 'answer', type: 'answer', position: { x: 600, y: 0 }, config: { text: '{{code.result}}' } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'code' },
        { id: 'e2', source: 'code', target: 'answer' },
      ],
    };
    await page.getByLabel('Import JSON').setInputFiles({
      name: 'failing.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(failing)),
    });
    await canvasNode(page, 'code').waitFor();
    await canvasNode(page, 'code').click();
    await page.locator('.code-editor .cm-content').waitFor();
    expect(await page.locator('.code-editor .cm-content').textContent()).toContain('throw new Error("boom")');

    await page.getByRole('tab', { name: 'Test run' }).click();
    await page.getByLabel('query').fill('anything');
    await page.getByRole('button', { name: 'Run', ...exact }).click();
    await page.locator('.trace[data-status="failed"]').waitFor();
    const failure = page.getByRole('button', { name: /Failed at “code”/ });
    expect(await failure.textContent()).toContain('boom');
    expect(await canvasNode(page, 'code').locator('.flow-node').getAttribute('data-run')).toBe('failed');
    expect(await canvasNode(page, 'answer').locator('.flow-node').getAttribute('data-run')).not.toBe(
      'succeeded',
    );
    await canvasNode(page, 'start').click();
    await failure.click();
    await page.getByRole('form', { name: /code$/ }).waitFor();
    await screenshot(page, 'editor-failed-run');
  });

  it('switches to Simplified Chinese and remembers it', async () => {
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('tab', { name: '试运行' }).waitFor();
    expect(await page.getByRole('button', { name: '自动布局' }).count()).toBe(1);
    await page.reload();
    await page.getByRole('tab', { name: '试运行' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('.palette').textContent()).toContain('大模型');
    // The inspector names the catalog's fields in Chinese too (the English is the catalog's own).
    await canvasNode(page, 'answer').click();
    const answerField = page.locator('.node-form .field').filter({ has: page.locator('#field-answer-text') });
    expect(await answerField.locator('label').textContent()).toBe('回复');
    expect(await answerField.locator('.field-help').textContent()).toContain('流式');
    await screenshot(page, 'editor-zh');
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('tab', { name: 'Test run' }).waitFor();
  });

  it('draws every edge from its handle to its handle, with node sizes known before drawing', async () => {
    // The canvas hands React Flow each node's size and handle positions (src/canvas/node-geometry.ts)
    // instead of letting it measure; if styles.css and that module disagree, edges miss their handles.
    const client = createClient({ baseUrl: platform.baseUrl, key: platform.adminToken });
    const rule = (left: string) => ({ logic: 'and', rules: [{ left, operator: 'isNotEmpty', right: '' }] });
    const graph: WorkflowDocument = {
      schema: 'edgeflow/workflow@1',
      name: 'Handles',
      mode: 'workflow',
      nodes: [
        {
          id: 'start',
          type: 'start',
          position: { x: 0, y: 80 },
          config: { inputs: [{ name: 'query', type: 'string' }] },
        },
        {
          id: 'branch',
          type: 'condition',
          position: { x: 300, y: 40 },
          // The second rule names a node that does not exist: a problem row on the node.
          config: {
            cases: [
              { id: 'yes', ...rule('{{start.query}}') },
              { id: 'maybe', ...rule('{{nowhere.text}}') },
            ],
          },
        },
        { id: 'a', type: 'template', position: { x: 620, y: 0 }, config: { template: 'a' } },
        { id: 'b', type: 'template', position: { x: 620, y: 120 }, config: { template: 'b' } },
        { id: 'c', type: 'template', position: { x: 620, y: 240 }, config: { template: 'c' } },
      ],
      edges: [
        { id: 'e_start', source: 'start', target: 'branch' },
        { id: 'e_yes', source: 'branch', target: 'a', sourceHandle: 'yes' },
        { id: 'e_maybe', source: 'branch', target: 'b', sourceHandle: 'maybe' },
        { id: 'e_else', source: 'branch', target: 'c', sourceHandle: 'else' },
      ],
    };
    const { id } = await client.createApp({ name: graph.name, graph });
    await page.goto(`${platform.baseUrl}/apps/${id}`);
    await expect.poll(() => page.locator('.react-flow__edge').count(), { timeout: 20_000 }).toBe(4);
    // Wait for the diagnostics (the problem row makes the condition node taller).
    await canvasNode(page, 'branch').locator('.flow-node-problem').waitFor();
    // Zoomed in, nodes show their full body; zoomed out, the light one (node-detail.ts): both as declared.
    for (const zoomedOut of [false, true]) {
      if (zoomedOut) {
        await page.mouse.move(700, 400);
        for (let step = 0; step < 8; step += 1) await page.mouse.wheel(0, 400);
        await expect.poll(() => page.locator('.flow-node-light').count()).toBe(5);
        expect(await page.locator('.flow-node-title').count()).toBe(0);
      } else {
        expect(await page.locator('.flow-node-title').count()).toBe(5);
      }
      await page.waitForTimeout(300);
      const misses = await page.evaluate((document) => {
        const zoom = new DOMMatrixReadOnly(
          getComputedStyle(window.document.querySelector('.react-flow__viewport') as Element).transform,
        ).m22;
        const flowPoint = (nodeId: string, x: number, y: number) => {
          const node = document.nodes.find((entry) => entry.id === nodeId);
          const box = window.document
            .querySelector(`.react-flow__node[data-id="${nodeId}"]`)
            ?.getBoundingClientRect();
          if (!node || !box) return { x: Number.NaN, y: Number.NaN };
          return { x: node.position.x + (x - box.left) / zoom, y: node.position.y + (y - box.top) / zoom };
        };
        const handle = (nodeId: string, selector: string) =>
          window.document
            .querySelector(`.react-flow__node[data-id="${nodeId}"] .react-flow__handle${selector}`)
            ?.getBoundingClientRect();
        return document.edges.flatMap((edge) => {
          const path = window.document
            .querySelector(`.react-flow__edge[data-id="${edge.id}"] path`)
            ?.getAttribute('d');
          const numbers = (path ?? '').match(/-?\d+(?:\.\d+)?/g)?.map(Number) ?? [];
          const drawn = {
            from: { x: numbers[0], y: numbers[1] },
            to: { x: numbers.at(-2), y: numbers.at(-1) },
          };
          const out = handle(edge.source, `.source[data-handleid="${edge.sourceHandle ?? 'out'}"]`);
          const into = handle(edge.target, '.target[data-handleid="in"]');
          if (!out || !into) return [`${edge.id}: handle missing`];
          const from = flowPoint(edge.source, out.right, out.top + out.height / 2);
          const to = flowPoint(edge.target, into.left, into.top + into.height / 2);
          const off = (a: { x: number; y: number }, b: { x: number | undefined; y: number | undefined }) =>
            Math.hypot(a.x - (b.x ?? Number.NaN), a.y - (b.y ?? Number.NaN));
          const distance = Math.max(off(from, drawn.from), off(to, drawn.to));
          return distance <= 1 ? [] : [`${edge.id} is ${distance.toFixed(1)} px off its handles`];
        });
      }, graph);
      expect(misses).toEqual([]);
      // And React Flow had no reason to measure: each node is drawn exactly as large as declared, its
      // handles exactly where declared (a size that differs makes React Flow measure all over again).
      const drawn = await page.evaluate(() => {
        const zoom = new DOMMatrixReadOnly(
          getComputedStyle(document.querySelector('.react-flow__viewport') as Element).transform,
        ).m22;
        return Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node')).map((node) => {
          const box = node.getBoundingClientRect();
          const handles = Array.from(node.querySelectorAll<HTMLElement>('.react-flow__handle')).map(
            (handle) => {
              const at = handle.getBoundingClientRect();
              const round = (value: number) => Math.round(value * 100) / 100;
              return {
                id: handle.dataset.handleid,
                x: round((at.left - box.left) / zoom),
                y: round((at.top - box.top) / zoom),
              };
            },
          );
          return {
            width: node.offsetWidth,
            height: node.offsetHeight,
            problem: /has-(errors|warnings)/.test(node.querySelector('.flow-node')?.className ?? ''),
            handles,
          };
        });
      });
      expect(drawn.some((node) => node.problem)).toBe(true);
      for (const node of drawn) {
        const ports = node.handles.filter((handle) => handle.id !== 'in').map((handle) => handle.id ?? '');
        const hasInput = node.handles.some((handle) => handle.id === 'in');
        const declared = nodeGeometry(ports, hasInput, node.problem);
        expect({ width: node.width, height: node.height, handles: node.handles }).toEqual({
          width: declared.width,
          height: declared.height,
          handles: declared.handles.map(({ id, x, y }) => ({ id, x, y })),
        });
      }
    }
  });

  it('keeps drawing a 500-node document while and after a node is dragged', async () => {
    const client = createClient({ baseUrl: platform.baseUrl, key: platform.adminToken });
    const large = benchDocument(500);
    const { id } = await client.createApp({ name: large.name, graph: large });
    const appRequests: string[] = [];
    const countAppRequests = (request: Request) => {
      if (request.url().endsWith(`/api/apps/${id}`)) appRequests.push(request.method());
    };
    page.on('request', countAppRequests);
    await page.goto(`${platform.baseUrl}/apps/${id}`);
    const shown = () => visibleNodes(page);
    await expect.poll(shown, { timeout: 30_000 }).toBe(500);
    page.off('request', countAppRequests);
    // At fit view the 500 nodes are far too small to read: they draw the light body, without text.
    expect(await page.locator('.flow-node-light').count()).toBe(500);
    expect(await page.locator('.flow-node-title').count()).toBe(0);
    // The page asked for the app while its HTML was still being read (the editor's module scripts
    // only run after that), and only once.
    expect(appRequests).toEqual(['GET']);
    const timing = await page.evaluate((appId) => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      const app = performance
        .getEntriesByType('resource')
        .find((entry) => entry.name.endsWith(`/api/apps/${appId}`));
      return {
        parsed: navigation?.domInteractive ?? 0,
        appAsked: app?.startTime ?? Number.POSITIVE_INFINITY,
      };
    }, id);
    expect(timing.appAsked).toBeLessThan(timing.parsed);

    // Zoomed out (the whole document in view), then zoomed in, a node is dragged and the canvas keeps
    // every node it shows drawn: the same nodes before, during and after the drag and its autosave.
    for (const zoomIn of [false, true]) {
      if (zoomIn) {
        await page.mouse.move(600, 400);
        for (let step = 0; step < 5; step += 1) await page.mouse.wheel(0, -300);
        await expect.poll(shown).toBeLessThan(500);
        // Zoomed in far enough to read, the nodes show their titles again.
        await expect.poll(() => page.locator('.flow-node-title').count()).toBeGreaterThan(0);
        expect(await page.locator('.flow-node-light').count()).toBe(0);
      }
      const before = await shown();
      const dragged = await page.evaluate(() => {
        const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
        const inside = Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node')).find(
          (node) => {
            const box = node.getBoundingClientRect();
            return (
              pane && box.left > pane.left + 100 && box.right < pane.right - 200 && box.top > pane.top + 100
            );
          },
        );
        return inside?.dataset.id ?? '';
      });
      const box = await canvasNode(page, dragged).boundingBox();
      if (!box) throw new Error(`node ${dragged} is not on screen`);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      for (let step = 1; step <= 20; step += 1) {
        await page.mouse.move(box.x + box.width / 2 + step * 4, box.y + box.height / 2 + step * 2);
        expect(await shown()).toBeGreaterThanOrEqual(before - 1);
      }
      await page.mouse.up();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
      expect(await shown()).toBeGreaterThanOrEqual(before - 1);
      const moved = await canvasNode(page, dragged).boundingBox();
      expect(moved?.x).toBeGreaterThan(box.x + 40);
    }
    await page.getByRole('button', { name: 'Fit view' }).click();
    await expect.poll(shown).toBe(500);
    await screenshot(page, 'editor-500-nodes');
  });

  it('logged no console errors on the way', () => {
    expect(errors).toEqual([]);
  });
});
