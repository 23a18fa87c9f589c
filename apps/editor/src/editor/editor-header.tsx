import { useLanguage } from '../i18n/language-context.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { navigate } from '../ui/use-path.ts';
import { useEditor } from './editor-context.tsx';
import type { SaveStatus } from './use-autosave.ts';

export function EditorHeader({ status }: { status: SaveStatus }) {
  const { t } = useLanguage();
  const { app, problems } = useEditor();
  const errors = problems.filter((entry) => entry.severity === 'error').length;
  return (
    <PageHeader>
      <button type="button" onClick={() => navigate('/')}>
        ← {t('apps.back')}
      </button>
      <h1 className="app-title">{app.name}</h1>
      <span className="save-status" role="status" data-state={status.state}>
        {status.state === 'failed'
          ? t('editor.saveFailed', { message: status.message })
          : t(status.state === 'saving' ? 'editor.saving' : 'editor.saved')}
      </span>
      <span className={errors > 0 ? 'problem-count has-errors' : 'problem-count'}>
        {problems.length === 0
          ? t('editor.noProblems')
          : t('editor.problems', { errors, warnings: problems.length - errors })}
      </span>
    </PageHeader>
  );
}
