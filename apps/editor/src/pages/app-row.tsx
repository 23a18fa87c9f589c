import type { App } from '@edgeflow/api';
import { useLanguage } from '../i18n/language-context.tsx';
import { useSession } from '../session/session-context.tsx';
import { errorMessage } from '../ui/error-message.ts';
import { ManagedRow } from '../ui/managed-row.tsx';

export function AppRow({
  app,
  onChanged,
  onError,
}: {
  app: App;
  onChanged: () => void;
  onError: (message: string) => void;
}) {
  const { client } = useSession();
  const { t, language } = useLanguage();
  return (
    <ManagedRow
      name={app.name}
      href={`/apps/${encodeURIComponent(app.id)}`}
      data={{ 'data-app-id': app.id }}
      text={{
        nameLabel: t('apps.name'),
        rename: t('apps.rename'),
        delete: t('apps.delete'),
        confirmDelete: t('apps.confirmDelete', { name: app.name }),
      }}
      onRename={(name) => client.updateApp(app.id, { name })}
      onDelete={() => client.deleteApp(app.id)}
      onChanged={onChanged}
      onError={(failure) => onError(errorMessage(failure))}
    >
      <span className="badge">{t(app.mode === 'chat' ? 'apps.mode.chat' : 'apps.mode.workflow')}</span>
      <span className="muted">
        {app.publishedVersion
          ? t('apps.published', { version: app.publishedVersion })
          : t('apps.unpublished')}
      </span>
      <span className="muted">
        {t('apps.updated', { time: new Date(app.updatedAt).toLocaleString(language) })}
      </span>
    </ManagedRow>
  );
}
