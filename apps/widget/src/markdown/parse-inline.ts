import type { InlineNode } from './markdown-tree.ts';
import { safeLink } from './safe-link.ts';

const escapable = /[!-/:-@[-`{-~]/;
// Sticky, so trying every `h` costs nothing when the text is long.
const bareUrl = /https?:\/\/[^\s<>"]*[^\s<>"'.,;:!?*_~)\]]/y;
const angleAutolink = /<([a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*)>/y;
const wordCharacter = /[\p{L}\p{N}]/u;

interface LinkParts {
  readonly label: string;
  readonly destination: string;
  readonly end: number;
}

class InlineParser {
  readonly nodes: InlineNode[] = [];
  #text = '';

  constructor(
    readonly source: string,
    readonly insideLink: boolean,
  ) {}

  text(value: string): void {
    this.#text += value;
  }

  node(value: InlineNode): void {
    if (value.type === 'text') {
      this.text(value.text);
      return;
    }
    this.flush();
    this.nodes.push(value);
  }

  flush(): void {
    if (this.#text !== '') this.nodes.push({ type: 'text', text: this.#text });
    this.#text = '';
  }
}

/** Length of the run of `character` starting at `index`. */
function runLength(source: string, index: number, character: string): number {
  let end = index;
  while (source[end] === character) end += 1;
  return end - index;
}

/** `[label](destination "title")` starting at the `[` at `open`, or null. */
function readLink(source: string, open: number): LinkParts | null {
  let depth = 0;
  let close = -1;
  for (let index = open; index < source.length; index += 1) {
    const character = source[index];
    if (character === '\\') index += 1;
    else if (character === '[') depth += 1;
    else if (character === ']' && --depth === 0) {
      close = index;
      break;
    }
  }
  if (close < 0 || source[close + 1] !== '(') return null;
  const rest = source.slice(close + 2);
  const match =
    /^[ \t]*(<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:[ \t]+("[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*\)/.exec(
      rest,
    );
  if (!match) return null;
  const destination = (match[1] ?? '').replace(/^<|>$/g, '');
  return { label: source.slice(open + 1, close), destination, end: close + 2 + match[0].length };
}

/** Handles `*`, `_` and `~` runs; answers where parsing goes on, or -1 when the run is plain text. */
function delimited(parser: InlineParser, index: number): number {
  const { source } = parser;
  const character = source.charAt(index);
  const length = runLength(source, index, character);
  const size = character === '~' ? 2 : Math.min(length, 3);
  if ((character === '~' && length !== 2) || /\s/.test(source[index + length] ?? ' ')) return -1;
  if (character === '_' && wordCharacter.test(source[index - 1] ?? '')) return -1;
  for (let close = source.indexOf(character, index + length); close >= 0; ) {
    const closeLength = runLength(source, close, character);
    const closesHere =
      closeLength === size &&
      !/\s/.test(source[close - 1] ?? ' ') &&
      !(character === '_' && wordCharacter.test(source[close + closeLength] ?? ''));
    if (closesHere && length === size) {
      const inner = parseInline(source.slice(index + size, close), parser.insideLink);
      const type = character === '~' ? 'delete' : size === 1 ? 'emphasis' : 'strong';
      parser.node(
        size === 3
          ? { type: 'strong', children: [{ type: 'emphasis', children: inner }] }
          : { type, children: inner },
      );
      return close + size;
    }
    close = source.indexOf(character, close + closeLength);
  }
  return -1;
}

function codeSpan(parser: InlineParser, index: number): number {
  const { source } = parser;
  const length = runLength(source, index, '`');
  for (let close = source.indexOf('`', index + length); close >= 0; ) {
    const closeLength = runLength(source, close, '`');
    if (closeLength === length) {
      let text = source.slice(index + length, close).replace(/\n/g, ' ');
      if (/^ .*[^ ].* $/.test(text)) text = text.slice(1, -1);
      parser.node({ type: 'code', text });
      return close + length;
    }
    close = source.indexOf('`', close + closeLength);
  }
  parser.text('`'.repeat(length));
  return index + length;
}

/** `[label](url)` and `![alt](url)`; an image becomes a link (never loaded), an unsafe URL plain text. */
function link(parser: InlineParser, index: number, image: boolean): number {
  const start = image ? index + 1 : index;
  const parts = parser.insideLink ? null : readLink(parser.source, start);
  if (!parts) return -1;
  const href = safeLink(parts.destination);
  const children = image
    ? [{ type: 'text', text: parts.label || parts.destination } as const]
    : parseInline(parts.label, true);
  if (href) parser.node({ type: 'link', href, children });
  else for (const child of children) parser.node(child);
  return parts.end;
}

function autolink(parser: InlineParser, index: number): number {
  const { source } = parser;
  if (parser.insideLink) return -1;
  if (source[index] === '<') {
    angleAutolink.lastIndex = index;
    const match = angleAutolink.exec(source);
    const href = match?.[1] === undefined ? null : safeLink(match[1]);
    if (!match?.[1] || !href) return -1;
    parser.node({ type: 'link', href, children: [{ type: 'text', text: match[1] }] });
    return index + match[0].length;
  }
  if (wordCharacter.test(source[index - 1] ?? '')) return -1;
  bareUrl.lastIndex = index;
  const match = bareUrl.exec(source);
  const href = match ? safeLink(match[0]) : null;
  if (!match || !href) return -1;
  parser.node({ type: 'link', href, children: [{ type: 'text', text: match[0] }] });
  return index + match[0].length;
}

function step(parser: InlineParser, index: number): number {
  const { source } = parser;
  const character = source.charAt(index);
  switch (character) {
    case '\\': {
      const next = source[index + 1] ?? '';
      if (escapable.test(next)) {
        parser.text(next);
        return index + 2;
      }
      if (next === '\n') {
        parser.node({ type: 'break' });
        return index + 2;
      }
      return -1;
    }
    case '\n':
      parser.node({ type: 'break' });
      return index + 1;
    case '`':
      return codeSpan(parser, index);
    case '!':
      return source[index + 1] === '[' ? link(parser, index, true) : -1;
    case '[':
      return link(parser, index, false);
    case '*':
    case '_':
    case '~':
      return delimited(parser, index);
    case '<':
    case 'h':
      return autolink(parser, index);
    default:
      return -1;
  }
}

/**
 * Inline Markdown (code spans, emphasis, strong, strikethrough, links, autolinks, escapes, line
 * breaks) as nodes. Anything that does not parse stays text, including every HTML tag.
 * @example parseInline('**hi** [docs](https://example.com)')
 */
export function parseInline(source: string, insideLink = false): InlineNode[] {
  const parser = new InlineParser(source.replace(/[ \t]+\n/g, '\n'), insideLink);
  const text = parser.source;
  let index = 0;
  while (index < text.length) {
    const next = step(parser, index);
    if (next < 0) {
      parser.text(text.charAt(index));
      index += 1;
    } else index = next;
  }
  parser.flush();
  return parser.nodes;
}
