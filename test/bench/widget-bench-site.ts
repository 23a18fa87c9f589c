/**
 * The pages the widget benchmark opens, from one Node server on 127.0.0.1: `/widget.html` pastes the
 * built widget (apps/widget/dist/widget.js, served here with the little of the runtime it reads at
 * start: the launcher's configuration and /healthz), `/floor.html` is a bare page whose button shows a
 * plain div of the panel's size with a textarea in it: the least any click-to-panel can cost.
 * Both pages record, for the next click, the time from the click event to the first frame after the
 * panel's input has focus (`window.__openTime`).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { freePort } from '../support/free-port.ts';

// Runs in the page: after the click's handlers, wait for frames until `ready()`, then one macrotask so
// the frame that shows the panel has been produced.
const measure = (ready: string) => `<script>
window.__openTime = new Promise((resolve) => {
  addEventListener('click', (event) => {
    const start = event.timeStamp;
    const check = () => (${ready}) ? setTimeout(() => resolve(performance.now() - start), 0) : requestAnimationFrame(check);
    requestAnimationFrame(check);
  }, { capture: true, once: true });
});
</script>`;

const widgetReady =
  "document.querySelector('edgeflow-widget')?.shadowRoot?.activeElement?.classList.contains('input')";
const floorReady = "document.activeElement?.id === 'input' && !document.getElementById('panel').hidden";

const floorPage = `<!doctype html><html><head><meta charset="utf-8"><title>floor</title><link rel="icon" href="data:,"></head><body>
<p>Acme shop</p>
<div style="position:fixed;bottom:20px;right:20px;display:flex;flex-direction:column-reverse;align-items:flex-end;gap:12px">
<button id="launcher" style="width:56px;height:56px;border-radius:50%">+</button>
<div id="panel" hidden style="width:380px;height:600px;border:1px solid #ccc"><textarea id="input"></textarea></div>
</div>
<script>
const panel = document.getElementById('panel');
document.getElementById('launcher').addEventListener('click', () => {
  panel.hidden = !panel.hidden;
  if (!panel.hidden) document.getElementById('input').focus();
});
</script>
${measure(floorReady)}
</body></html>`;

function widgetPage(origin: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>widget</title><link rel="icon" href="data:,"></head><body>
<p>Acme shop</p>
${measure(widgetReady)}
<script src="${origin}/widget.js" data-app-id="app_bench" data-key="pk_bench" async></script>
</body></html>`;
}

export interface BenchSite {
  readonly origin: string;
  close(): Promise<void>;
}

export async function startBenchSite(widgetPath: string): Promise<BenchSite> {
  const script = readFileSync(widgetPath);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', origin).pathname;
    const send = (type: string, body: string | Buffer) =>
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    if (path === '/widget.html') send('text/html; charset=utf-8', widgetPage(origin));
    else if (path === '/floor.html') send('text/html; charset=utf-8', floorPage);
    else if (path === '/widget.js') send('text/javascript; charset=utf-8', script);
    else if (path === '/v1/apps/app_bench/widget')
      send('application/json', JSON.stringify({ name: 'Bench', greeting: null, theme: {} }));
    else if (path === '/healthz') send('application/json', '{"ok":true}');
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
