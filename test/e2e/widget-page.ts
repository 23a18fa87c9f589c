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

/** Console errors Chromium prints when CORS refuses a request (expected on a disallowed origin only). */
export const corsRefusal = /blocked by CORS policy|net::ERR_FAILED|status of 403/;
