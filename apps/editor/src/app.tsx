import { useCallback, useState } from 'react';
import { LanguageProvider } from './i18n/language-context.tsx';
import { AppsPage } from './pages/apps-page.tsx';
import { EditorPage } from './pages/editor-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { SessionProvider } from './session/session-context.tsx';
import { loadToken, storeToken } from './session/token-store.ts';
import { usePath } from './ui/use-path.ts';

function Routes() {
  const path = usePath();
  const match = /^\/apps\/([^/]+)$/.exec(path);
  if (match?.[1]) return <EditorPage key={match[1]} appId={decodeURIComponent(match[1])} />;
  return <AppsPage />;
}

export function App() {
  const [token, setToken] = useState<string | null>(loadToken);
  const signOut = useCallback(() => {
    storeToken(null);
    setToken(null);
  }, []);
  const signIn = useCallback((next: string) => {
    storeToken(next);
    setToken(next);
  }, []);
  return (
    <LanguageProvider>
      {token ? (
        <SessionProvider token={token} signOut={signOut}>
          <Routes />
        </SessionProvider>
      ) : (
        <SignInPage onSignIn={signIn} />
      )}
    </LanguageProvider>
  );
}
