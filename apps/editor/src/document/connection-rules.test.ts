import { compile, type WorkflowDocument } from '@edgeflow/graph';
import { describe, expect, it } from 'vitest';
import { checkConnection } from './connection-rules.ts';
import { connectNodes } from './graph-edits.ts';
import { chainDocument } from './test-document.ts';

function withCondition(): WorkflowDocument {
  const document = chainDocument();
  return {
    ...document,
    nodes: [
      ...document.nodes,
      {
        id: 'check',
        type: 'condition',
        position: { x: 0, y: 200 },
        config: { cases: [{ id: 'long', rules: [{ left: '{{start.query}}', operator: 'isNotEmpty' }] }] },
      },
    ],
  };
}

describe('checkConnection', () => {
  it('accepts a forward edge from an existing port', () => {
    expect(checkConnection(chainDocument(), { source: 'start', target: 'llm' })).toEqual({ ok: true });
    expect(
      checkConnection(withCondition(), { source: 'check', sourceHandle: 'else', target: 'answer' }),
    ).toEqual({ ok: true });
  });

  it('refuses a cycle and says which way it would close', () => {
    const check = checkConnection(chainDocument(), { source: 'answer', target: 'template' });
    expect(check).toMatchObject({
      ok: false,
      reason: 'cycle',
      params: { source: 'answer', target: 'template' },
    });
    const withEdge = connectNodes(chainDocument(), { source: 'answer', target: 'template' });
    expect(compile(withEdge).diagnostics.map((diagnostic) => diagnostic.code)).toContain('cycle');
  });

  it('refuses edges into start, onto itself, from a port the node lacks, or twice', () => {
    expect(checkConnection(chainDocument(), { source: 'llm', target: 'start' })).toMatchObject({
      reason: 'no_input',
    });
    expect(checkConnection(chainDocument(), { source: 'llm', target: 'llm' })).toMatchObject({
      reason: 'self_loop',
    });
    expect(
      checkConnection(withCondition(), { source: 'check', sourceHandle: 'out', target: 'answer' }),
    ).toMatchObject({
      reason: 'unknown_port',
      params: { ports: 'long, else' },
    });
    expect(
      checkConnection(chainDocument(), { source: 'llm', sourceHandle: 'error', target: 'answer' }),
    ).toMatchObject({ reason: 'unknown_port' });
    expect(checkConnection(chainDocument(), { source: 'start', target: 'template' })).toMatchObject({
      reason: 'duplicate',
    });
    expect(checkConnection(chainDocument(), { source: 'nope', target: 'template' })).toMatchObject({
      reason: 'unknown_node',
    });
    expect(
      checkConnection(chainDocument(), { source: 'start', target: 'llm', targetHandle: 'out' }),
    ).toMatchObject({ reason: 'no_input' });
  });

  it('offers the error port once failures route', () => {
    const document = chainDocument();
    const routed = {
      ...document,
      nodes: document.nodes.map((node) =>
        node.id === 'llm' ? { ...node, config: { ...node.config, onError: 'route' } } : node,
      ),
    };
    expect(checkConnection(routed, { source: 'llm', sourceHandle: 'error', target: 'answer' })).toEqual({
      ok: true,
    });
  });
});
