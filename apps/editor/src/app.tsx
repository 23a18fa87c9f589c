import { lazy, Suspense, useCallback, useState } from 'react';
import { LanguageProvider } from './i18n/language-context.tsx';
import { AppsPage } from './pages/apps-page.tsx';
import { EditorPage } from './pages/editor-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { SessionProvider } from './session/session-context.tsx';
import { loadToken, storeToken } from './session/token-store.ts';
import { usePath } from './ui/use-path.ts';

// The knowledge-base pages are a chunk of their own: the apps page and the canvas do not load them.
const KnowledgePage = lazy(() => import('./pages/knowledge-page.tsx'));

function Routes() {
  const path = usePath();
  const knowledge = /^\/knowledge-bases(?:\/([^/]+))?\/?$/.exec(path);
  if (knowledge) {
    const kbId = knowledge[1] ? decodeURIComponent(knowledge[1]) : null;
    return (
      <Suspense fallback={<p className="muted page-loading">…</p>}>
        <KnowledgePage kbId={kbId} />
      </Suspense>
    );
  }
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
