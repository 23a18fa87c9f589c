import { lazy, Suspense } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';

// CodeMirror is a large share of the editor's JavaScript: it loads when a code node is first opened.
const CodeEditor = lazy(() => import('./code-editor.tsx'));

export function CodeField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useLanguage();
  return (
    <Suspense fallback={<p className="muted small">{t('inspector.loadingCode')}</p>}>
      <CodeEditor id={id} value={value} onChange={onChange} />
    </Suspense>
  );
}
