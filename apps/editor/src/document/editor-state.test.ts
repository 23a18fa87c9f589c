import { describe, expect, it } from 'vitest';
import { editorReducer, initialEditorState } from './editor-state.ts';
import { moveNodes, removeElements, updateNodeConfig } from './graph-edits.ts';
import { chainDocument } from './test-document.ts';

describe('editor state', () => {
  it('groups keystrokes in one field into one undo step', () => {
    const start = chainDocument();
    let state = initialEditorState(start);
    const typed = (text: string, at: number) =>
      editorReducer(state, {
        type: 'edit',
        key: 'template/template',
        at,
        update: (document) => updateNodeConfig(document, 'template', { template: text }),
      });
    state = typed('a', 0);
    state = typed('ab', 200);
    state = typed('abc', 1500);
    expect(state.revision).toBe(3);
    state = editorReducer(state, { type: 'undo' });
    expect(state.history.present.nodes[1]?.config.template).toBe('ab');
    state = editorReducer(state, { type: 'undo' });
    expect(state.history.present).toBe(start);
  });

  it('turns a drag (previews) into one undo step', () => {
    const before = chainDocument();
    let state = initialEditorState(before);
    for (const x of [1, 2, 3])
      state = editorReducer(state, {
        type: 'preview',
        document: moveNodes(state.history.present, new Map([['llm', { x, y: 0 }]])),
      });
    state = editorReducer(state, { type: 'commit', before });
    expect(state.history.past).toEqual([before]);
    expect(editorReducer(state, { type: 'undo' }).history.present).toBe(before);
  });

  it('drops deleted nodes from the selection', () => {
    let state = editorReducer(initialEditorState(chainDocument()), {
      type: 'select',
      nodes: ['llm', 'answer'],
      edges: ['e3'],
    });
    state = editorReducer(state, {
      type: 'change',
      document: removeElements(state.history.present, new Set(['llm'])),
    });
    expect([...state.selectedNodes]).toEqual(['answer']);
    expect([...state.selectedEdges]).toEqual([]);
    state = editorReducer(state, { type: 'redo' });
    expect(state.history.present.nodes).toHaveLength(3);
  });
});
