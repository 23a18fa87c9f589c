import type { App, Model } from '@edgeflow/api';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useMemo, useReducer, useRef, useState } from 'react';
import { Canvas, type CanvasHandle } from '../canvas/canvas.tsx';
import { Palette } from '../canvas/palette.tsx';
import { diagnosticsByNode, placeDiagnostics } from '../document/diagnostics-map.ts';
import { editorReducer, initialEditorState } from '../document/editor-state.ts';
import { Inspector } from '../inspector/inspector.tsx';
import { SidePanel } from '../panels/side-panel.tsx';
import { idleTrace, type RunTrace } from '../run/run-trace.ts';
import { useSession } from '../session/session-context.tsx';
import { EditorContext, type EditorContextValue } from './editor-context.tsx';
import { EditorHeader } from './editor-header.tsx';
import { useAutosave } from './use-autosave.ts';

/** The editor of one app: palette, canvas, inspector and the run/publish/endpoints/runs panels. */
export function Editor({ app, models }: { app: App; models: readonly Model[] }) {
  const { client } = useSession();
  const [state, dispatch] = useReducer(editorReducer, app.draft, initialEditorState);
  const document = state.history.present;
  const autosave = useAutosave(client, app.id, document, state.revision);
  const [trace, setTrace] = useState<RunTrace>(idleTrace);
  const canvas = useRef<CanvasHandle>(null);

  const problems = useMemo(
    () => placeDiagnostics(document, autosave.diagnostics),
    [document, autosave.diagnostics],
  );
  const problemsByNode = useMemo(() => diagnosticsByNode(problems), [problems]);
  const focusNode = useCallback((nodeId: string) => {
    dispatch({ type: 'select', nodes: [nodeId], edges: [] });
    canvas.current?.reveal(nodeId);
  }, []);

  const value: EditorContextValue = {
    app,
    models,
    state,
    document,
    dispatch,
    problems,
    problemsByNode,
    setServerDiagnostics: autosave.setDiagnostics,
    trace,
    setTrace,
    flush: autosave.flush,
    focusNode,
  };

  return (
    <EditorContext.Provider value={value}>
      <ReactFlowProvider>
        <div className="editor">
          <EditorHeader status={autosave.status} />
          <div className="editor-body">
            <Palette />
            <Canvas ref={canvas} />
            <aside className="editor-side">
              <Inspector />
              <SidePanel />
            </aside>
          </div>
        </div>
      </ReactFlowProvider>
    </EditorContext.Provider>
  );
}
