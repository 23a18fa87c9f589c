/**
 * Reading the widget from a Playwright page. Its shadow root is open, so CSS locators reach inside
 * it; the recorder below watches the answer grow token by token.
 */
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    /** The widget's JS API (apps/widget/src/mount-widget.ts). */
    EdgeflowWidget?: { open(): void; close(): void; send(text: string): Promise<boolean> };
  }
}

/** Everything a visitor sees in the log, as `role: text` lines (screen-reader labels stripped). */
export function thread(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const log = document.querySelector('edgeflow-widget')?.shadowRoot?.querySelector('.log');
    return Array.from(log?.querySelectorAll('.message') ?? []).map((message) => {
      const label = message.querySelector('.sr-only')?.textContent ?? '';
      const role = message.classList.contains('user') ? 'user' : 'assistant';
      return `${role}: ${(message.textContent ?? '').slice(label.length)}`;
    });
  });
}

/** Starts recording each distinct text of the newest assistant message that appears from now on. */
export async function recordAnswers(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const log = document.querySelector('edgeflow-widget')?.shadowRoot?.querySelector('.log');
    if (!log) throw new Error('no widget log');
    const seen: string[] = [];
    const before = log.querySelectorAll('.message.assistant').length;
    Object.assign(window, { __answers: seen });
    new MutationObserver(() => {
      const last = Array.from(log.querySelectorAll('.message.assistant')).slice(before).at(-1);
      if (!last) return;
      const label = last?.querySelector('.sr-only')?.textContent ?? '';
      const text = (last?.textContent ?? '').slice(label.length);
      if (seen.at(-1) !== text) seen.push(text);
    }).observe(log, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __answers: string[] }).__answers);
}

/** The element focused inside the widget (its shadow root), as `tag.class`, or null. */
export function focusedInWidget(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.querySelector('edgeflow-widget')?.shadowRoot?.activeElement;
    return active ? `${active.tagName.toLowerCase()}.${active.className}` : null;
  });
}

/**
 * What the newest answer made of the hostile Markdown of widget.test.ts: whether anything ran
 * (`window.__pwned`), any element that could load or run something, the links, and the safe parts.
 */
export function inspectAnswer(page: Page) {
  return page.evaluate(() => {
    const shadow = document.querySelector('edgeflow-widget')?.shadowRoot;
    const messages = Array.from(shadow?.querySelectorAll('.message') ?? []);
    const answerElement = messages.at(-1);
    return {
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      dangerous: shadow?.querySelectorAll('img, script, iframe, [onerror], [onclick], [srcdoc]').length,
      links: Array.from(answerElement?.querySelectorAll('a') ?? []).map((link) => [
        link.getAttribute('href'),
        link.target,
        link.rel,
        link.textContent,
      ]),
      heading: answerElement?.querySelector('h2')?.textContent,
      listItems: answerElement?.querySelectorAll('li').length,
      strong: answerElement?.querySelector('li strong')?.textContent,
      code: answerElement?.querySelector('li code')?.textContent,
      shownAsText: answerElement?.textContent?.includes('<img src=x onerror="window.__pwned = 1">'),
      userBubbleIsText: messages.at(-2)?.textContent?.includes('<script>window.__pwned = 2</script>'),
    };
  });
}

/** Console errors Chromium prints when CORS refuses a request (expected on a disallowed origin only). */
export const corsRefusal = /blocked by CORS policy|net::ERR_FAILED|status of 403/;
