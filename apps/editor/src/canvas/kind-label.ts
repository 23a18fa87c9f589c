import type { Translate } from '../i18n/language-context.tsx';
import { isMessageKey } from '../i18n/translate.ts';

/** A node kind's name in the current language (unknown kinds show as they are). */
export function kindLabel(t: Translate, kind: string): string {
  const key = `kind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}

/** A node kind's one-line help in the current language. */
export function kindHelp(t: Translate, kind: string): string {
  const key = `kindHelp.${kind}`;
  return isMessageKey(key) ? t(key) : '';
}
