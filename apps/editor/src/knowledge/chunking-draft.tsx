import type { Chunking } from '@edgeflow/api';
import { useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { NumberField } from './field-problems.tsx';
import { type FormProblem, parseChunking } from './knowledge-forms.ts';

/**
 * The chunk size, overlap (as typed) and embedding model a form edits, shared by the create form and
 * a base's settings; `parse()` answers the chunking, or shows its problems and answers undefined.
 */
export function useChunkingDraft(initial: {
  readonly size: number;
  readonly overlap: number;
  readonly embeddingModel: string | null;
}) {
  const [size, setSize] = useState(String(initial.size));
  const [overlap, setOverlap] = useState(String(initial.overlap));
  const [embeddingModel, setEmbeddingModel] = useState<string | null>(initial.embeddingModel);
  const [problems, setProblems] = useState<readonly FormProblem[]>([]);
  const parse = (): Chunking | undefined => {
    const chunking = parseChunking({ size, overlap });
    setProblems(chunking.ok ? [] : chunking.problems);
    return chunking.ok ? chunking.value : undefined;
  };
  return { size, setSize, overlap, setOverlap, embeddingModel, setEmbeddingModel, problems, parse };
}

export type ChunkingDraft = ReturnType<typeof useChunkingDraft>;

/** The chunk size and overlap inputs with their problems; a fragment, so each form lays them out. */
export function ChunkSizeFields({ draft }: { draft: ChunkingDraft }) {
  const { t } = useLanguage();
  return (
    <>
      <NumberField
        label={t('kb.chunkSize')}
        field="size"
        value={draft.size}
        onChange={draft.setSize}
        problems={draft.problems}
      />
      <NumberField
        label={t('kb.chunkOverlap')}
        field="overlap"
        value={draft.overlap}
        onChange={draft.setOverlap}
        problems={draft.problems}
      />
    </>
  );
}
