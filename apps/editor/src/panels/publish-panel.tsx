import type { AppVersion, DiagnosticBody } from '@edgeflow/api';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useEditor } from '../editor/editor-context.tsx';
import { useLanguage } from '../i18n/language-context.tsx';
import { useSession } from '../session/session-context.tsx';
import { errorMessage } from '../ui/error-message.ts';
import { errorDiagnostics } from './error-diagnostics.ts';

/** Publishes the draft with a note and lists the versions. */
export function PublishPanel() {
  const { t, language } = useLanguage();
  const { client } = useSession();
  const { app, flush, setServerDiagnostics, focusNode } = useEditor();
  const [note, setNote] = useState('');
  const [versions, setVersions] = useState<AppVersion[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [refused, setRefused] = useState<DiagnosticBody[]>([]);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    setVersions((await client.listVersions(app.id)).versions);
  }, [client, app.id]);
  useEffect(() => {
    refresh().catch((failure: unknown) => setMessage(errorMessage(failure)));
  }, [refresh]);

  const publish = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    setRefused([]);
    try {
      await flush();
      const published = await client.publish(app.id, note.trim() === '' ? {} : { note: note.trim() });
      setNote('');
      await refresh();
      setMessage(t('publish.done', { version: published.version }));
    } catch (failure) {
      const diagnostics = errorDiagnostics(failure);
      if (diagnostics) {
        setRefused(diagnostics.filter((entry) => entry.severity === 'error'));
        setServerDiagnostics(diagnostics);
      } else setMessage(t('common.error', { message: errorMessage(failure) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="publish-panel">
      <form onSubmit={publish} aria-label={t('publish.title')}>
        <label>
          {t('publish.note')}
          <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={1000} />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t('publish.submit')}
        </button>
      </form>
      {message && <p role="status">{message}</p>}
      {refused.length > 0 && (
        <div role="alert" className="error-text">
          {t('publish.refused')}
          <ul>
            {refused.map((entry, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: diagnostics have no id
              <li key={index}>
                {entry.nodeId && (
                  <button type="button" className="link" onClick={() => focusNode(entry.nodeId ?? '')}>
                    {entry.nodeId}
                  </button>
                )}{' '}
                {entry.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3>{t('publish.versions')}</h3>
      {versions?.length === 0 && <p className="muted">{t('publish.noVersions')}</p>}
      <ol className="version-list" aria-label={t('publish.versions')}>
        {versions?.map((version) => (
          <li key={version.version}>
            <strong>v{version.version}</strong>{' '}
            <span className="muted">{new Date(version.createdAt).toLocaleString(language)}</span>
            {version.note && <> — {version.note}</>}
          </li>
        ))}
      </ol>
    </div>
  );
}
