import { describe, expect, it } from 'vitest';
import type { InlineNode } from './markdown-tree.ts';
import { parseInline } from './parse-inline.ts';

const text = (value: string): InlineNode => ({ type: 'text', text: value });

describe('parseInline', () => {
  it('parses strong, emphasis, strikethrough and code spans', () => {
    expect(parseInline('**bold** and *it* and _it_ and ~~gone~~ and `a*b*c`')).toEqual([
      { type: 'strong', children: [text('bold')] },
      text(' and '),
      { type: 'emphasis', children: [text('it')] },
      text(' and '),
      { type: 'emphasis', children: [text('it')] },
      text(' and '),
      { type: 'delete', children: [text('gone')] },
      text(' and '),
      { type: 'code', text: 'a*b*c' },
    ]);
    expect(parseInline('***both***')).toEqual([
      { type: 'strong', children: [{ type: 'emphasis', children: [text('both')] }] },
    ]);
    expect(parseInline('**a *b* c**')).toEqual([
      { type: 'strong', children: [text('a '), { type: 'emphasis', children: [text('b')] }, text(' c')] },
    ]);
  });

  it('leaves unmatched or intraword delimiters as text', () => {
    expect(parseInline('snake_case_name and 2 * 3 * 4 and **open')).toEqual([
      text('snake_case_name and 2 * 3 * 4 and **open'),
    ]);
    expect(parseInline('``code with ` inside``')).toEqual([{ type: 'code', text: 'code with ` inside' }]);
    expect(parseInline('`unclosed')).toEqual([text('`unclosed')]);
  });

  it('parses links with titles and parentheses, and autolinks', () => {
    expect(parseInline('[the *docs*](https://example.com/a_(b) "Title")')).toEqual([
      {
        type: 'link',
        href: 'https://example.com/a_(b)',
        children: [text('the '), { type: 'emphasis', children: [text('docs')] }],
      },
    ]);
    expect(parseInline('see https://example.com/x?y=1. or <https://example.org>')).toEqual([
      text('see '),
      { type: 'link', href: 'https://example.com/x?y=1', children: [text('https://example.com/x?y=1')] },
      text('. or '),
      { type: 'link', href: 'https://example.org/', children: [text('https://example.org')] },
    ]);
  });

  it('turns unsafe links into their text, and images into links that load nothing', () => {
    expect(parseInline('[click](javascript:alert(1)) [x](JAVASCRIPT:alert(1)) [y](/relative)')).toEqual([
      text('click x y'),
    ]);
    expect(parseInline('![logo](https://cdn.example.com/logo.png) ![](javascript:x)')).toEqual([
      { type: 'link', href: 'https://cdn.example.com/logo.png', children: [text('logo')] },
      text(' javascript:x'),
    ]);
  });

  it('does not nest links and honours backslash escapes', () => {
    expect(parseInline('[a https://b.example](https://c.example)')).toEqual([
      { type: 'link', href: 'https://c.example/', children: [text('a https://b.example')] },
    ]);
    expect(parseInline('\\*not\\* \\[x\\](https://y.example)')).toEqual([
      text('*not* [x]('),
      { type: 'link', href: 'https://y.example/', children: [text('https://y.example')] },
      text(')'),
    ]);
  });
});
