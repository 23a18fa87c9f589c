import { defaultChunking, type KnowledgeBase, type Model } from '@edgeflow/api';
import { type FormEvent, useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { useSession } from '../session/session-context.tsx';
import { ChunkSizeFields, useChunkingDraft } from './chunking-draft.tsx';
import { EmbeddingModelSelect } from './embedding-model-select.tsx';

/** Name, chunking and (optionally) an embedding model; chunking can be changed later too. */
export function CreateKnowledgeBaseForm({
  models,
  onCreated,
  onError,
}: {
  models: readonly Model[];
  onCreated: (base: KnowledgeBase) => void;
  onError: (error: unknown) => void;
}) {
  const { client } = useSession();
  const { t } = useLanguage();
  const [name, setName] = useState('');
  const draft = useChunkingDraft({ ...defaultChunking, embeddingModel: null });
  const { embeddingModel } = draft;
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chunking = draft.parse();
    if (!chunking) return;
    setBusy(true);
    try {
      onCreated(
        await client.createKnowledgeBase({
          name: name.trim(),
          chunking,
          ...(embeddingModel ? { embeddingModel } : {}),
        }),
      );
    } catch (failure) {
      onError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card kb-create" onSubmit={submit} aria-label={t('kb.create')}>
      <label>
        {t('kb.name')}
        <input value={name} onChange={(event) => setName(event.target.value)} maxLength={200} required />
      </label>
      <ChunkSizeFields draft={draft} />
      <EmbeddingModelSelect models={models} value={embeddingModel} onChange={draft.setEmbeddingModel} />
      <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
        {t('kb.create')}
      </button>
    </form>
  );
}
