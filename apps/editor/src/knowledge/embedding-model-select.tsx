import type { Model } from '@edgeflow/api';
import { useLanguage } from '../i18n/language-context.tsx';

/** The embedding models of `GET /api/models`, or none (keyword search only). */
export function EmbeddingModelSelect({
  models,
  value,
  onChange,
}: {
  models: readonly Model[];
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  const { t } = useLanguage();
  const embedding = models.filter((model) => model.capabilities.includes('embedding'));
  const known = value === null || embedding.some((model) => model.id === value);
  return (
    <label>
      {t('kb.embeddingModel')}
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">{t('kb.embeddingNone')}</option>
        {!known && value !== null && <option value={value}>{value}</option>}
        {embedding.map((model) => (
          <option key={model.id} value={model.id}>
            {model.provider === 'local' ? t('kb.embeddingLocal', { id: model.id }) : model.id}
          </option>
        ))}
      </select>
    </label>
  );
}
