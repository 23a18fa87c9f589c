import type { ReactNode } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { LanguageSwitch } from '../i18n/language-switch.tsx';
import { useSession } from '../session/session-context.tsx';
import { navigate } from './use-path.ts';

/** The top bar: home link, what the page adds, the language switch and sign-out. */
export function PageHeader({ children }: { children?: ReactNode }) {
  const { t } = useLanguage();
  const { signOut } = useSession();
  return (
    <header className="page-header">
      <a
        href="/"
        className="brand"
        onClick={(event) => {
          event.preventDefault();
          navigate('/');
        }}
      >
        {t('app.title')}
      </a>
      <div className="header-middle">{children}</div>
      <LanguageSwitch />
      <button type="button" onClick={signOut}>
        {t('signOut')}
      </button>
    </header>
  );
}
