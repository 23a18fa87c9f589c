import type { App, AppMode, Template } from '@edgeflow/api';
import { type FormEvent, useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { useSession } from '../session/session-context.tsx';
import { errorMessage } from '../ui/error-message.ts';

export function CreateAppForm({
  templates,
  onCreated,
  onError,
}: {
  templates: readonly Template[];
  onCreated: (app: App) => void;
  onError: (message: string) => void;
}) {
  const { client } = useSession();
  const { t } = useLanguage();
  const [name, setName] = useState('');
  const [mode, setMode] = useState<AppMode>('chat');
  const [template, setTemplate] = useState('');
  const [busy, setBusy] = useState(false);
  const chosen = templates.find((entry) => entry.id === template);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const app = await client.createApp(
        chosen ? { name: name.trim(), template: chosen.id } : { name: name.trim(), mode },
      );
      onCreated(app);
    } catch (failure) {
      onError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card create-app" onSubmit={submit} aria-label={t('apps.create')}>
      <label>
        {t('apps.name')}
        <input value={name} onChange={(event) => setName(event.target.value)} maxLength={200} required />
      </label>
      <label>
        {t('apps.template')}
        <select value={template} onChange={(event) => setTemplate(event.target.value)}>
          <option value="">{t('apps.blank')}</option>
          {templates.map((entry) => (
            <option key={entry.id} value={entry.id} title={entry.description}>
              {entry.name} ({t(entry.mode === 'chat' ? 'apps.mode.chat' : 'apps.mode.workflow')})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('apps.mode')}
        <select
          value={chosen?.mode ?? mode}
          disabled={chosen !== undefined}
          onChange={(event) => setMode(event.target.value as AppMode)}
        >
          <option value="chat">{t('apps.mode.chat')}</option>
          <option value="workflow">{t('apps.mode.workflow')}</option>
        </select>
      </label>
      <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
        {t('apps.create')}
      </button>
    </form>
  );
}
