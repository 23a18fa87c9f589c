import type { KnowledgeBase, KnowledgeDocument, Model } from '@edgeflow/api';
import { useCallback, useEffect, useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { AddDocuments } from '../knowledge/add-documents.tsx';
import { ApiErrorMessage } from '../knowledge/api-error-message.tsx';
import { ChunkingSettings } from '../knowledge/chunking-settings.tsx';
import { DocumentsTable } from '../knowledge/documents-table.tsx';
import { type ExplainedError, explainError } from '../knowledge/explain-error.ts';
import { QueryPanel } from '../knowledge/query-panel.tsx';
import { useSession } from '../session/session-context.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { navigate } from '../ui/use-path.ts';

/** One knowledge base: its documents (add, delete, re-index), its chunking, and a query to try. */
export function KnowledgeBasePage({ kbId }: { kbId: string }) {
  const { client } = useSession();
  const { t } = useLanguage();
  const [base, setBase] = useState<KnowledgeBase | null>(null);
  const [documents, setDocuments] = useState<KnowledgeDocument[] | null>(null);
  const [models, setModels] = useState<Model[]>([]);
  const [error, setError] = useState<ExplainedError | null>(null);
  const fail = useCallback((failure: unknown) => setError(explainError(failure)), []);

  /** Reloads the base (its counts) and its documents after anything changed them. */
  const refresh = useCallback(async () => {
    try {
      const [nextBase, list] = await Promise.all([client.getKnowledgeBase(kbId), client.listDocuments(kbId)]);
      setBase(nextBase);
      setDocuments(list.documents);
    } catch (failure) {
      fail(failure);
    }
  }, [client, kbId, fail]);

  useEffect(() => {
    void refresh();
    client.listModels().then((answer) => setModels(answer.models), fail);
  }, [client, refresh, fail]);

  return (
    <div className="page">
      <PageHeader>
        <button type="button" onClick={() => navigate('/knowledge-bases')}>
          ← {t('kb.back')}
        </button>
        {base && <h1 className="app-title">{base.name}</h1>}
        {base && (
          <span className="muted small" role="status" aria-label={t('kb.summary')}>
            {t('kb.counts', { documents: base.documentCount, chunks: base.chunkCount })}
          </span>
        )}
      </PageHeader>
      <main className="kb-page">
        {error && <ApiErrorMessage error={error} onDismiss={() => setError(null)} />}
        {base === null || documents === null ? (
          !error && <p className="muted">{t('common.loading')}</p>
        ) : (
          <>
            <div className="kb-main">
              <AddDocuments kbId={kbId} onAdded={refresh} />
              <DocumentsTable kbId={kbId} documents={documents} onChanged={refresh} onError={fail} />
            </div>
            <div className="kb-side">
              <ChunkingSettings base={base} models={models} onChanged={refresh} />
              <QueryPanel base={base} documents={documents} />
            </div>
          </>
        )}
      </main>
    </div>
  );
}
