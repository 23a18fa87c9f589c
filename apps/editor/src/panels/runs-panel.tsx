import type { RunSummary } from '@edgeflow/api';
import { useCallback, useEffect, useState } from 'react';
import { useEditor } from '../editor/editor-context.tsx';
import { useLanguage } from '../i18n/language-context.tsx';
import { traceFromRecord } from '../run/run-trace.ts';
import { useSession } from '../session/session-context.tsx';
import { errorMessage } from '../ui/error-message.ts';
import { TraceView } from './trace-view.tsx';

/** The app's runs, newest first; one opens as the same per-node trace as a test run (also on the canvas). */
export function RunsPanel() {
  const { t, language } = useLanguage();
  const { client } = useSession();
  const { app, trace, setTrace } = useEditor();
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (from: string | null) => {
      try {
        const page = await client.listRuns(app.id, from ? { cursor: from } : {});
        setRuns((previous) => (from ? [...(previous ?? []), ...page.runs] : page.runs));
        setCursor(page.nextCursor);
      } catch (failure) {
        setError(errorMessage(failure));
      }
    },
    [client, app.id],
  );
  useEffect(() => {
    void load(null);
  }, [load]);

  const open = async (runId: string) => {
    try {
      setTrace(traceFromRecord(await client.getRunAsAdmin(runId)));
      setOpened(runId);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <div className="runs-panel">
      <button type="button" className="small" onClick={() => void load(null)}>
        {t('runs.refresh')}
      </button>
      {error && (
        <p role="alert" className="error-text">
          {t('common.error', { message: error })}
        </p>
      )}
      {runs?.length === 0 && <p className="muted">{t('runs.none')}</p>}
      {runs && runs.length > 0 && (
        <table className="runs-table" aria-label={t('runs.title')}>
          <thead>
            <tr>
              <th>{t('runs.started')}</th>
              <th>{t('runs.status')}</th>
              <th>{t('runs.source')}</th>
              <th>{t('runs.version')}</th>
              <th>{t('runs.time')}</th>
              <th>{t('runs.tokens')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id} data-run-id={run.id} className={opened === run.id ? 'selected' : ''}>
                <td>{new Date(run.startedAt).toLocaleTimeString(language)}</td>
                <td>
                  <span className={`run-badge run-${run.status}`}>{t(`run.status.${run.status}`)}</span>
                </td>
                <td>{run.source}</td>
                <td>{run.version ?? t('runs.draft')}</td>
                <td>{run.elapsedMs === null ? '' : t('run.time', { ms: Math.round(run.elapsedMs) })}</td>
                <td>{run.usage.inputTokens + run.usage.outputTokens}</td>
                <td>
                  <button type="button" className="small" onClick={() => void open(run.id)}>
                    {t('runs.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <button type="button" className="small" onClick={() => void load(cursor)}>
          {t('runs.more')}
        </button>
      )}
      {opened && trace.runId === opened && <TraceView trace={trace} />}
    </div>
  );
}
