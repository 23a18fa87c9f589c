import { useLanguage } from '../i18n/language-context.tsx';
import { errorMessage } from '../ui/error-message.ts';
import { useKnowledgeBases } from './use-knowledge-bases.ts';

/** Picks one existing knowledge base by name; an id that no longer exists stays visible as such. */
export function KnowledgeBasePicker({
  id,
  value,
  invalid,
  onChange,
}: {
  id: string;
  value: string;
  invalid: boolean;
  onChange: (value: string) => void;
}) {
  const { t } = useLanguage();
  const { bases, error } = useKnowledgeBases();
  const known = value === '' || bases === null || bases.some((base) => base.id === value);
  return (
    <>
      <select id={id} value={value} aria-invalid={invalid} onChange={(event) => onChange(event.target.value)}>
        <option value="" disabled>
          {bases === null ? t('common.loading') : t('kb.picker.choose')}
        </option>
        {!known && <option value={value}>{t('kb.picker.missing', { id: value })}</option>}
        {bases?.map((base) => (
          <option key={base.id} value={base.id}>
            {base.name} — {t('kb.counts', { documents: base.documentCount, chunks: base.chunkCount })}
          </option>
        ))}
        {bases === null && value !== '' && <option value={value}>{value}</option>}
      </select>
      {error !== null && <span className="error-text small">{errorMessage(error)}</span>}
      {bases !== null && bases.length === 0 && error === null && (
        <span className="muted small">
          {t('kb.picker.none')}{' '}
          <a className="kb-picker-manage" href="/knowledge-bases" target="_blank" rel="noopener">
            {t('kb.picker.manage')}
          </a>
        </span>
      )}
    </>
  );
}
