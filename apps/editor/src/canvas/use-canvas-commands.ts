import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { type Clipboard, copyNodes, pasteNodes } from '../document/clipboard.ts';
import { moveNodes, removeElements } from '../document/graph-edits.ts';
import { exportDocument, importDocument } from '../document/import-document.ts';
import { layoutDocument } from '../document/layout.ts';
import { useEditor } from '../editor/editor-context.tsx';
import { useLanguage } from '../i18n/language-context.tsx';

export interface CanvasCommands {
  undo(): void;
  redo(): void;
  deleteSelection(): void;
  copy(): void;
  paste(): void;
  layout(): Promise<void>;
  fitView(): void;
  exportJson(): void;
  importJson(file: File): Promise<void>;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The canvas's commands, shared by the toolbar and the keyboard shortcuts. */
export function useCanvasCommands(setNotice: (message: string | null) => void): CanvasCommands {
  const editor = useEditor();
  const { t } = useLanguage();
  const flow = useReactFlow();
  const latest = useRef(editor);
  latest.current = editor;
  const clipboard = useRef<Clipboard | null>(null);
  const pastes = useRef(0);

  const commands = useMemo<CanvasCommands>(
    () => ({
      undo: () => latest.current.dispatch({ type: 'undo' }),
      redo: () => latest.current.dispatch({ type: 'redo' }),
      deleteSelection() {
        const { document, state, dispatch } = latest.current;
        dispatch({
          type: 'change',
          document: removeElements(document, state.selectedNodes, state.selectedEdges),
        });
      },
      copy() {
        const { document, state } = latest.current;
        if (state.selectedNodes.size === 0) return;
        clipboard.current = copyNodes(document, state.selectedNodes);
        pastes.current = 0;
      },
      paste() {
        if (!clipboard.current) return;
        pastes.current += 1;
        const shift = 40 * pastes.current;
        const pasted = pasteNodes(latest.current.document, clipboard.current, { x: shift, y: shift });
        latest.current.dispatch({ type: 'change', document: pasted.document, select: pasted.nodeIds });
      },
      async layout() {
        const before = latest.current.document;
        const positions = await layoutDocument(before);
        latest.current.dispatch({ type: 'change', document: moveNodes(latest.current.document, positions) });
        requestAnimationFrame(() => void flow.fitView({ duration: 200 }));
      },
      fitView: () => void flow.fitView({ duration: 200 }),
      exportJson() {
        const { document } = latest.current;
        const blob = new Blob([exportDocument(document)], { type: 'application/json' });
        const link = window.document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = `${latest.current.app.id}.json`;
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 1000);
      },
      async importJson(file) {
        const result = importDocument(await file.text());
        if (!result.ok) {
          const lines = result.diagnostics.map(
            (entry) => `${entry.nodeId ? `${entry.nodeId}: ` : ''}${entry.message}`,
          );
          setNotice(`${t('toolbar.importRefused')} ${lines.join(' · ')}`);
          return;
        }
        setNotice(null);
        latest.current.dispatch({ type: 'change', document: result.document });
        requestAnimationFrame(() => void flow.fitView());
      },
    }),
    [flow, setNotice, t],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const run = (command: () => unknown) => {
        event.preventDefault();
        void command();
      };
      if (key === 'delete' || key === 'backspace') run(commands.deleteSelection);
      else if (mod && key === 'z' && event.shiftKey) run(commands.redo);
      else if (mod && (key === 'z' || key === 'y')) run(key === 'z' ? commands.undo : commands.redo);
      else if (mod && key === 'c') run(commands.copy);
      else if (mod && key === 'v') run(commands.paste);
      else if (!mod && !event.altKey && key === 'l') run(commands.layout);
      else if (!mod && !event.altKey && key === 'f') run(commands.fitView);
    },
    [commands],
  );

  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onKeyDown]);

  return commands;
}
