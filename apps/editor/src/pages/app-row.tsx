import type { App } from '@edgeflow/api';
import { type FormEvent, useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { useSession } from '../session/session-context.tsx';
import { errorMessage } from '../ui/error-message.ts';
import { navigate } from '../ui/use-path.ts';

export function AppRow({
  app,
  onChanged,
  onError,
}: {
  app: App;
  onChanged: () => void;
  onError: (message: string) => void;
}) {
  const { client } = useSession();
  const { t, language } = useLanguage();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [name, setName] = useState(app.name);
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      onChanged();
    } catch (failure) {
      onError(errorMessage(failure));
    }
  };
  const rename = (event: FormEvent) => {
    event.preventDefault();
    setRenaming(false);
    void run(() => client.updateApp(app.id, { name: name.trim() }));
  };
  return (
    <li className="card app-row" data-app-id={app.id}>
      {renaming ? (
        <form onSubmit={rename} className="row">
          <input aria-label={t('apps.name')} value={name} onChange={(event) => setName(event.target.value)} />
          <button type="submit">{t('common.save')}</button>
          <button type="button" onClick={() => setRenaming(false)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <a
          href={`/apps/${encodeURIComponent(app.id)}`}
          className="app-name"
          onClick={(event) => {
            event.preventDefault();
            navigate(`/apps/${encodeURIComponent(app.id)}`);
          }}
        >
          {app.name}
        </a>
      )}
      <span className="badge">{t(app.mode === 'chat' ? 'apps.mode.chat' : 'apps.mode.workflow')}</span>
      <span className="muted">
        {app.publishedVersion
          ? t('apps.published', { version: app.publishedVersion })
          : t('apps.unpublished')}
      </span>
      <span className="muted">
        {t('apps.updated', { time: new Date(app.updatedAt).toLocaleString(language) })}
      </span>
      <span className="row end">
        <button
          type="button"
          onClick={() => setRenaming(true)}
          aria-label={`${t('apps.rename')} ${app.name}`}
        >
          {t('apps.rename')}
        </button>
        {confirming ? (
          <>
            <span role="alert">{t('apps.confirmDelete', { name: app.name })}</span>
            <button type="button" className="danger" onClick={() => void run(() => client.deleteApp(app.id))}>
              {t('apps.delete')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            aria-label={`${t('apps.delete')} ${app.name}`}
          >
            {t('apps.delete')}
          </button>
        )}
      </span>
    </li>
  );
}
