import type { DocumentNode, NodeKind, WorkflowDocument } from '@edgeflow/graph';
import { useCallback } from 'react';
import { kindHelp, kindLabel } from '../canvas/kind-label.ts';
import { updateNodeConfig, updateNodeTitle } from '../document/graph-edits.ts';
import { nodeShape } from '../document/node-ports.ts';
import { useEditor } from '../editor/editor-context.tsx';
import { fieldText } from '../i18n/field-text.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { FieldControl } from './field-control.tsx';
import { formFields } from './form-fields.ts';
import { ProblemList } from './problem-list.tsx';

export function NodeForm({ node, kind }: { node: DocumentNode; kind: NodeKind }) {
  const { t, language } = useLanguage();
  const { dispatch, problemsByNode } = useEditor();
  const problems = problemsByNode.get(node.id) ?? [];
  const setField = useCallback(
    (name: string, value: unknown) => {
      // Applied to the document when the reducer runs: edits may arrive in a transition, after others.
      const update = (current: WorkflowDocument) => {
        const present = current.nodes.find((entry) => entry.id === node.id);
        if (!present) return current;
        const config = { ...present.config };
        if (value === undefined) delete config[name];
        else config[name] = value;
        return updateNodeConfig(current, node.id, config);
      };
      dispatch({ type: 'edit', key: `${node.id}/${name}`, at: Date.now(), update });
    },
    [dispatch, node.id],
  );
  const outputs = Object.entries(nodeShape(node).outputs);
  return (
    <form
      className="node-form"
      onSubmit={(event) => event.preventDefault()}
      aria-label={`${kindLabel(t, kind)} ${node.id}`}
    >
      <h2>
        {kindLabel(t, kind)} <code>{node.id}</code>
      </h2>
      <p className="muted small">{kindHelp(t, kind)}</p>
      <ProblemList problems={problems} />
      <label>
        {t('inspector.nodeTitle')}
        <input
          value={node.title ?? ''}
          placeholder={kindLabel(t, kind)}
          onChange={(event) =>
            dispatch({
              type: 'edit',
              key: `${node.id}#title`,
              at: Date.now(),
              update: (current) => updateNodeTitle(current, node.id, event.target.value),
            })
          }
        />
      </label>
      {formFields(kind).map((field) => {
        const text = fieldText(language, kind, field.name, field);
        return (
          <FieldControl
            key={field.name}
            nodeId={node.id}
            kind={kind}
            path={field.name}
            label={text.label}
            description={text.description}
            spec={field.spec}
            pointer={`/${field.name}`}
            required={field.required}
            value={node.config[field.name] ?? field.defaultValue}
            problems={problems}
            onChange={(value) => setField(field.name, value)}
          />
        );
      })}
      {outputs.length > 0 && (
        <p className="muted small">
          {t('inspector.outputs')}:{' '}
          {outputs.map(([name, type]) => (
            <code key={name} className="output-chip">
              {`{{${node.id}.${name}}}`}: {type}
            </code>
          ))}
        </p>
      )}
    </form>
  );
}
