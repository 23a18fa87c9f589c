// Elements whose content is never text for a reader.
const skippedElements = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object']);
// Elements that end a line of text.
const blockElements = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'nav',
  'aside',
  'blockquote',
  'pre',
  'table',
  'tr',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'form',
  'hr',
  'address',
]);

const namedEntities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  copy: '©',
  reg: '®',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  middot: '·',
};

/** Decodes the character references of HTML text (named ones we know, and every numeric one). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : '�';
    }
    return namedEntities[name.toLowerCase()] ?? whole;
  });
}

export interface HtmlText {
  /** The readable text, headings as Markdown `#` lines so chunking keeps the structure. */
  readonly text: string;
  /** The `<title>`, when the page has one. */
  readonly title: string | null;
}

/**
 * The readable text of an HTML page in one linear pass (no regular expression that can backtrack on
 * hostile input): scripts, styles and comments dropped, block elements ending lines, `<h1>`…`<h6>`
 * turned into `#` headings, `<li>` into `- ` items, character references decoded.
 */
export function htmlToText(html: string): HtmlText {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let title: string | null = null;
  let at = 0;
  const emitText = (raw: string) => {
    const text = decodeEntities(raw).replace(/\s+/g, ' ');
    if (text !== ' ' && text !== '') out.push(text);
    else if (text === ' ') out.push(' ');
  };
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open < 0) {
      emitText(html.slice(at));
      break;
    }
    if (open > at) emitText(html.slice(at, open));
    if (lower.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      at = close < 0 ? html.length : close + 3;
      continue;
    }
    const close = html.indexOf('>', open);
    if (close < 0) break;
    const name = /^\/?([a-z][a-z0-9-]*)/.exec(lower.slice(open + 1, Math.min(close, open + 40)))?.[1];
    const closing = lower[open + 1] === '/';
    at = close + 1;
    if (name === undefined) continue;
    if (name === 'title' && !closing) {
      const end = lower.indexOf('</title', at);
      title =
        decodeEntities(html.slice(at, end < 0 ? html.length : end))
          .replace(/\s+/g, ' ')
          .trim() || null;
    }
    if ((skippedElements.has(name) || name === 'title') && !closing) {
      const end = lower.indexOf(`</${name}`, at);
      const endClose = end < 0 ? -1 : html.indexOf('>', end);
      at = endClose < 0 ? html.length : endClose + 1;
      continue;
    }
    const heading = /^h([1-6])$/.exec(name)?.[1];
    if (heading !== undefined) out.push(closing ? '\n\n' : `\n\n${'#'.repeat(Number(heading))} `);
    else if (name === 'li') out.push(closing ? '' : '\n- ');
    else if (name === 'br') out.push('\n');
    else if (name === 'td' || name === 'th') out.push(closing ? ' | ' : '');
    else if (blockElements.has(name)) out.push('\n\n');
  }
  const text = out
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, title };
}
