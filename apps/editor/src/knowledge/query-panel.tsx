import type { DocumentId, KnowledgeBase, KnowledgeChunk, KnowledgeDocument } from '@edgeflow/api';
import { type FormEvent, useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { useSession } from '../session/session-context.tsx';
import { ApiErrorMessage } from './api-error-message.tsx';
import { type ExplainedError, explainError } from './explain-error.ts';
import { FieldProblems, NumberField } from './field-problems.tsx';
import { type FormProblem, parseQueryForm, type QueryMode, queryModes } from './knowledge-forms.ts';

/** "Try a query": the retrieval a pipeline's retrieval node does, with its scores. */
export function QueryPanel({
  base,
  documents,
}: {
  base: KnowledgeBase;
  documents: readonly KnowledgeDocument[];
}) {
  const { client } = useSession();
  const { t } = useLanguage();
  const [query, setQuery] = useState('');
  const [mode, setMode] = useState<QueryMode>('auto');
  const [topK, setTopK] = useState('4');
  const [minScore, setMinScore] = useState('');
  const [documentIds, setDocumentIds] = useState<readonly DocumentId[]>([]);
  const [problems, setProblems] = useState<readonly FormProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [chunks, setChunks] = useState<readonly KnowledgeChunk[] | null>(null);
  const [error, setError] = useState<ExplainedError | null>(null);
  // A filter on a document that has since been deleted would make the server answer nothing.
  const chosen = documentIds.filter((id) => documents.some((document) => document.id === id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseQueryForm({ query, mode, topK, minScore, documentIds: chosen });
    setProblems(parsed.ok ? [] : parsed.problems);
    if (!parsed.ok) return;
    setBusy(true);
    setError(null);
    try {
      setChunks((await client.queryKnowledgeBase(base.id, parsed.value)).chunks);
    } catch (failure) {
      setChunks(null);
      setError(explainError(failure));
    } finally {
      setBusy(false);
    }
  };
  const toggle = (id: DocumentId, on: boolean) =>
    setDocumentIds(on ? [...chosen, id] : chosen.filter((entry) => entry !== id));

  return (
    <section className="card kb-query" aria-label={t('kb.query.title')}>
      <h2>{t('kb.query.title')}</h2>
      <form onSubmit={submit} className="kb-query-form">
        <label>
          {t('kb.query.text')}
          <textarea
            rows={2}
            value={query}
            aria-invalid={problems.some((problem) => problem.field === 'query')}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                event.currentTarget.form?.requestSubmit();
              }
            }}
          />
          <FieldProblems problems={problems} field="query" />
        </label>
        <div className="row">
          <label>
            {t('kb.query.mode')}
            <select value={mode} onChange={(event) => setMode(event.target.value as QueryMode)}>
              {queryModes.map((entry) => (
                <option
                  key={entry}
                  value={entry}
                  disabled={entry === 'vector' && base.embeddingModel === null}
                >
                  {t(`kb.query.mode.${entry}`)}
                </option>
              ))}
            </select>
          </label>
          <NumberField
            label={t('kb.query.topK')}
            field="topK"
            value={topK}
            onChange={setTopK}
            problems={problems}
          />
          <NumberField
            label={t('kb.query.minScore')}
            field="minScore"
            value={minScore}
            onChange={setMinScore}
            problems={problems}
            decimal
            placeholder="0"
          />
        </div>
        {documents.length > 0 && (
          <details className="kb-filter">
            <summary>
              {chosen.length === 0
                ? t('kb.query.allDocuments')
                : t('kb.query.someDocuments', { count: chosen.length })}
            </summary>
            <fieldset aria-label={t('kb.query.documents')}>
              {documents.map((document) => (
                <label key={document.id} className="kb-check">
                  <input
                    type="checkbox"
                    checked={chosen.includes(document.id)}
                    onChange={(event) => toggle(document.id, event.target.checked)}
                  />
                  {document.title}
                </label>
              ))}
            </fieldset>
            <FieldProblems problems={problems} field="documentIds" />
          </details>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('kb.query.searching') : t('kb.query.search')}
        </button>
      </form>
      {error && <ApiErrorMessage error={error} onDismiss={() => setError(null)} />}
      {chunks !== null &&
        (chunks.length === 0 ? (
          <p className="muted" role="status">
            {t('kb.query.none')}
          </p>
        ) : (
          <ol className="kb-results" aria-label={t('kb.query.results')}>
            {chunks.map((chunk) => (
              <li
                key={`${chunk.documentId}-${chunk.position}`}
                className="kb-result"
                data-document-id={chunk.documentId}
              >
                <div className="row spread small">
                  <strong className="kb-result-title">{chunk.title}</strong>
                  <span className="muted">
                    {t('kb.query.position', { position: chunk.position + 1 })} ·{' '}
                    <span className="kb-score">{t('kb.query.score', { score: chunk.score.toFixed(3) })}</span>
                  </span>
                </div>
                <pre className="kb-chunk-text">{chunk.text}</pre>
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
