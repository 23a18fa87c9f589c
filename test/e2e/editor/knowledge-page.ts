/**
 * Gestures and observations on the editor's knowledge-base page, for test/e2e/editor-knowledge.test.ts.
 */
import type { Locator, Page } from 'playwright-core';

/** The row of an upload in the page's upload list, by file name. */
export const uploadRow = (page: Page, name: string): Locator =>
  page.getByRole('list', { name: 'Uploads' }).locator('li.kb-upload', { hasText: name });

export interface UploadSnapshot {
  readonly name: string;
  readonly phase: string;
  readonly percent: number;
}

/**
 * Starts recording every state the upload rows pass through (phase and progress percent), as the page
 * shows them, to tell a bar that moves from one that jumps to the end.
 */
export async function recordUploads(page: Page): Promise<() => Promise<UploadSnapshot[]>> {
  await page.evaluate(() => {
    const seen: { name: string; phase: string; percent: number }[] = [];
    (window as unknown as { uploadSnapshots: typeof seen }).uploadSnapshots = seen;
    const last = new Map<string, string>();
    const observer = new MutationObserver(() => {
      for (const row of Array.from(document.querySelectorAll('li.kb-upload'))) {
        const name = row.querySelector('.kb-upload-name')?.textContent ?? '';
        const phase = row.getAttribute('data-phase') ?? '';
        const percent = Number(row.querySelector('progress')?.getAttribute('data-percent') ?? Number.NaN);
        const key = `${phase}:${percent}`;
        if (last.get(name) === key) continue;
        last.set(name, key);
        seen.push({ name, phase, percent });
      }
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
  return () =>
    page.evaluate(() => (window as unknown as { uploadSnapshots: UploadSnapshot[] }).uploadSnapshots);
}
