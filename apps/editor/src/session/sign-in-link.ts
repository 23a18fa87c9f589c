/**
 * Reads the admin token from a `#token=…` sign-in link (what `npm start` prints) and returns the
 * hash without it, so the token leaves the address bar and the history at once.
 * @example tokenFromHash('#token=ef_admin_x') // { token: 'ef_admin_x', rest: '' }
 */
export function tokenFromHash(hash: string): { token: string | null; rest: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  params.delete('token');
  const rest = params.toString();
  return { token: token && token.trim() !== '' ? token.trim() : null, rest: rest === '' ? '' : `#${rest}` };
}
