import { type Language, languageOf } from './strings.ts';

export const positions = ['bottom-right', 'bottom-left'] as const;
export type Position = (typeof positions)[number];
export const themeModes = ['light', 'dark', 'auto'] as const;
export type ThemeMode = (typeof themeModes)[number];

/** What the page chose on the script tag; anything left out comes from the app's settings or a default. */
export interface WidgetOptions {
  readonly appId: string;
  readonly key: string;
  /** Origin of the runtime: where widget.js was loaded from. */
  readonly baseUrl: string;
  readonly title: string | null;
  readonly greeting: string | null;
  readonly color: string | null;
  readonly position: Position | null;
  readonly theme: ThemeMode | null;
  readonly language: Language;
  readonly open: boolean;
}

export type OptionsResult =
  | { readonly ok: true; readonly options: WidgetOptions }
  | { readonly ok: false; readonly problem: string };

const hexColor = /^#[0-9a-fA-F]{6}$/;

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | null {
  return allowed.find((entry) => entry === value?.trim().toLowerCase()) ?? null;
}

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** `#rrggbb` or null: anything else could smuggle CSS into the style attribute. */
export function colorOf(value: string | null | undefined): string | null {
  return value && hexColor.test(value.trim()) ? value.trim() : null;
}

/**
 * The widget's options from its script tag's `data-*` attributes (see the README): `data-app-id` and
 * `data-key` are required; `data-title`, `data-greeting`, `data-color` (`#rrggbb`), `data-position`
 * (`bottom-right` | `bottom-left`), `data-theme` (`light` | `dark` | `auto`), `data-lang` (`en` |
 * `zh-CN`, default: the browser's language) and `data-open` (`true` to start open) are optional.
 * @example readOptions(script.dataset, script.src, navigator.language)
 */
export function readOptions(
  data: Readonly<Record<string, string | undefined>>,
  scriptSource: string,
  browserLanguage: string,
): OptionsResult {
  const appId = nonEmpty(data.appId);
  const key = nonEmpty(data.key);
  if (!appId || !key) return { ok: false, problem: 'the script tag needs data-app-id and data-key' };
  let baseUrl: string;
  try {
    baseUrl = new URL(scriptSource).origin;
  } catch {
    return { ok: false, problem: 'cannot tell where widget.js was loaded from' };
  }
  const open = data.open !== undefined && data.open.trim().toLowerCase() !== 'false';
  return {
    ok: true,
    options: {
      appId,
      key,
      baseUrl,
      title: nonEmpty(data.title),
      greeting: nonEmpty(data.greeting),
      color: colorOf(data.color),
      position: oneOf(positions, data.position),
      theme: oneOf(themeModes, data.theme),
      language: languageOf(data.lang ?? browserLanguage),
      open,
    },
  };
}
