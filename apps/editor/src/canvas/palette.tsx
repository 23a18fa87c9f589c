import { catalog, type NodeCategory, type NodeKind, nodeKinds } from '@edgeflow/graph';
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { addNode } from '../document/graph-edits.ts';
import { useEditor } from '../editor/editor-context.tsx';
import { useLanguage } from '../i18n/language-context.tsx';
import { kindHelp, kindLabel } from './kind-label.ts';

/** The drag-and-drop data type that carries a node kind from the palette to the canvas. */
export const paletteDragType = 'application/x-edgeflow-kind';

const categories: NodeCategory[] = ['basic', 'model', 'knowledge', 'tools', 'logic', 'output'];

/** Node kinds by category, with search; drag one onto the canvas, or focus it and press Enter. */
export function Palette() {
  const { t } = useLanguage();
  const [query, setQuery] = useState('');
  const { dispatch, document } = useEditor();
  const flow = useReactFlow();
  const needle = query.trim().toLowerCase();
  const matches = (kind: NodeKind) =>
    needle === '' ||
    [kind, kindLabel(t, kind), kindHelp(t, kind), catalog[kind].label].some((text) =>
      text.toLowerCase().includes(needle),
    );
  const addAtCenter = (kind: NodeKind) => {
    const bounds = window.document.querySelector('.canvas')?.getBoundingClientRect();
    const position = flow.screenToFlowPosition({
      x: (bounds?.left ?? 0) + (bounds?.width ?? 600) / 2,
      y: (bounds?.top ?? 0) + (bounds?.height ?? 400) / 2,
    });
    const added = addNode(document, kind, position);
    dispatch({ type: 'change', document: added.document, select: [added.nodeId] });
  };
  const shown = categories
    .map((category) => ({
      category,
      kinds: nodeKinds.filter((kind) => catalog[kind].category === category && matches(kind)),
    }))
    .filter((group) => group.kinds.length > 0);
  return (
    <nav className="palette" aria-label={t('palette.title')}>
      <h2>{t('palette.title')}</h2>
      <input
        type="search"
        placeholder={t('palette.search')}
        aria-label={t('palette.search')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <p className="muted small">{t('palette.help')}</p>
      {shown.length === 0 && <p className="muted">{t('palette.none')}</p>}
      {shown.map((group) => (
        <section key={group.category}>
          <h3>{t(`category.${group.category}`)}</h3>
          <ul>
            {group.kinds.map((kind) => (
              <li key={kind}>
                <button
                  type="button"
                  className={`palette-item kind-${kind}`}
                  draggable
                  data-kind={kind}
                  title={kindHelp(t, kind)}
                  onDragStart={(event) => {
                    event.dataTransfer.setData(paletteDragType, kind);
                    event.dataTransfer.effectAllowed = 'move';
                  }}
                  onClick={() => addAtCenter(kind)}
                >
                  <span className="palette-label">{kindLabel(t, kind)}</span>
                  <span className="palette-help">{kindHelp(t, kind)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
