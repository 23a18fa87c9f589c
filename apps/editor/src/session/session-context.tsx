import { createClient, type EdgeflowClient } from '@edgeflow/api';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { pagePreloads, withPreloaded } from './preloaded-fetch.ts';

interface Session {
  readonly client: EdgeflowClient;
  /** Where the runtime answers (the editor is served by it), for snippets. */
  readonly baseUrl: string;
  /** The same client sending through another `fetch` (uploads with progress). */
  readonly clientWithFetch: (fetch: typeof globalThis.fetch) => EdgeflowClient;
  readonly signOut: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({
  token,
  signOut,
  children,
}: {
  token: string;
  signOut: () => void;
  children: ReactNode;
}) {
  const value = useMemo(() => {
    const baseUrl = window.location.origin;
    return {
      // Answers index.html asked for while the scripts loaded are used once, then the network as usual.
      client: createClient({
        baseUrl,
        key: token,
        fetch: withPreloaded(pagePreloads(), (input, init) => globalThis.fetch(input, init)),
      }),
      baseUrl,
      clientWithFetch: (fetch: typeof globalThis.fetch) => createClient({ baseUrl, key: token, fetch }),
      signOut,
    };
  }, [token, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The signed-in client of the management API. */
export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside <SessionProvider>');
  return value;
}
