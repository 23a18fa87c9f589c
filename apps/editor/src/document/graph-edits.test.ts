import { compile } from '@edgeflow/graph';
import { describe, expect, it } from 'vitest';
import {
  addNode,
  connectNodes,
  moveNodes,
  removeElements,
  uniqueNodeId,
  updateNodeConfig,
  updateNodeTitle,
} from './graph-edits.ts';
import { chainDocument } from './test-document.ts';

describe('graph edits', () => {
  it('adds a node of a kind with its default config under a fresh id', () => {
    const { document, nodeId } = addNode(chainDocument(), 'llm', { x: 10, y: 20 });
    expect(nodeId).toBe('llm_2');
    const node = document.nodes.find((entry) => entry.id === 'llm_2');
    expect(node).toMatchObject({ type: 'llm', position: { x: 10, y: 20 }, config: { model: 'local:echo' } });
  });

  it('never hands out a reserved or taken id', () => {
    const document = chainDocument();
    expect(uniqueNodeId(document, 'sys')).toBe('sys_2');
    expect(uniqueNodeId(document, 'start', new Set(['start_2']))).toBe('start_3');
    expect(uniqueNodeId(document, 'bad id')).toBe('node');
  });

  it('removes nodes with their edges, and edges alone', () => {
    const withoutLlm = removeElements(chainDocument(), new Set(['llm']));
    expect(withoutLlm.nodes.map((node) => node.id)).toEqual(['start', 'template', 'answer']);
    expect(withoutLlm.edges.map((edge) => edge.id)).toEqual(['e1']);
    expect(removeElements(chainDocument(), new Set(), new Set(['e2'])).edges.map((edge) => edge.id)).toEqual([
      'e1',
      'e3',
    ]);
  });

  it('moves only the named nodes and keeps the others identical', () => {
    const before = chainDocument();
    const after = moveNodes(before, new Map([['llm', { x: 1, y: 2 }]]));
    expect(after.nodes[2]?.position).toEqual({ x: 1, y: 2 });
    expect(after.nodes[0]).toBe(before.nodes[0]);
  });

  it('connects through a named port and leaves the default port implicit', () => {
    const connected = connectNodes(chainDocument(), { source: 'start', target: 'answer' });
    expect(connected.edges.at(-1)).toEqual({ id: 'e_start_answer', source: 'start', target: 'answer' });
    const routed = connectNodes(connected, { source: 'start', target: 'answer', sourceHandle: 'error' });
    expect(routed.edges.at(-1)).toMatchObject({ id: 'e_start_answer_2', sourceHandle: 'error' });
  });

  it('updates a config and a title; the edited chain still compiles', () => {
    let document = updateNodeConfig(chainDocument(), 'template', { template: 'Say: {{start.query}}' });
    document = updateNodeTitle(document, 'template', 'Prompt');
    expect(document.nodes[1]).toMatchObject({
      title: 'Prompt',
      config: { template: 'Say: {{start.query}}' },
    });
    expect(updateNodeTitle(document, 'template', ' ').nodes[1]).not.toHaveProperty('title');
    expect(compile(document).ok).toBe(true);
  });
});
