import { tokenFromHash } from './sign-in-link.ts';

const storageKey = 'edgeflow.adminToken';

/** The stored admin token, after taking a fresh one from a `#token=` sign-in link (and out of the URL). */
export function loadToken(): string | null {
  const { token, rest } = tokenFromHash(window.location.hash);
  if (token) {
    localStorage.setItem(storageKey, token);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${rest}`);
    return token;
  }
  return localStorage.getItem(storageKey);
}

export function storeToken(token: string | null): void {
  if (token) localStorage.setItem(storageKey, token);
  else localStorage.removeItem(storageKey);
}
