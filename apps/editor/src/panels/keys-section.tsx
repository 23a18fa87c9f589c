import type { Key, KeyKind } from '@edgeflow/api';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useEditor } from '../editor/editor-context.tsx';
import { useLanguage } from '../i18n/language-context.tsx';
import { useSession } from '../session/session-context.tsx';
import { errorMessage } from '../ui/error-message.ts';

export interface NewKey {
  readonly kind: KeyKind;
  readonly key: string;
}

/** Creates (shown once), lists and revokes the app's keys. */
export function KeysSection({ onCreated }: { onCreated: (key: NewKey) => void }) {
  const { t, language } = useLanguage();
  const { client } = useSession();
  const { app } = useEditor();
  const [keys, setKeys] = useState<Key[] | null>(null);
  const [kind, setKind] = useState<KeyKind>('secret');
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => setKeys((await client.listKeys(app.id)).keys), [client, app.id]);
  useEffect(() => {
    refresh().catch((failure: unknown) => setError(errorMessage(failure)));
  }, [refresh]);

  const attempt = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
      await refresh();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  const create = (event: FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      const allowedOrigins = origins
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
      const created = await client.createKey(app.id, {
        kind,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(kind === 'publishable' ? { allowedOrigins } : {}),
      });
      setShown(created.key);
      onCreated({ kind: created.kind, key: created.key });
      setName('');
    });
  };

  return (
    <section className="keys" aria-label={t('keys.title')}>
      <h3>{t('keys.title')}</h3>
      <form onSubmit={create} className="key-form">
        <label>
          {t('keys.kind')}
          <select value={kind} onChange={(event) => setKind(event.target.value as KeyKind)}>
            <option value="secret">{t('keys.kind.secret')}</option>
            <option value="publishable">{t('keys.kind.publishable')}</option>
          </select>
        </label>
        <label>
          {t('keys.name')}
          <input value={name} onChange={(event) => setName(event.target.value)} maxLength={200} />
        </label>
        {kind === 'publishable' && (
          <label>
            {t('keys.origins')}
            <input
              value={origins}
              onChange={(event) => setOrigins(event.target.value)}
              placeholder="https://shop.example.com"
            />
          </label>
        )}
        <button type="submit" className="primary">
          {t('keys.create')}
        </button>
      </form>
      {shown && (
        <div className="new-key" role="status">
          {t('keys.shownOnce')} <code data-testid="new-key">{shown}</code>
        </div>
      )}
      {error && (
        <p role="alert" className="error-text">
          {t('common.error', { message: error })}
        </p>
      )}
      {keys?.length === 0 && <p className="muted">{t('keys.none')}</p>}
      <ul className="key-list" aria-label={t('keys.title')}>
        {keys?.map((key) => (
          <li key={key.id} data-key-id={key.id}>
            <code>{key.prefix}…</code> {key.name ?? ''}{' '}
            <span className="badge">
              {t(key.kind === 'secret' ? 'keys.kind.secret' : 'keys.kind.publishable')}
            </span>{' '}
            <span className="muted small">{new Date(key.createdAt).toLocaleString(language)}</span>
            {key.allowedOrigins.length > 0 && (
              <span className="muted small"> {key.allowedOrigins.join(', ')}</span>
            )}
            <button
              type="button"
              className="small danger"
              aria-label={`${t('keys.revoke')} ${key.prefix}`}
              onClick={() => void attempt(() => client.deleteKey(app.id, key.id))}
            >
              {t('keys.revoke')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
