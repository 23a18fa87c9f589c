import type { WorkflowDocument } from '@edgeflow/graph';
import { createHistory, type History, record, redo, replace, undo } from './history.ts';

/** The editor's document with its undo history and selection. */
export interface EditorState {
  readonly history: History<WorkflowDocument>;
  readonly selectedNodes: ReadonlySet<string>;
  readonly selectedEdges: ReadonlySet<string>;
  /** Groups keystrokes in one field into one undo step. */
  readonly lastEdit: { readonly key: string; readonly at: number } | null;
  /** Bumped on every change of the document, so autosave knows there is something to save. */
  readonly revision: number;
}

export type EditorAction =
  | { readonly type: 'load'; readonly document: WorkflowDocument }
  /** A change that gets its own undo step (add, delete, connect, paste, layout, drag end). */
  | { readonly type: 'change'; readonly document: WorkflowDocument; readonly select?: readonly string[] }
  /** Typing: consecutive edits with the same key within a second share one undo step. */
  | {
      readonly type: 'edit';
      /** Applied to the document as it is when the edit is processed (edits may arrive in a transition). */
      readonly update: (document: WorkflowDocument) => WorkflowDocument;
      readonly key: string;
      readonly at: number;
    }
  /** A change without an undo step (positions during a drag; the step is recorded at its start). */
  | { readonly type: 'preview'; readonly document: WorkflowDocument }
  /** Ends a run of previews: `before` (the document when it began) becomes one undo step. */
  | { readonly type: 'commit'; readonly before: WorkflowDocument }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'select'; readonly nodes: readonly string[]; readonly edges: readonly string[] };

export function initialEditorState(document: WorkflowDocument): EditorState {
  return {
    history: createHistory(document),
    selectedNodes: new Set(),
    selectedEdges: new Set(),
    lastEdit: null,
    revision: 0,
  };
}

const editGroupMs = 1000;

function existing(
  document: WorkflowDocument,
  selected: ReadonlySet<string>,
  nodes: boolean,
): ReadonlySet<string> {
  const ids = new Set(nodes ? document.nodes.map((node) => node.id) : document.edges.map((edge) => edge.id));
  const kept = [...selected].filter((id) => ids.has(id));
  return kept.length === selected.size ? selected : new Set(kept);
}

function withPresent(
  state: EditorState,
  history: History<WorkflowDocument>,
  lastEdit: EditorState['lastEdit'],
): EditorState {
  if (history === state.history) return state;
  const changed = history.present !== state.history.present;
  return {
    ...state,
    history,
    lastEdit,
    revision: changed ? state.revision + 1 : state.revision,
    selectedNodes: existing(history.present, state.selectedNodes, true),
    selectedEdges: existing(history.present, state.selectedEdges, false),
  };
}

/** The editor's reducer: every document change goes through here, so undo/redo sees all of them. */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'load':
      return initialEditorState(action.document);
    case 'change': {
      const next = withPresent(state, record(state.history, action.document), null);
      return action.select
        ? { ...next, selectedNodes: new Set(action.select), selectedEdges: new Set() }
        : next;
    }
    case 'edit': {
      const last = state.lastEdit;
      const grouped = last !== null && last.key === action.key && action.at - last.at < editGroupMs;
      const history = grouped
        ? replace(state.history, action.update(state.history.present))
        : record(state.history, action.update(state.history.present));
      return withPresent(state, history, { key: action.key, at: action.at });
    }
    case 'preview':
      return withPresent(state, replace(state.history, action.document), null);
    case 'commit': {
      const { history } = state;
      if (action.before === history.present) return state;
      return {
        ...state,
        history: { past: [...history.past, action.before], present: history.present, future: [] },
        lastEdit: null,
      };
    }
    case 'undo':
      return withPresent(state, undo(state.history), null);
    case 'redo':
      return withPresent(state, redo(state.history), null);
    case 'select':
      return { ...state, selectedNodes: new Set(action.nodes), selectedEdges: new Set(action.edges) };
  }
}
