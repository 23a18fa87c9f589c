import { useFieldDraft } from './use-field-draft.ts';

/** A plain text config field (names, ids, URLs without references). */
export function TextField({
  id,
  multiline,
  value,
  invalid,
  onChange,
}: {
  id: string;
  multiline: boolean;
  value: string;
  invalid: boolean;
  onChange: (value: string) => void;
}) {
  const [text, setText] = useFieldDraft(value, onChange);
  return multiline ? (
    <textarea
      id={id}
      rows={3}
      aria-invalid={invalid}
      value={text}
      onChange={(event) => setText(event.target.value)}
    />
  ) : (
    <input id={id} aria-invalid={invalid} value={text} onChange={(event) => setText(event.target.value)} />
  );
}
