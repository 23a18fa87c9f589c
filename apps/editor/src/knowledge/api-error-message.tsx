import { useLanguage } from '../i18n/language-context.tsx';
import type { ExplainedError } from './explain-error.ts';

/** A failed call: the UI's sentence for its code in bold, the server's own message after it. */
export function ApiErrorMessage({ error, onDismiss }: { error: ExplainedError; onDismiss?: () => void }) {
  const { t } = useLanguage();
  return (
    <div role="alert" className="error-text kb-error" data-code={error.code ?? undefined}>
      {error.key ? <strong>{t(error.key)}</strong> : <strong>{t('kb.error.generic')}</strong>}{' '}
      <span className="kb-error-detail">{error.detail}</span>
      {onDismiss && (
        <button type="button" className="small" onClick={onDismiss}>
          {t('common.close')}
        </button>
      )}
    </div>
  );
}
