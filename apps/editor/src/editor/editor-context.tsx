import type { App, DiagnosticBody, Model } from '@edgeflow/api';
import type { WorkflowDocument } from '@edgeflow/graph';
import { createContext, type Dispatch, useContext } from 'react';
import type { PlacedDiagnostic } from '../document/diagnostics-map.ts';
import type { EditorAction, EditorState } from '../document/editor-state.ts';
import type { RunTrace } from '../run/run-trace.ts';

/** What every part of the editor page shares. */
export interface EditorContextValue {
  readonly app: App;
  readonly models: readonly Model[];
  readonly state: EditorState;
  readonly document: WorkflowDocument;
  readonly dispatch: Dispatch<EditorAction>;
  readonly problems: readonly PlacedDiagnostic[];
  readonly problemsByNode: ReadonlyMap<string, readonly PlacedDiagnostic[]>;
  readonly setServerDiagnostics: (diagnostics: readonly DiagnosticBody[]) => void;
  readonly trace: RunTrace;
  readonly setTrace: Dispatch<RunTrace | ((previous: RunTrace) => RunTrace)>;
  /** Saves what is on screen now; resolves when the server has it. */
  readonly flush: () => Promise<void>;
  /** Selects a node and brings it into view. */
  readonly focusNode: (nodeId: string) => void;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor() outside the editor page');
  return value;
}
