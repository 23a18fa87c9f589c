import type { App, Model } from '@edgeflow/api';
import { useEffect, useState } from 'react';
import { Editor } from '../editor/editor.tsx';
import { useLanguage } from '../i18n/language-context.tsx';
import { useSession } from '../session/session-context.tsx';
import { errorMessage } from '../ui/error-message.ts';
import { PageHeader } from '../ui/page-header.tsx';

/** Loads an app and the configured models, then shows the editor. */
export function EditorPage({ appId }: { appId: string }) {
  const { client } = useSession();
  const { t } = useLanguage();
  const [loaded, setLoaded] = useState<{ app: App; models: Model[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([client.getApp(appId), client.listModels()]).then(
      ([app, { models }]) => setLoaded({ app, models }),
      (failure: unknown) => setError(errorMessage(failure)),
    );
  }, [client, appId]);
  if (loaded) return <Editor app={loaded.app} models={loaded.models} />;
  return (
    <div className="page">
      <PageHeader />
      <main className="apps-page">
        {error ? (
          <p role="alert" className="error-text">
            {t('common.error', { message: error })}
          </p>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </main>
    </div>
  );
}
