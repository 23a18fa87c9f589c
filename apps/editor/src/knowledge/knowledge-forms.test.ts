import { describe, expect, it } from 'vitest';
import { parseChunking, parseQueryForm, type QueryForm } from './knowledge-forms.ts';

describe('chunking form', () => {
  it('parses whole numbers within the contract', () => {
    expect(parseChunking({ size: ' 500 ', overlap: '0' })).toEqual({
      ok: true,
      value: { size: 500, overlap: 0 },
    });
  });

  it('says which field is wrong and why', () => {
    const result = parseChunking({ size: '50', overlap: '1.5' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { field: 'size', key: 'kb.form.sizeRange', params: { min: 100, max: 8000 } },
      { field: 'overlap', key: 'kb.form.overlapRange', params: { min: 0, max: 4000 } },
    ]);
    expect(parseChunking({ size: '', overlap: '' })).toMatchObject({ ok: false });
  });

  it('refuses an overlap that is not smaller than the size', () => {
    expect(parseChunking({ size: '300', overlap: '300' })).toEqual({
      ok: false,
      problems: [{ field: 'overlap', key: 'kb.form.overlapBelowSize' }],
    });
  });
});

describe('query form', () => {
  const form: QueryForm = {
    query: '  退款多久到账？ ',
    mode: 'auto',
    topK: '4',
    minScore: '',
    documentIds: [],
  };

  it('leaves server defaults out: auto mode, no score threshold, the whole base', () => {
    expect(parseQueryForm(form)).toEqual({ ok: true, value: { query: '退款多久到账？', topK: 4 } });
  });

  it('sends the chosen mode, threshold and document filter', () => {
    expect(
      parseQueryForm({ ...form, mode: 'keyword', topK: '10', minScore: '0.25', documentIds: ['doc_1'] }),
    ).toEqual({
      ok: true,
      value: { query: '退款多久到账？', topK: 10, mode: 'keyword', minScore: 0.25, documentIds: ['doc_1'] },
    });
  });

  it('refuses an empty query, a topK out of range and a score outside 0…1', () => {
    const result = parseQueryForm({ ...form, query: '  ', topK: '51', minScore: '2' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.field)).toEqual(['query', 'topK', 'minScore']);
    expect(parseQueryForm({ ...form, topK: 'four' })).toMatchObject({ ok: false });
    expect(parseQueryForm({ ...form, minScore: 'abc' })).toMatchObject({ ok: false });
  });
});
