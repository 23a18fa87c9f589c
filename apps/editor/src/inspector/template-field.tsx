import { useMemo, useRef, useState } from 'react';
import { referenceOptions } from '../document/upstream-outputs.ts';
import { useEditor } from '../editor/editor-context.tsx';
import { useLanguage } from '../i18n/language-context.tsx';
import { useFieldDraft } from './use-field-draft.ts';

/** A prompt or template with a picker that inserts `{{node.field}}` of upstream outputs only. */
export function TemplateField({
  id,
  nodeId,
  multiline,
  value,
  invalid,
  onChange,
}: {
  id: string;
  nodeId: string;
  multiline: boolean;
  value: string;
  invalid: boolean;
  onChange: (value: string) => void;
}) {
  const { t } = useLanguage();
  const { document } = useEditor();
  const [text, setText] = useFieldDraft(value, onChange);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const selection = useRef<{ start: number; end: number } | null>(null);
  // Only the edges decide what is upstream, so typing (which changes configs) does not recompute this.
  const edges = document.edges;
  // biome-ignore lint/correctness/useExhaustiveDependencies: outputs depend on configs too, but only when the picker is opened
  const options = useMemo(() => (open ? referenceOptions(document, nodeId) : []), [open, edges, nodeId]);
  const remember = () => {
    const element = input.current;
    if (element)
      selection.current = {
        start: element.selectionStart ?? text.length,
        end: element.selectionEnd ?? text.length,
      };
  };
  const insert = (reference: string) => {
    const { start, end } = selection.current ?? { start: text.length, end: text.length };
    setText(`${text.slice(0, start)}${reference}${text.slice(end)}`);
    setOpen(false);
    requestAnimationFrame(() => {
      const element = input.current;
      if (!element) return;
      element.focus();
      element.setSelectionRange(start + reference.length, start + reference.length);
    });
  };
  const shared = {
    id,
    ref: input,
    value: text,
    'aria-invalid': invalid,
    onChange: (event: { target: { value: string } }) => setText(event.target.value),
    onSelect: remember,
    onBlur: remember,
    spellCheck: false,
  };
  return (
    <div className="template-field">
      {multiline ? <textarea rows={4} {...shared} /> : <input {...shared} />}
      <button
        type="button"
        className="small"
        aria-expanded={open}
        aria-controls={`${id}-variables`}
        onClick={() => setOpen(!open)}
      >
        {'{x}'} {t('inspector.insertVariable')}
      </button>
      {open && (
        <div
          id={`${id}-variables`}
          role="listbox"
          aria-label={t('inspector.variables')}
          className="variable-picker"
        >
          {options.filter((option) => option.nodeId !== 'sys').length === 0 && (
            <p className="muted small">{t('inspector.noVariables')}</p>
          )}
          {options.map((option) => (
            <button
              type="button"
              role="option"
              aria-selected="false"
              key={option.reference}
              className="variable-option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => insert(option.reference)}
            >
              <code>{option.reference}</code> <span className="muted">{option.type}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
