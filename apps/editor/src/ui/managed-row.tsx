import { type FormEvent, type ReactNode, useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { navigate } from './use-path.ts';

/** The words of one kind of row (apps, knowledge bases), from the language's catalogue. */
export interface ManagedRowText {
  readonly nameLabel: string;
  readonly rename: string;
  readonly delete: string;
  readonly confirmDelete: string;
}

/**
 * One named item in a list page: a link that opens it, rename in place, delete after a confirmation,
 * with `children` (badges, counts) between the name and the buttons. `onRename` and `onDelete` do the
 * API call; `onChanged` follows a success, `onError` gets a failure.
 */
export function ManagedRow({
  name,
  href,
  data,
  text,
  onRename,
  onDelete,
  onChanged,
  onError,
  children,
}: {
  name: string;
  href: string;
  /** `data-*` attributes of the row, for tests and styling. */
  data: Readonly<Record<`data-${string}`, string>>;
  text: ManagedRowText;
  onRename: (name: string) => Promise<unknown>;
  onDelete: () => Promise<unknown>;
  onChanged: () => void;
  onError: (error: unknown) => void;
  children?: ReactNode;
}) {
  const { t } = useLanguage();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [draft, setDraft] = useState(name);
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      onChanged();
    } catch (failure) {
      onError(failure);
    }
  };
  const rename = (event: FormEvent) => {
    event.preventDefault();
    setRenaming(false);
    void run(() => onRename(draft.trim()));
  };
  return (
    <li className="card app-row" {...data}>
      {renaming ? (
        <form onSubmit={rename} className="row">
          <input
            aria-label={text.nameLabel}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" disabled={draft.trim() === ''}>
            {t('common.save')}
          </button>
          <button type="button" onClick={() => setRenaming(false)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <a
          href={href}
          className="app-name"
          onClick={(event) => {
            event.preventDefault();
            navigate(href);
          }}
        >
          {name}
        </a>
      )}
      {children}
      <span className="row end">
        <button type="button" onClick={() => setRenaming(true)} aria-label={`${text.rename} ${name}`}>
          {text.rename}
        </button>
        {confirming ? (
          <>
            <span role="alert">{text.confirmDelete}</span>
            <button type="button" className="danger" onClick={() => void run(onDelete)}>
              {text.delete}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} aria-label={`${text.delete} ${name}`}>
            {text.delete}
          </button>
        )}
      </span>
    </li>
  );
}
