import { defaultChunking, type KnowledgeBase, type Model } from '@edgeflow/api';
import { type FormEvent, useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { useSession } from '../session/session-context.tsx';
import { EmbeddingModelSelect } from './embedding-model-select.tsx';
import { NumberField } from './field-problems.tsx';
import { type FormProblem, parseChunking } from './knowledge-forms.ts';

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
  const [size, setSize] = useState(String(defaultChunking.size));
  const [overlap, setOverlap] = useState(String(defaultChunking.overlap));
  const [embeddingModel, setEmbeddingModel] = useState<string | null>(null);
  const [problems, setProblems] = useState<readonly FormProblem[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chunking = parseChunking({ size, overlap });
    setProblems(chunking.ok ? [] : chunking.problems);
    if (!chunking.ok) return;
    setBusy(true);
    try {
      onCreated(
        await client.createKnowledgeBase({
          name: name.trim(),
          chunking: chunking.value,
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
      <NumberField
        label={t('kb.chunkSize')}
        field="size"
        value={size}
        onChange={setSize}
        problems={problems}
      />
      <NumberField
        label={t('kb.chunkOverlap')}
        field="overlap"
        value={overlap}
        onChange={setOverlap}
        problems={problems}
      />
      <EmbeddingModelSelect models={models} value={embeddingModel} onChange={setEmbeddingModel} />
      <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
        {t('kb.create')}
      </button>
    </form>
  );
}
