import type { BlockNode } from './markdown-tree.ts';
import { parseInline } from './parse-inline.ts';

const fence = /^ {0,3}(`{3,}|~{3,})[ \t]*([^`\s]*)/;
const heading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const rule = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const quote = /^ {0,3}> ?(.*)$/;
const listItem = /^( {0,3})([-*+]|(\d{1,9})[.)])(?:([ \t]{1,4})(.*))?$/;
const blank = /^[ \t]*$/;

type Lines = readonly string[];

/** Whether `line` starts a block that ends a paragraph (an ordered list only when it starts at 1). */
function interrupts(line: string): boolean {
  const item = listItem.exec(line);
  if (item && (item[3] === undefined || item[3] === '1') && !blank.test(item[5] ?? '')) return true;
  return fence.test(line) || heading.test(line) || rule.test(line) || quote.test(line);
}

function indentOf(line: string): number {
  return /^ */.exec(line)?.[0].length ?? 0;
}

class BlockParser {
  readonly blocks: BlockNode[] = [];
  #position = 0;

  constructor(readonly lines: Lines) {}

  parse(): BlockNode[] {
    while (this.#position < this.lines.length) {
      const line = this.lines[this.#position] ?? '';
      if (blank.test(line)) this.#position += 1;
      else this.blocks.push(this.#block(line));
    }
    return this.blocks;
  }

  #block(line: string): BlockNode {
    const opening = fence.exec(line);
    if (opening) return this.#codeBlock(opening[1] ?? '```', opening[2] ?? '');
    const title = heading.exec(line);
    if (title) {
      this.#position += 1;
      const level = (title[1]?.length ?? 1) as 1 | 2 | 3 | 4 | 5 | 6;
      return { type: 'heading', level, children: parseInline(title[2] ?? '') };
    }
    if (rule.test(line)) {
      this.#position += 1;
      return { type: 'rule' };
    }
    if (quote.test(line)) return this.#quote();
    const item = listItem.exec(line);
    if (item) return this.#list(item[3] !== undefined, Number(item[3] ?? 1));
    return this.#paragraph();
  }

  #codeBlock(marker: string, language: string): BlockNode {
    const body: string[] = [];
    this.#position += 1;
    // Unclosed (e.g. while the answer is still streaming): the code runs to the end.
    while (this.#position < this.lines.length) {
      const line = this.lines[this.#position] ?? '';
      this.#position += 1;
      const closing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)?.[1];
      if (closing?.startsWith(marker.charAt(0)) && closing.length >= marker.length) break;
      body.push(line);
    }
    return { type: 'code-block', language, text: body.join('\n') };
  }

  #quote(): BlockNode {
    const inner: string[] = [];
    for (let match = quote.exec(this.#current()); match; match = quote.exec(this.#current())) {
      inner.push(match[1] ?? '');
      this.#position += 1;
    }
    return { type: 'quote', children: parseBlocks(inner) };
  }

  #list(ordered: boolean, start: number): BlockNode {
    const items: BlockNode[][] = [];
    for (let item = listItem.exec(this.#current()); item; item = listItem.exec(this.#current())) {
      if ((item[3] !== undefined) !== ordered) break;
      const contentIndent = (item[1]?.length ?? 0) + (item[2]?.length ?? 0) + (item[4]?.length ?? 1);
      const body = [item[5] ?? ''];
      this.#position += 1;
      while (this.#position < this.lines.length) {
        const line = this.#current();
        const next = this.lines[this.#position + 1] ?? '';
        const indented = indentOf(line) >= Math.min(contentIndent, 2);
        if (blank.test(line) && indentOf(next) >= Math.min(contentIndent, 2) && !blank.test(next)) {
          body.push('');
        } else if (blank.test(line) || (!indented && (listItem.test(line) || interrupts(line)))) break;
        else body.push(indented ? line.slice(Math.min(indentOf(line), contentIndent)) : line);
        this.#position += 1;
      }
      items.push(parseBlocks(body));
      // A blank line between two items of the same list keeps the list going.
      if (blank.test(this.#current()) && listItem.test(this.lines[this.#position + 1] ?? '')) {
        this.#position += 1;
      }
    }
    return { type: 'list', ordered, start, items };
  }

  #paragraph(): BlockNode {
    const body = [this.#current()];
    this.#position += 1;
    while (this.#position < this.lines.length) {
      const line = this.#current();
      if (blank.test(line) || interrupts(line)) break;
      body.push(line);
      this.#position += 1;
    }
    return { type: 'paragraph', children: parseInline(body.map((line) => line.trim()).join('\n')) };
  }

  #current(): string {
    return this.lines[this.#position] ?? '';
  }
}

function parseBlocks(lines: Lines): BlockNode[] {
  return new BlockParser(lines).parse();
}

/**
 * The Markdown subset of chat answers (headings, paragraphs with line breaks, lists, code, quotes,
 * rules, and the inline forms of {@link parseInline}) as a tree. Total: any text parses, and
 * half-written Markdown (a stream cut mid-answer) gives a sensible tree.
 *
 * Our own parser rather than a library: the only well-kept candidate that yields a tree instead of
 * HTML, marked's lexer, is ~15 KB gzipped on its own (measured), most of the widget's 20 KB budget,
 * and still needs a walk that drops its HTML tokens. This subset is ~2 KB and has no HTML at all.
 * @example parseMarkdown('# Hi\n\n- one\n- two')
 */
export function parseMarkdown(source: string): BlockNode[] {
  const lines = source.replace(/\t/g, '    ').split(/\r\n|\r|\n/);
  return parseBlocks(lines);
}
