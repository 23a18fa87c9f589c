import type { KnowledgeDocument } from '@edgeflow/api';
import { useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { useSession } from '../session/session-context.tsx';
import { formatBytes } from './explain-error.ts';

function DocumentRow({
  kbId,
  document,
  onChanged,
  onError,
}: {
  kbId: string;
  document: KnowledgeDocument;
  onChanged: () => void;
  onError: (error: unknown) => void;
}) {
  const { client } = useSession();
  const { t, language } = useLanguage();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      onChanged();
    } catch (failure) {
      onError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr data-document-id={document.id} data-status={document.status}>
      <td className="kb-doc-title">{document.title}</td>
      <td>{document.type}</td>
      <td>
        <span className={`kb-status kb-status-${document.status}`}>{t(`kb.status.${document.status}`)}</span>
        {document.error && (
          <span className="error-text small" title={document.error.code}>
            {' '}
            {document.error.message}
          </span>
        )}
      </td>
      <td className="number">{document.chunkCount}</td>
      <td className="number">{document.textBytes === undefined ? '—' : formatBytes(document.textBytes)}</td>
      <td className="kb-source">
        {document.sourceUrl ? (
          <a href={document.sourceUrl} target="_blank" rel="noreferrer noopener">
            {document.sourceUrl}
          </a>
        ) : (
          t('kb.source.upload')
        )}
      </td>
      <td className="small muted">{new Date(document.createdAt).toLocaleString(language)}</td>
      <td className="kb-actions">
        <button
          type="button"
          className="small"
          disabled={busy}
          aria-label={`${t('kb.reindex')} ${document.title}`}
          onClick={() => void run(() => client.reindexDocument(kbId, document.id))}
        >
          {t('kb.reindex')}
        </button>
        {confirming ? (
          <>
            <button
              type="button"
              className="small danger"
              disabled={busy}
              aria-label={t('kb.confirmDeleteDocument', { name: document.title })}
              onClick={() => void run(() => client.deleteDocument(kbId, document.id))}
            >
              {t('kb.deleteConfirm')}
            </button>
            <button type="button" className="small" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="small"
            aria-label={`${t('kb.delete')} ${document.title}`}
            onClick={() => setConfirming(true)}
          >
            {t('kb.delete')}
          </button>
        )}
      </td>
    </tr>
  );
}

/** The documents of a base with their status, chunk count, size and source. */
export function DocumentsTable({
  kbId,
  documents,
  onChanged,
  onError,
}: {
  kbId: string;
  documents: readonly KnowledgeDocument[];
  onChanged: () => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useLanguage();
  return (
    <section className="card" aria-label={t('kb.documents')}>
      <h2>{t('kb.documents')}</h2>
      {documents.length === 0 ? (
        <p className="muted">{t('kb.noDocuments')}</p>
      ) : (
        <div className="kb-table-wrap">
          <table className="kb-documents" aria-label={t('kb.documents')}>
            <thead>
              <tr>
                <th>{t('kb.column.title')}</th>
                <th>{t('kb.column.type')}</th>
                <th>{t('kb.column.status')}</th>
                <th>{t('kb.column.chunks')}</th>
                <th title={t('kb.column.sizeHelp')}>{t('kb.column.size')}</th>
                <th>{t('kb.column.source')}</th>
                <th>{t('kb.column.added')}</th>
                <th>
                  <span className="visually-hidden">{t('kb.column.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {documents.map((document) => (
                <DocumentRow
                  key={document.id}
                  kbId={kbId}
                  document={document}
                  onChanged={onChanged}
                  onError={onError}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
