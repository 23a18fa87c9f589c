import { en, type MessageKey } from './en.ts';
import { zh } from './zh.ts';

export const languages = ['en', 'zh-CN'] as const;
export type Language = (typeof languages)[number];

const catalogues: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zh };

export type Params = Readonly<Record<string, string | number>>;

/**
 * The message for `key` in `language`, with `{name}` parameters filled in.
 * @example translate('zh-CN', 'apps.published', { version: 3 }) // '已发布 v3'
 */
export function translate(language: Language, key: MessageKey, params: Params = {}): string {
  const template = catalogues[language][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  );
}

/** Whether `key` is a message of the catalogue (for keys built at run time, e.g. `kind.<type>`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The language to start in: a stored choice, else the browser's, else English. */
export function initialLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return browserLanguages.some((language) => language.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}
