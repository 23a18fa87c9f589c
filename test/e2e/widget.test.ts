/**
 * The chat widget on a customer's website, in real Chromium: the platform as `npm start` runs it
 * serves /widget.js; two tiny Node servers on other ports play the customer's site (its origin
 * allowed by the publishable key) and a stranger's site (not allowed). One platform for the file
 * (test/e2e/widget-fixture.ts).
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, screenshot } from '../support/browser.ts';
import { startWidgetFixture, streamGreeting, type WidgetFixture, widgetOf } from './widget-fixture.ts';
import { corsRefusal, focusedInWidget, inspectAnswer, recordAnswers, thread } from './widget-page.ts';

let fixture: WidgetFixture;

beforeAll(async () => {
  fixture = await startWidgetFixture();
});

afterAll(async () => {
  await fixture?.stop();
});

describe('/widget.js', () => {
  it('is served as JavaScript, revalidated by ETag, and under 20 KB gzipped', async () => {
    const response = await fetch(`${fixture.platform.baseUrl}/widget.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(response.headers.get('etag')).toBeTruthy();
    // Cacheable anywhere, revalidated by ETag: a fixed URL that customers embed gets fixes at once.
    expect(response.headers.get('cache-control')).toMatch(/public/);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.toString('utf8', 0, 200)).not.toMatch(/<!doctype html/i);
    expect(gzipSync(body, { level: 9 }).length).toBeLessThan(20 * 1024);
    const etag = response.headers.get('etag') ?? '';
    const again = await fetch(`${fixture.platform.baseUrl}/widget.js`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });
});

describe('the widget on a customer site', () => {
  it('streams the answer in token by token, then brings the thread back after a reload', async () => {
    const { page, errors } = await openPage(fixture.browser);
    await page.goto(fixture.site.pageUrl(widgetOf(fixture.apps.stream)));
    const launcher = page.locator('.launcher');
    await launcher.click();
    await expect.poll(() => page.locator('.title').textContent()).toBe('Acme helper');
    expect(await thread(page)).toEqual([`assistant: ${streamGreeting}`]);
    const answers = await recordAnswers(page);
    await page.locator('.input').fill('When do you open?');
    await page.keyboard.press('Enter');
    expect(await page.locator('.input').inputValue()).toBe('');
    await page
      .locator('.typing')
      .waitFor({ timeout: 5000 })
      .catch(() => undefined);
    await expect
      .poll(() => thread(page), { timeout: 15_000 })
      .toContain('assistant: Our shop opens at nine every day.');
    await screenshot(page, 'widget-answer');

    // The answer grew in several steps, each a prefix of the next, while the model was still sending.
    const seen = (await answers()).filter((text) => text !== '');
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toBe('Our shop opens at nine every day.');
    for (const [index, text] of seen.slice(0, -1).entries()) {
      expect((seen[index + 1] ?? '').startsWith(text), `${text} → ${seen[index + 1]}`).toBe(true);
    }
    expect(await page.locator('.message.assistant strong').last().textContent()).toBe('nine');

    await page.reload();
    await page.locator('.launcher').click();
    await expect
      .poll(() => thread(page))
      .toEqual([
        `assistant: ${streamGreeting}`,
        'user: When do you open?',
        'assistant: Our shop opens at nine every day.',
      ]);
    await screenshot(page, 'widget-after-reload');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps the page and the widget styles apart, both ways', async () => {
    const { page, errors } = await openPage(fixture.browser);
    await page.goto(fixture.site.pageUrl(widgetOf(fixture.apps.stream)));
    await page.locator('.launcher').click();
    // The app's colour arrives with its settings, a moment after the launcher shows.
    await expect.poll(() => page.locator('.title').textContent()).toBe('Acme helper');
    const styles = await page.evaluate(() => {
      const shadow = document.querySelector('edgeflow-widget')?.shadowRoot;
      const style = (element: Element | null | undefined) => (element ? getComputedStyle(element) : null);
      const launcher = style(shadow?.querySelector('.launcher'));
      const title = style(shadow?.querySelector('.title'));
      return {
        launcherBackground: launcher?.backgroundColor,
        launcherPadding: launcher?.paddingTop,
        titleColor: title?.color,
        titleFont: title?.fontFamily,
        probeButtonBorder: style(document.querySelector('#probe-button'))?.borderTopStyle,
        probeParagraphMargin: style(document.querySelector('#probe-paragraph'))?.marginTop,
      };
    });
    expect(styles).toEqual({
      launcherBackground: 'rgb(15, 118, 110)',
      launcherPadding: '0px',
      titleColor: 'rgb(255, 255, 255)',
      titleFont: expect.not.stringContaining('Comic Sans') as unknown as string,
      probeButtonBorder: 'outset',
      probeParagraphMargin: '17px',
    });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('model output is data', () => {
  const hostile = [
    'Here you go:',
    '',
    '## Offer',
    '',
    '- **bold** and `code`',
    '- [our site](https://example.com/shop)',
    '',
    '<img src=x onerror="window.__pwned = 1">',
    '<script>window.__pwned = 2</script>',
    '<iframe srcdoc="<script>parent.__pwned = 3</script>"></iframe>',
    '[click me](javascript:window.__pwned=4) <a href="javascript:window.__pwned=5" onclick="window.__pwned=6">x</a>',
    '![tracker](TRACKER)',
  ].join('\n');

  it('renders the Markdown subset and runs nothing from an answer with HTML, handlers and javascript: links', async () => {
    const { page, errors } = await openPage(fixture.browser);
    await page.goto(fixture.site.pageUrl(widgetOf(fixture.apps.echo)));
    await page.waitForFunction(() => 'EdgeflowWidget' in window);
    const payload = hostile.replace('TRACKER', `${fixture.site.origin}/tracker.png`);
    const sent = await page.evaluate((text) => window.EdgeflowWidget?.send(text), payload);
    expect(sent).toBe(true);
    await expect.poll(() => thread(page)).toHaveLength(3);
    const answer = page.locator('.message.assistant').last();
    await answer.locator('text=click me').click();
    await page.waitForTimeout(300);

    const found = await inspectAnswer(page);
    expect(found).toEqual({
      pwned: null,
      dangerous: 0,
      links: [
        ['https://example.com/shop', '_blank', 'noopener noreferrer', 'our site'],
        [`${fixture.site.origin}/tracker.png`, '_blank', 'noopener noreferrer', 'tracker'],
      ],
      heading: 'Offer',
      listItems: 2,
      strong: 'bold',
      code: 'code',
      shownAsText: true,
      userBubbleIsText: true,
    });
    // Neither `<img src=x>` nor the Markdown image was ever fetched.
    expect(fixture.site.requests.filter((path) => path !== '/')).toEqual([]);
    await screenshot(page, 'widget-hostile-answer');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('when things go wrong', () => {
  it('tells a visitor on a site the key does not allow that the chat is not available here', async () => {
    const { page, errors } = await openPage(fixture.browser);
    await page.goto(fixture.stranger.pageUrl(widgetOf(fixture.apps.stream)));
    await page.locator('.launcher').click();
    await expect
      .poll(() => page.locator('.notice').textContent())
      .toBe('This chat is not available on this website.');
    await page.locator('.input').fill('Hello?');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.input').inputValue()).toBe('Hello?');
    expect(await thread(page)).toEqual(['assistant: Hi! How can I help you today?']);
    await screenshot(page, 'widget-refused-origin');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((error) => !corsRefusal.test(error))).toEqual([]);
    await page.context().close();
  });

  it('says when to try again after a 429, and keeps the typed text', async () => {
    const { page, errors } = await openPage(fixture.browser);
    await page.goto(fixture.site.pageUrl(widgetOf(fixture.apps.echo)));
    await page.locator('.launcher').click();
    // The local limiter's minute windows follow the clock: a flood that straddled a minute's turn could
    // pass 40 requests without a 429, and a send just after it could land in a fresh window. So the flood
    // and the send start early in a minute, and all fall in one window.
    const secondsIntoMinute = (Date.now() / 1000) % 60;
    if (secondsIntoMinute > 45)
      await new Promise((resolve) => setTimeout(resolve, (61 - secondsIntoMinute) * 1000));
    // Spend this visitor's allowance with the widget's own credentials, as a flood from this page would.
    const statuses = await page.evaluate(
      async ({ baseUrl, appId, key }) => {
        const visitor = localStorage.getItem(`edgeflow-widget:${appId}:visitor`) ?? '';
        const headers = { authorization: `Bearer ${key}`, 'x-edgeflow-visitor': visitor };
        const seen: { status: number; retryAfter: string | null }[] = [];
        for (let attempt = 0; attempt < 40 && seen.at(-1)?.status !== 429; attempt += 1) {
          const response = await fetch(`${baseUrl}/v1/apps/${appId}/widget`, { headers });
          seen.push({ status: response.status, retryAfter: response.headers.get('retry-after') });
        }
        return seen;
      },
      { baseUrl: fixture.platform.baseUrl, appId: fixture.apps.echo.id, key: fixture.apps.echo.key },
    );
    const limited = statuses.at(-1);
    expect(limited?.status).toBe(429);
    const retryAfter = Number(limited?.retryAfter);
    expect(retryAfter).toBeGreaterThan(0);
    await page.locator('.input').fill('Are you there?');
    await page.keyboard.press('Enter');
    const notice =
      /^Too many messages right now\. Please try again in (\d+) seconds?; your message is still in the box\.$/;
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(notice);
    // The wait the runtime asked for, give or take the moment between the two requests.
    const told = Number(notice.exec((await page.locator('.notice').textContent()) ?? '')?.[1]);
    expect(Math.abs(told - retryAfter)).toBeLessThanOrEqual(2);
    expect(await page.locator('.input').inputValue()).toBe('Are you there?');
    expect(await thread(page)).toEqual(['assistant: Hi! How can I help you today?']);
    await screenshot(page, 'widget-rate-limited');
    // Chromium logs each 429 it received; nothing else may go wrong.
    expect(errors.filter((error) => !/status of 429/.test(error))).toEqual([]);
    await page.context().close();
  });

  it('says when the service is down, and keeps the typed text', async () => {
    const { page, errors } = await openPage(fixture.browser);
    await page.goto(fixture.site.pageUrl(widgetOf(fixture.apps.echo)));
    await page.locator('.launcher').click();
    await page.route(`${fixture.platform.baseUrl}/**`, (route) => route.abort('connectionrefused'));
    await page.locator('.input').fill('Still there?');
    await page.locator('.send').click();
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(/cannot be reached right now/);
    expect(await page.locator('.input').inputValue()).toBe('Still there?');
    await screenshot(page, 'widget-service-down');
    // Not even a reload loses it.
    await page.unroute(`${fixture.platform.baseUrl}/**`);
    await page.reload();
    await page.locator('.launcher').click();
    expect(await page.locator('.input').inputValue()).toBe('Still there?');
    // Chromium logs each refused connection; nothing else may go wrong.
    expect(errors.filter((error) => !/ERR_CONNECTION_REFUSED/.test(error))).toEqual([]);
    await page.context().close();
  });
});

describe('access and options', () => {
  it('works by keyboard alone, with screen-reader labels', async () => {
    const { page, errors } = await openPage(fixture.browser);
    await page.goto(fixture.site.pageUrl(widgetOf(fixture.apps.echo)));
    await page.locator('.launcher').waitFor();
    for (let press = 0; press < 6 && (await focusedInWidget(page)) === null; press += 1)
      await page.keyboard.press('Tab');
    expect(await focusedInWidget(page)).toBe('button.launcher');
    const launcher = page.locator('.launcher');
    expect(await launcher.getAttribute('aria-label')).toBe('Open chat');
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await focusedInWidget(page)).toBe('textarea.input');
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('[role=dialog]').getAttribute('aria-labelledby')).toBe('title');
    expect(await page.locator('[role=log]').getAttribute('aria-label')).toBe('Messages');
    expect(await page.locator('.input').getAttribute('aria-label')).toBe('Your message');
    expect(await page.locator('.send').getAttribute('aria-label')).toBe('Send');
    await page.keyboard.type('Line one');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('line two');
    await page.keyboard.press('Enter');
    await expect.poll(() => thread(page)).toContain('assistant: Echo: Line oneline two');
    await page.keyboard.press('Escape');
    expect(await page.locator('.panel').isHidden()).toBe(true);
    expect(await focusedInWidget(page)).toBe('button.launcher');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('fills a phone screen, speaks Chinese, and opens on the left when told to', async () => {
    const viewport = { width: 390, height: 844 };
    const { page, errors } = await openPage(fixture.browser, { viewport, isMobile: true, hasTouch: true });
    await page.goto(
      fixture.site.pageUrl(
        widgetOf(fixture.apps.echo, { lang: 'zh-CN', position: 'bottom-left', open: 'true' }),
      ),
    );
    const panel = page.locator('.panel');
    await panel.waitFor();
    expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, ...viewport });
    expect(await page.locator('.input').getAttribute('placeholder')).toBe('输入消息…');
    expect(await page.locator('.close').getAttribute('aria-label')).toBe('关闭聊天');
    await page.locator('.input').tap();
    await page.keyboard.type('你好');
    await page.locator('.send').tap();
    await expect.poll(() => thread(page)).toContain('assistant: Echo: 你好');
    await screenshot(page, 'widget-phone-open');
    await page.locator('.close').tap();
    const launcher = await page.locator('.launcher').boundingBox();
    expect(launcher?.x).toBeLessThan(viewport.width / 2);
    expect(await page.locator('.launcher').getAttribute('aria-label')).toBe('打开聊天');
    await screenshot(page, 'widget-phone-closed');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens, closes and sends through window.EdgeflowWidget', async () => {
    const { page, errors } = await openPage(fixture.browser);
    await page.goto(
      fixture.site.pageUrl(widgetOf(fixture.apps.echo, { title: 'Garden help', color: '#7c3aed' })),
    );
    await page.waitForFunction(() => 'EdgeflowWidget' in window);
    await page.evaluate(() => window.EdgeflowWidget?.open());
    expect(await page.locator('.panel').isVisible()).toBe(true);
    expect(await page.locator('.title').textContent()).toBe('Garden help');
    await page.evaluate(() => window.EdgeflowWidget?.close());
    expect(await page.locator('.panel').isHidden()).toBe(true);
    expect(await page.evaluate(() => window.EdgeflowWidget?.send('ping'))).toBe(true);
    expect(await page.locator('.panel').isVisible()).toBe(true);
    expect(await thread(page)).toContain('assistant: Echo: ping');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
