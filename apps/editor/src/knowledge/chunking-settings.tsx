import type { KnowledgeBase, Model } from '@edgeflow/api';
import { type FormEvent, useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { useSession } from '../session/session-context.tsx';
import { ApiErrorMessage } from './api-error-message.tsx';
import { ChunkSizeFields, useChunkingDraft } from './chunking-draft.tsx';
import { EmbeddingModelSelect } from './embedding-model-select.tsx';
import { type ExplainedError, explainError } from './explain-error.ts';

type Outcome =
  | { readonly state: 'idle' }
  | { readonly state: 'saving'; readonly documents: number }
  | { readonly state: 'saved'; readonly documents: number; readonly chunks: number; readonly before: number }
  | { readonly state: 'failed'; readonly error: ExplainedError };

/** Chunk size, overlap and embedding model; a change re-indexes every document in place (PATCH). */
export function ChunkingSettings({
  base,
  models,
  onChanged,
}: {
  base: KnowledgeBase;
  models: readonly Model[];
  onChanged: () => Promise<void>;
}) {
  const { client } = useSession();
  const { t } = useLanguage();
  const draft = useChunkingDraft({ ...base.chunking, embeddingModel: base.embeddingModel });
  const { embeddingModel } = draft;
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const unchanged =
    draft.size.trim() === String(base.chunking.size) &&
    draft.overlap.trim() === String(base.chunking.overlap) &&
    embeddingModel === base.embeddingModel;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chunking = draft.parse();
    if (!chunking) return;
    const before = base.chunkCount;
    setOutcome({ state: 'saving', documents: base.documentCount });
    try {
      const updated = await client.updateKnowledgeBase(base.id, {
        chunking,
        ...(embeddingModel !== base.embeddingModel ? { embeddingModel } : {}),
      });
      await onChanged();
      setOutcome({ state: 'saved', documents: updated.documentCount, chunks: updated.chunkCount, before });
    } catch (failure) {
      setOutcome({ state: 'failed', error: explainError(failure) });
    }
  };

  return (
    <form className="card kb-settings" onSubmit={submit} aria-label={t('kb.settings')}>
      <h2>{t('kb.settings')}</h2>
      <p className="muted small">{t('kb.settingsHelp')}</p>
      <div className="row">
        <ChunkSizeFields draft={draft} />
      </div>
      <EmbeddingModelSelect models={models} value={embeddingModel} onChange={draft.setEmbeddingModel} />
      <div className="row">
        <button type="submit" className="primary" disabled={unchanged || outcome.state === 'saving'}>
          {t('kb.reindexAll')}
        </button>
        <span className="small" role="status">
          {outcome.state === 'saving' && t('kb.reindexing', { documents: outcome.documents })}
          {outcome.state === 'saved' &&
            t('kb.reindexed', {
              documents: outcome.documents,
              chunks: outcome.chunks,
              before: outcome.before,
            })}
        </span>
      </div>
      {outcome.state === 'failed' && (
        <ApiErrorMessage error={outcome.error} onDismiss={() => setOutcome({ state: 'idle' })} />
      )}
    </form>
  );
}
