import { defaultModel } from '@edgeflow/graph';
import { useEditor } from '../editor/editor-context.tsx';
import { useLanguage } from '../i18n/language-context.tsx';

/** Models of the configured providers (`GET /api/models`); `local:echo` is marked as the no-key demo. */
export function ModelPicker({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useLanguage();
  const { models } = useEditor();
  const current = value === '' ? defaultModel : value;
  const known = models.some((model) => model.id === current);
  return (
    <select id={id} value={current} onChange={(event) => onChange(event.target.value)}>
      {!known && <option value={current}>{t('model.notConfigured', { id: current })}</option>}
      {models
        .filter((model) => model.capabilities.includes('chat'))
        .map((model) => (
          <option key={model.id} value={model.id}>
            {model.provider === 'local'
              ? t('model.echo', { id: model.id })
              : `${model.id}${model.name && model.name !== model.id ? ` — ${model.name}` : ''}`}
          </option>
        ))}
    </select>
  );
}
