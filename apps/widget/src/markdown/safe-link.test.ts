import { describe, expect, it } from 'vitest';
import { safeLink } from './safe-link.ts';

describe('safeLink', () => {
  it('keeps absolute http, https and mailto URLs, normalised', () => {
    expect(safeLink(' https://Example.com/a b ')).toBe('https://example.com/a%20b');
    expect(safeLink('http://example.com')).toBe('http://example.com/');
    expect(safeLink('mailto:help@example.com')).toBe('mailto:help@example.com');
  });

  it('refuses script-bearing schemes in any spelling, and relative or malformed URLs', () => {
    for (const raw of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' java\nscript:alert(1)',
      'jav&#x09;ascript:alert(1)',
      '\u0000javascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      '/relative',
      '//evil.example/x',
      'not a url',
      '',
    ]) {
      expect(safeLink(raw), raw).toBeNull();
    }
  });
});
