import { useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';

/** Free-form JSON (e.g. a tool's JSON-schema parameters), applied when it parses. */
export function JsonField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const { t } = useLanguage();
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [invalid, setInvalid] = useState(false);
  return (
    <>
      <textarea
        id={id}
        rows={4}
        className="mono"
        aria-invalid={invalid}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value.trim() === '') {
            setInvalid(false);
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(event.target.value));
            setInvalid(false);
          } catch {
            setInvalid(true);
          }
        }}
      />
      {invalid && <span className="error-text small">{t('inspector.invalidJson')}</span>}
    </>
  );
}
