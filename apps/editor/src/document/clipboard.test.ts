import { describe, expect, it } from 'vitest';
import { copyNodes, pasteNodes } from './clipboard.ts';
import { chainDocument } from './test-document.ts';

describe('copy and paste', () => {
  it('copies nodes with the edges between them only', () => {
    const clipboard = copyNodes(chainDocument(), new Set(['template', 'llm']));
    expect(clipboard.nodes.map((node) => node.id)).toEqual(['template', 'llm']);
    expect(clipboard.edges.map((edge) => edge.id)).toEqual(['e2']);
  });

  it('pastes under fresh ids, shifted, with internal references and edges following', () => {
    const document = chainDocument();
    const { document: pasted, nodeIds } = pasteNodes(
      document,
      copyNodes(document, new Set(['template', 'llm'])),
      { x: 50, y: 60 },
    );
    expect(nodeIds).toEqual(['template_2', 'llm_2']);
    const llm = pasted.nodes.find((node) => node.id === 'llm_2');
    expect(llm?.config.prompt).toBe('{{template_2.text}}');
    expect(llm?.position).toEqual({ x: 530, y: 60 });
    const template = pasted.nodes.find((node) => node.id === 'template_2');
    expect(template?.config.template).toBe('Q: {{start.query}}');
    expect(pasted.edges.at(-1)).toMatchObject({ source: 'template_2', target: 'llm_2' });
    expect(new Set(pasted.edges.map((edge) => edge.id)).size).toBe(pasted.edges.length);
  });
});
