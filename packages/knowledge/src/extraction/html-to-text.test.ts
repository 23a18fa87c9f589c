import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-to-text.ts';

describe('htmlToText', () => {
  it('keeps readable text, headings as # lines, list items, and the title', () => {
    const page = `<!doctype html><html><head><title>Help &amp; FAQ</title><style>p{color:red}</style></head>
      <body><h1>Shipping</h1><p>Orders ship in <b>2&nbsp;days</b>.</p><script>alert("x<p>")</script>
      <!-- a <p>comment</p> --><ul><li>Fast</li><li>Free &#x4E2D;&#25991;</li></ul><h2>退货</h2><p>七天无理由。</p></body></html>`;
    const { text, title } = htmlToText(page);
    expect(title).toBe('Help & FAQ');
    expect(text).toBe(
      '# Shipping\n\nOrders ship in 2 days.\n\n- Fast\n- Free 中文\n\n## 退货\n\n七天无理由。',
    );
  });

  it('stays linear on hostile input (unclosed scripts and comments)', () => {
    const hostile = '<script>'.repeat(50_000) + '<!--'.repeat(50_000) + '<p'.repeat(50_000);
    const started = performance.now();
    htmlToText(hostile);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
