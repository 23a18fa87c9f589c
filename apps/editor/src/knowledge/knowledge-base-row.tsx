import type { KnowledgeBase } from '@edgeflow/api';
import { type FormEvent, useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { useSession } from '../session/session-context.tsx';
import { navigate } from '../ui/use-path.ts';

export const knowledgeBasePath = (id: string) => `/knowledge-bases/${encodeURIComponent(id)}`;

/** One knowledge base in the list: open, rename, delete (after a confirmation). */
export function KnowledgeBaseRow({
  base,
  onChanged,
  onError,
}: {
  base: KnowledgeBase;
  onChanged: () => void;
  onError: (error: unknown) => void;
}) {
  const { client } = useSession();
  const { t } = useLanguage();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [name, setName] = useState(base.name);
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      onChanged();
    } catch (failure) {
      onError(failure);
    }
  };
  const rename = (event: FormEvent) => {
    event.preventDefault();
    setRenaming(false);
    void run(() => client.updateKnowledgeBase(base.id, { name: name.trim() }));
  };
  return (
    <li className="card app-row" data-kb-id={base.id}>
      {renaming ? (
        <form onSubmit={rename} className="row">
          <input aria-label={t('kb.name')} value={name} onChange={(event) => setName(event.target.value)} />
          <button type="submit" disabled={name.trim() === ''}>
            {t('common.save')}
          </button>
          <button type="button" onClick={() => setRenaming(false)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <a
          href={knowledgeBasePath(base.id)}
          className="app-name"
          onClick={(event) => {
            event.preventDefault();
            navigate(knowledgeBasePath(base.id));
          }}
        >
          {base.name}
        </a>
      )}
      <span className="muted">
        {t('kb.counts', { documents: base.documentCount, chunks: base.chunkCount })}
      </span>
      <span className="badge">{t('kb.chunkingBadge', base.chunking)}</span>
      <span className="badge">{base.embeddingModel ?? t('kb.keywordOnly')}</span>
      <span className="row end">
        <button type="button" onClick={() => setRenaming(true)} aria-label={`${t('kb.rename')} ${base.name}`}>
          {t('kb.rename')}
        </button>
        {confirming ? (
          <>
            <span role="alert">{t('kb.confirmDelete', { name: base.name })}</span>
            <button
              type="button"
              className="danger"
              onClick={() => void run(() => client.deleteKnowledgeBase(base.id))}
            >
              {t('kb.delete')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            aria-label={`${t('kb.delete')} ${base.name}`}
          >
            {t('kb.delete')}
          </button>
        )}
      </span>
    </li>
  );
}
