import type { KnowledgeBase, Model } from '@edgeflow/api';
import { useCallback, useEffect, useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { ApiErrorMessage } from '../knowledge/api-error-message.tsx';
import { CreateKnowledgeBaseForm } from '../knowledge/create-knowledge-base-form.tsx';
import { type ExplainedError, explainError } from '../knowledge/explain-error.ts';
import { KnowledgeBaseRow, knowledgeBasePath } from '../knowledge/knowledge-base-row.tsx';
import { useSession } from '../session/session-context.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { navigate } from '../ui/use-path.ts';

/** The knowledge bases: create (name, chunking, embedding model), open, rename, delete. */
export function KnowledgeBasesPage() {
  const { client } = useSession();
  const { t } = useLanguage();
  const [bases, setBases] = useState<KnowledgeBase[] | null>(null);
  const [models, setModels] = useState<Model[]>([]);
  const [error, setError] = useState<ExplainedError | null>(null);
  const fail = useCallback((failure: unknown) => setError(explainError(failure)), []);

  const refresh = useCallback(async () => {
    try {
      setBases((await client.listKnowledgeBases()).knowledgeBases);
    } catch (failure) {
      fail(failure);
    }
  }, [client, fail]);

  useEffect(() => {
    void refresh();
    client.listModels().then((answer) => setModels(answer.models), fail);
  }, [client, refresh, fail]);

  return (
    <div className="page">
      <PageHeader>
        <button type="button" onClick={() => navigate('/')}>
          ← {t('apps.back')}
        </button>
      </PageHeader>
      <main className="apps-page">
        <h1>{t('kb.title')}</h1>
        <p className="muted">{t('kb.intro')}</p>
        <CreateKnowledgeBaseForm
          models={models}
          onCreated={(base) => navigate(knowledgeBasePath(base.id))}
          onError={fail}
        />
        {error && <ApiErrorMessage error={error} onDismiss={() => setError(null)} />}
        {bases === null ? (
          <p className="muted">{t('common.loading')}</p>
        ) : bases.length === 0 ? (
          <p className="muted">{t('kb.empty')}</p>
        ) : (
          <ul className="app-list" aria-label={t('kb.title')}>
            {bases.map((base) => (
              <KnowledgeBaseRow key={base.id} base={base} onChanged={refresh} onError={fail} />
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
