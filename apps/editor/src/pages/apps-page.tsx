import type { App, Template } from '@edgeflow/api';
import { useCallback, useEffect, useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { useSession } from '../session/session-context.tsx';
import { errorMessage } from '../ui/error-message.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { navigate } from '../ui/use-path.ts';
import { AppRow } from './app-row.tsx';
import { CreateAppForm } from './create-app-form.tsx';

/** The signed-in person's apps: create (template or blank), open, rename, delete. */
export function AppsPage() {
  const { client } = useSession();
  const { t } = useLanguage();
  const [apps, setApps] = useState<App[] | null>(null);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setApps((await client.listApps()).apps);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [client]);

  useEffect(() => {
    void refresh();
    client.listTemplates().then(
      (answer) => setTemplates(answer.templates),
      (failure: unknown) => setError(errorMessage(failure)),
    );
  }, [client, refresh]);

  return (
    <div className="page">
      <PageHeader>
        <a
          href="/knowledge-bases"
          className="header-link"
          onClick={(event) => {
            event.preventDefault();
            navigate('/knowledge-bases');
          }}
        >
          {t('kb.nav')}
        </a>
      </PageHeader>
      <main className="apps-page">
        <h1>{t('apps.title')}</h1>
        <CreateAppForm
          templates={templates}
          onCreated={(app) => navigate(`/apps/${encodeURIComponent(app.id)}`)}
          onError={setError}
        />
        {error && (
          <p role="alert" className="error-text">
            {t('common.error', { message: error })}
          </p>
        )}
        {apps === null ? (
          <p className="muted">{t('common.loading')}</p>
        ) : apps.length === 0 ? (
          <p className="muted">{t('apps.empty')}</p>
        ) : (
          <ul className="app-list" aria-label={t('apps.title')}>
            {apps.map((app) => (
              <AppRow key={app.id} app={app} onChanged={refresh} onError={setError} />
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
