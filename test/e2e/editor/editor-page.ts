/**
 * What the editor's browser tests do as a user would: each helper is one gesture on the real UI
 * (drag from the palette, drag between handles, pick from the variable picker), never a call behind it.
 */
import type { Locator, Page } from 'playwright-core';

export const canvasNode = (page: Page, id: string): Locator =>
  page.locator(`.react-flow__node[data-id="${id}"]`);

/** How many canvas nodes are drawn: in the DOM, not hidden, with a size, and inside the canvas pane. */
export function visibleNodes(page: Page): Promise<number> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
    if (!pane) return 0;
    return Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node')).filter((node) => {
      const box = node.getBoundingClientRect();
      return (
        node.style.visibility !== 'hidden' &&
        box.width > 0 &&
        box.right > pane.left &&
        box.left < pane.right &&
        box.bottom > pane.top &&
        box.top < pane.bottom
      );
    }).length;
  });
}

/** Drags a node kind from the palette onto the canvas at a point relative to the canvas pane. */
export async function dropFromPalette(page: Page, kind: string, at: { x: number; y: number }): Promise<void> {
  await page
    .locator(`.palette-item[data-kind="${kind}"]`)
    .dragTo(page.locator('.react-flow__pane'), { targetPosition: at });
}

/** Drags from a node's output handle (`port`, default the single output) to another node's input. */
export async function connectHandles(page: Page, from: string, to: string, port?: string): Promise<void> {
  const sourceSelector = port
    ? `.react-flow__handle.source[data-handleid="${port}"]`
    : '.react-flow__handle.source';
  const handle = canvasNode(page, from).locator(sourceSelector);
  // Wait until the view stands still (a fit or layout may still be animating), then drag.
  let previous = await handle.boundingBox();
  for (let attempt = 0; attempt < 20; attempt += 1) {
    await page.waitForTimeout(100);
    const current = await handle.boundingBox();
    if (current && previous && current.x === previous.x && current.y === previous.y) break;
    previous = current;
  }
  const source = await handle.boundingBox();
  const target = await canvasNode(page, to).locator('.react-flow__handle.target').boundingBox();
  if (!source || !target) throw new Error(`handles of ${from} → ${to} are not visible`);
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 10 });
  await page.mouse.up();
}

/** Opens the variable picker of a template field of the selected node and picks a reference. */
export async function insertVariable(page: Page, fieldId: string, reference: RegExp): Promise<void> {
  const field = page.locator(`#${fieldId}`);
  await field.click();
  await field.press('End');
  await page.locator(`button[aria-controls="${fieldId}-variables"]`).click();
  await page.locator(`#${fieldId}-variables`).getByRole('option', { name: reference }).click();
}

/** Starts recording every text the answer area shows, to tell streamed text from text that arrives at once. */
export async function recordAnswerTexts(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { answerTexts: string[] }).answerTexts = seen;
    const observer = new MutationObserver(() => {
      const text = document.querySelector('.answer')?.textContent ?? '';
      if (text !== '' && seen[seen.length - 1] !== text) seen.push(text);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { answerTexts: string[] }).answerTexts);
}
