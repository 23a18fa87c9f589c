import { useLanguage } from '../i18n/language-context.tsx';
import type { FormProblem } from './knowledge-forms.ts';

/** The problems of one form field, under it. */
export function FieldProblems({ problems, field }: { problems: readonly FormProblem[]; field: string }) {
  const { t } = useLanguage();
  const here = problems.filter((problem) => problem.field === field);
  if (here.length === 0) return null;
  return (
    <span className="error-text small" role="alert">
      {here.map((problem) => t(problem.key, problem.params)).join(' ')}
    </span>
  );
}

/** A labelled number input whose problems (by `field`) mark it invalid and show under it. */
export function NumberField({
  label,
  field,
  value,
  onChange,
  problems,
  decimal = false,
  placeholder,
}: {
  label: string;
  field: string;
  value: string;
  onChange: (value: string) => void;
  problems: readonly FormProblem[];
  decimal?: boolean;
  placeholder?: string;
}) {
  return (
    <label>
      {label}
      <input
        inputMode={decimal ? 'decimal' : 'numeric'}
        placeholder={placeholder}
        value={value}
        aria-invalid={problems.some((problem) => problem.field === field)}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldProblems problems={problems} field={field} />
    </label>
  );
}
