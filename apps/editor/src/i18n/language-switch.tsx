import { useLanguage } from './language-context.tsx';
import { type Language, languages } from './translate.ts';

const names: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

/** Switches the UI language; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useLanguage();
  return (
    <select
      className="language-switch"
      aria-label={t('language.label')}
      value={language}
      onChange={(event) => setLanguage(event.target.value as Language)}
    >
      {languages.map((entry) => (
        <option key={entry} value={entry}>
          {names[entry]}
        </option>
      ))}
    </select>
  );
}
