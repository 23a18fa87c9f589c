/**
 * What the editor benchmark measures inside the page, identically for the editor and its floor:
 * time until every node of the document is on screen, frame times during a drag, and the time
 * from each keystroke to the next frame after it was handled.
 */
import type { Page } from 'playwright-core';

/**
 * Installed before the page loads: records when `count` nodes are in the DOM, visible (measured or
 * sized) and all inside the canvas (the initial fit is done), and `edgeCount` edges are drawn, i.e.
 * the whole document is on screen. (React Flow can show nodes well before their edges.)
 */
export function openProbe(count: number, edgeCount = 0): string {
  return `(() => {
    const inside = (rect, pane) =>
      rect.right > pane.left && rect.left < pane.right && rect.bottom > pane.top && rect.top < pane.bottom;
    const check = () => {
      const nodes = document.querySelectorAll('.react-flow__node');
      const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
      if (
        pane &&
        nodes.length >= ${count} &&
        document.querySelectorAll('.react-flow__edge').length >= ${edgeCount} &&
        [...nodes].every((node) => node.style.visibility !== 'hidden' && inside(node.getBoundingClientRect(), pane))
      ) {
        window.__openedAt = performance.now();
        return;
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })();`;
}

/** Milliseconds from navigation start until every node was rendered. */
export async function waitForOpen(page: Page, timeoutMs = 60_000): Promise<number> {
  await page.waitForFunction(
    () => (window as unknown as { __openedAt?: number }).__openedAt !== undefined,
    undefined,
    {
      timeout: timeoutMs,
    },
  );
  return page.evaluate<number>('window.__openedAt');
}

/** Drags the node `nodeId` along a path for ~1 s and returns the frame intervals seen meanwhile (ms). */
export async function dragFrames(page: Page, nodeId: string): Promise<number[]> {
  const box = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).boundingBox();
  if (!box) throw new Error(`node ${nodeId} is not on screen`);
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  // Scripts are strings: tsx's name helpers (`__name`) do not exist inside the page.
  await page.evaluate(`(() => {
    const frames = [];
    window.__frames = frames;
    window.__recording = true;
    const loop = (time) => {
      frames.push(time);
      if (window.__recording) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  })()`);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let step = 1; step <= 60; step += 1) {
    await page.mouse.move(start.x + step * 4, start.y + Math.sin(step / 6) * 40);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  const frames = await page.evaluate<number[]>('(window.__recording = false, window.__frames)');
  const intervals: number[] = [];
  for (let index = 1; index < frames.length; index += 1)
    intervals.push((frames[index] ?? 0) - (frames[index - 1] ?? 0));
  return intervals;
}

/** Types `text` into the field `selector` and returns each keystroke's latency to the next frame (ms). */
export async function keystrokeLatencies(page: Page, selector: string, text: string): Promise<number[]> {
  const field = page.locator(selector);
  await field.click();
  await field.press('End');
  await page.evaluate(`(() => {
    window.__latencies = [];
    const element = document.querySelector(${JSON.stringify(selector)});
    element.addEventListener('keydown', (event) => {
      const started = event.timeStamp;
      element.addEventListener('input', () => requestAnimationFrame(() => window.__latencies.push(performance.now() - started)), { once: true });
    });
  })()`);
  for (const character of text) {
    await page.keyboard.type(character);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(100);
  return page.evaluate<number[]>('window.__latencies');
}
