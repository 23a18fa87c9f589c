import { startTransition, useRef, useState } from 'react';

/**
 * A text field that paints each keystroke at once and updates the document in a transition: on a large
 * canvas the re-render of the graph then never holds up typing. Values that come back from the document
 * are ignored while they are ones this field sent; anything else (undo, redo, import) replaces the text.
 */
export function useFieldDraft(
  value: string,
  onChange: (value: string) => void,
): [string, (next: string) => void] {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  const pending = useRef<string[]>([]);
  if (value !== seen) {
    setSeen(value);
    const index = pending.current.indexOf(value);
    if (index === -1) {
      pending.current = [];
      setText(value);
    } else {
      pending.current = pending.current.slice(index + 1);
    }
  }
  const change = (next: string) => {
    setText(next);
    pending.current.push(next);
    startTransition(() => onChange(next));
  };
  return [text, change];
}
