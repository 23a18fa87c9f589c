import type { KnowledgeBase } from '@edgeflow/api';
import { useLanguage } from '../i18n/language-context.tsx';
import { useSession } from '../session/session-context.tsx';
import { ManagedRow } from '../ui/managed-row.tsx';

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
  return (
    <ManagedRow
      name={base.name}
      href={knowledgeBasePath(base.id)}
      data={{ 'data-kb-id': base.id }}
      text={{
        nameLabel: t('kb.name'),
        rename: t('kb.rename'),
        delete: t('kb.delete'),
        confirmDelete: t('kb.confirmDelete', { name: base.name }),
      }}
      onRename={(name) => client.updateKnowledgeBase(base.id, { name })}
      onDelete={() => client.deleteKnowledgeBase(base.id)}
      onChanged={onChanged}
      onError={onError}
    >
      <span className="muted">
        {t('kb.counts', { documents: base.documentCount, chunks: base.chunkCount })}
      </span>
      <span className="badge">{t('kb.chunkingBadge', base.chunking)}</span>
      <span className="badge">{base.embeddingModel ?? t('kb.keywordOnly')}</span>
    </ManagedRow>
  );
}
