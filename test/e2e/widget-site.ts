/**
 * A customer's website for the widget's browser tests: a tiny Node server on 127.0.0.1 (its own port,
 * so its own origin) whose page pastes the widget's script tag and carries hostile CSS of its own.
 * It records every path it is asked for, so a test can tell whether the page tried to load anything
 * (an image from a model's answer, say).
 */
import { createServer, type Server } from 'node:http';
import { freePort } from '../support/free-port.ts';

export interface CustomerSite {
  /** `http://127.0.0.1:<port>`, exactly as the browser sends it in `Origin`. */
  readonly origin: string;
  /** Paths requested since start, e.g. `/`, `/tracker.png`. */
  readonly requests: string[];
  /** The page's URL with the widget configured by `data` (attribute names without `data-`). */
  pageUrl(data: Readonly<Record<string, string>>): string;
  close(): Promise<void>;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

// Rules a careless shop might have: if they reached into the widget, its buttons would turn red and
// its text green Comic Sans. `.probe` elements have no rules of their own: the widget's CSS must not
// reach them either.
const pageStyle = `
* { font-family: "Comic Sans MS", cursive !important; color: rgb(0, 128, 0) !important; }
button:not(.probe) { background: rgb(255, 0, 0) !important; padding: 30px !important; }
div, section, p { margin: 17px; line-height: 3; }
`;

function page(runtimeUrl: string, data: Readonly<Record<string, string>>): string {
  const attributes = Object.entries(data)
    .map(([name, value]) => ` data-${name}="${escapeAttribute(value)}"`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme shop</title>
<link rel="icon" href="data:,">
<style>${pageStyle}</style>
</head>
<body>
<a href="#catalogue" id="first-link">Catalogue</a>
<h1>Acme shop</h1>
<p>Everything for your garden.</p>
<button class="probe" id="probe-button" type="button">Add to basket</button>
<p class="probe" id="probe-paragraph">Free delivery over 50 €.</p>
<script src="${escapeAttribute(runtimeUrl)}/widget.js"${attributes} async></script>
</body>
</html>`;
}

/**
 * Serves the customer page on a free port; `GET /?config=<base64url JSON>` is the page with the
 * widget configured by that JSON. Anything else is 404, recorded.
 * @example const site = await startCustomerSite(platform.baseUrl); await page.goto(site.pageUrl({ 'app-id': appId, key }));
 */
export async function startCustomerSite(runtimeUrl: string): Promise<CustomerSite> {
  const port = await freePort();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://site.invalid');
    requests.push(url.pathname);
    const config = url.searchParams.get('config');
    if (url.pathname !== '/' || config === null) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const data = JSON.parse(Buffer.from(config, 'base64url').toString('utf8')) as Record<string, string>;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(runtimeUrl, data));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    requests,
    pageUrl: (data) => `${origin}/?config=${Buffer.from(JSON.stringify(data)).toString('base64url')}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
