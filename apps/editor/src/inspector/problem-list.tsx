import type { PlacedDiagnostic } from '../document/diagnostics-map.ts';

/** Problems with their messages, errors marked. */
export function ProblemList({ problems }: { problems: readonly PlacedDiagnostic[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="problem-list">
      {problems.map((problem, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: diagnostics have no id and the list is rebuilt as a whole
        <li key={index} className={problem.severity} data-code={problem.code}>
          {problem.message}
        </li>
      ))}
    </ul>
  );
}
