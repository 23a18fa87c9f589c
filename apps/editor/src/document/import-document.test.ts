import { describe, expect, it } from 'vitest';
import { exportDocument, importDocument } from './import-document.ts';
import { chainDocument } from './test-document.ts';

describe('import and export', () => {
  it('round-trips an exported document', () => {
    const result = importDocument(exportDocument(chainDocument()));
    expect(result.ok && result.document).toEqual(chainDocument());
  });

  it('refuses text that is not JSON, not a document, or does not compile, with diagnostics', () => {
    const notJson = importDocument('{nope');
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.diagnostics[0]?.code).toBe('invalid_document');
    const notDocument = importDocument('{"hello":1}');
    expect(!notDocument.ok && notDocument.diagnostics.length).toBeGreaterThan(0);
    const cyclic = chainDocument();
    const broken = importDocument(
      JSON.stringify({
        ...cyclic,
        edges: [...cyclic.edges, { id: 'back', source: 'answer', target: 'template' }],
      }),
    );
    expect(!broken.ok && broken.diagnostics.map((diagnostic) => diagnostic.code)).toContain('cycle');
  });
});
