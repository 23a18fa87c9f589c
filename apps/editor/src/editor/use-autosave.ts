import type { DiagnosticBody, EdgeflowClient } from '@edgeflow/api';
import type { WorkflowDocument } from '@edgeflow/graph';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../ui/error-message.ts';

export type SaveStatus =
  | { readonly state: 'saved' | 'saving' }
  | { readonly state: 'failed'; readonly message: string };

const debounceMs = 400;

/**
 * Saves the draft (`PUT /api/apps/{id}/draft`) shortly after each change and keeps the diagnostics it
 * answers. Saves never overlap, and `flush()` resolves once what is on screen is saved (before a run or publish).
 */
export function useAutosave(
  client: EdgeflowClient,
  appId: string,
  document: WorkflowDocument,
  revision: number,
) {
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved' });
  const [diagnostics, setAll] = useState<readonly DiagnosticBody[]>([]);
  // Most saves answer what the last one did (often nothing): keeping the same array then spares every
  // part of the page that derives from it (the canvas's 500 nodes included) a render.
  const setDiagnostics = useCallback(
    (next: readonly DiagnosticBody[]) =>
      setAll((previous) => (JSON.stringify(previous) === JSON.stringify(next) ? previous : next)),
    [],
  );
  const latest = useRef({ document, revision });
  latest.current = { document, revision };
  const saved = useRef(0);
  const chain = useRef<Promise<void>>(Promise.resolve());

  const save = useCallback((): Promise<void> => {
    chain.current = chain.current.then(async () => {
      const { document: current, revision: target } = latest.current;
      if (target === saved.current) return;
      setStatus({ state: 'saving' });
      try {
        const answer = await client.saveDraft(appId, current);
        saved.current = target;
        setDiagnostics(answer.diagnostics);
        setStatus(latest.current.revision === target ? { state: 'saved' } : { state: 'saving' });
      } catch (failure) {
        setStatus({ state: 'failed', message: errorMessage(failure) });
      }
    });
    return chain.current;
  }, [client, appId, setDiagnostics]);

  useEffect(() => {
    if (revision === saved.current) return;
    setStatus({ state: 'saving' });
    const timer = setTimeout(() => void save(), debounceMs);
    return () => clearTimeout(timer);
  }, [revision, save]);

  // The loaded draft was saved by someone before; ask for its diagnostics once, after the canvas is drawn
  // (the answer can only add marks to nodes, so it need not compete with the first paint).
  useEffect(() => {
    let cancelled = false;
    const ask = () => {
      if (cancelled) return;
      client.validateGraph(latest.current.document).then(
        (answer) => {
          if (saved.current === 0 && latest.current.revision === 0) setDiagnostics(answer.diagnostics);
        },
        () => undefined,
      );
    };
    if ('requestIdleCallback' in window) window.requestIdleCallback(ask, { timeout: 2000 });
    else setTimeout(ask, 200);
    return () => {
      cancelled = true;
    };
  }, [client, setDiagnostics]);

  return { status, diagnostics, setDiagnostics, flush: save };
}
