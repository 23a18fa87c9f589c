import { compile } from '@edgeflow/graph';
import { describe, expect, it } from 'vitest';
import { diagnosticsByNode, fieldDiagnostics, placeDiagnostics } from './diagnostics-map.ts';
import { chainDocument } from './test-document.ts';

describe('placing diagnostics', () => {
  it('puts compile() diagnostics on the node and field they point at', () => {
    const document = chainDocument();
    const broken = {
      ...document,
      nodes: document.nodes.map((node) =>
        node.id === 'llm' ? { ...node, config: { ...node.config, prompt: '{{answer.text}}' } } : node,
      ),
    };
    const placed = placeDiagnostics(broken, compile(broken).diagnostics);
    const onLlm = diagnosticsByNode(placed).get('llm') ?? [];
    expect(onLlm.length).toBeGreaterThan(0);
    expect(fieldDiagnostics(onLlm, '/prompt')[0]).toMatchObject({
      severity: 'error',
      code: 'downstream_reference',
    });
  });

  it('resolves pointers without nodeId, edges, and document-wide problems', () => {
    const placed = placeDiagnostics(chainDocument(), [
      { severity: 'error', code: 'invalid_config', message: 'm', path: '/nodes/1/config/template' },
      { severity: 'warning', code: 'dead_end', message: 'e', path: '/edges/2' },
      { severity: 'error', code: 'missing_answer', message: 'd' },
    ]);
    expect(placed[0]).toMatchObject({ nodeId: 'template', field: '/template' });
    expect(placed[1]).toMatchObject({ nodeId: null, edgeId: 'e3' });
    expect(diagnosticsByNode(placed).get('')?.length).toBe(2);
    expect(fieldDiagnostics(placed, '/temp')).toEqual([]);
  });
});
