import { createClient } from '@edgeflow/api';
import { type FormEvent, useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { LanguageSwitch } from '../i18n/language-switch.tsx';
import { errorMessage } from '../ui/error-message.ts';

/** Asks for the admin token and checks it against the API before keeping it. */
export function SignInPage({ onSignIn }: { onSignIn: (token: string) => void }) {
  const { t } = useLanguage();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await createClient({ baseUrl: window.location.origin, key: token.trim() }).listApps();
      onSignIn(token.trim());
    } catch (failure) {
      setError(t('signIn.failed', { message: errorMessage(failure) }));
    }
  };
  return (
    <main className="centered-page">
      <form className="card sign-in" onSubmit={submit}>
        <div className="row spread">
          <h1>{t('signIn.title')}</h1>
          <LanguageSwitch />
        </div>
        <p className="muted">{t('signIn.help')}</p>
        <label>
          {t('signIn.token')}
          <input
            type="password"
            value={token}
            onChange={(event) => setToken(event.target.value)}
            autoComplete="off"
          />
        </label>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={token.trim() === ''}>
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
