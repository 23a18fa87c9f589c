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
