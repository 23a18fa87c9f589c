import { describe, expect, it } from 'vitest';
import { parseResponseHeaders } from './progress-fetch.ts';

describe('progress fetch', () => {
  it('reads the answer headers XMLHttpRequest gives as text', () => {
    const headers = parseResponseHeaders(
      'content-type: application/json; charset=UTF-8\r\nretry-after: 30\r\nx-empty:\r\n\r\n',
    );
    expect(headers.get('Content-Type')).toBe('application/json; charset=UTF-8');
    expect(headers.get('retry-after')).toBe('30');
    expect(headers.get('x-empty')).toBe('');
    expect([...headers.keys()]).toHaveLength(3);
  });

  it('keeps colons inside values and skips malformed lines', () => {
    const headers = parseResponseHeaders('date: Thu, 26 Nov 2026 02:05:27 GMT\nno colon here\n: nameless\n');
    expect(headers.get('date')).toBe('Thu, 26 Nov 2026 02:05:27 GMT');
    expect([...headers.keys()]).toEqual(['date']);
  });
});
