import { isNodeKind } from '@edgeflow/graph';
import { useEditor } from '../editor/editor-context.tsx';
import { useLanguage } from '../i18n/language-context.tsx';
import { NodeForm } from './node-form.tsx';

/** Configures the selected node with a form generated from its kind's schema. */
export function Inspector() {
  const { t } = useLanguage();
  const { state, document } = useEditor();
  const selected = [...state.selectedNodes];
  const node = selected.length === 1 ? document.nodes.find((entry) => entry.id === selected[0]) : undefined;
  return (
    <section className="inspector" aria-label={t('inspector.title')}>
      {node && isNodeKind(node.type) ? (
        <NodeForm key={node.id} node={node} kind={node.type} />
      ) : (
        <p className="muted">
          {selected.length > 1 ? t('inspector.multiple', { count: selected.length }) : t('inspector.empty')}
        </p>
      )}
    </section>
  );
}
