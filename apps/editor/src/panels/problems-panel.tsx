import { useEditor } from '../editor/editor-context.tsx';
import { useLanguage } from '../i18n/language-context.tsx';

/** Every diagnostic of the saved draft; a click selects the node it is about. */
export function ProblemsPanel() {
  const { t } = useLanguage();
  const { problems, focusNode } = useEditor();
  if (problems.length === 0) return <p className="muted">{t('problems.none')}</p>;
  return (
    <ul className="problem-list problems-panel">
      {problems.map((problem, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: diagnostics have no id and the list is rebuilt as a whole
        <li key={index} className={problem.severity} data-code={problem.code}>
          {problem.nodeId ? (
            <button type="button" className="link" onClick={() => focusNode(problem.nodeId ?? '')}>
              {problem.nodeId}
            </button>
          ) : null}{' '}
          {problem.message}
        </li>
      ))}
    </ul>
  );
}
