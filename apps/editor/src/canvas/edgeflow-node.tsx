import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { inputHandle } from '../document/connection-rules.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import type { FlowNode } from './flow-elements.ts';
import { kindLabel } from './kind-label.ts';

/** One node on the canvas: title, kind, problems, run status and a handle per port. */
export const EdgeflowNode = memo(function EdgeflowNode({ data }: NodeProps<FlowNode>) {
  const { t } = useLanguage();
  const { node, ports, hasInput, errors, warnings, problem, run } = data;
  const label = kindLabel(t, node.type);
  const single = ports.length === 1 && ports[0] === 'out';
  const classes = ['flow-node', `kind-${node.type}`];
  if (run) classes.push(`run-${run}`);
  if (errors > 0) classes.push('has-errors');
  else if (warnings > 0) classes.push('has-warnings');
  return (
    <div className={classes.join(' ')} data-node-id={node.id} data-run={run ?? undefined}>
      {hasInput && (
        <Handle
          type="target"
          position={Position.Left}
          id={inputHandle}
          aria-label={t('canvas.input', { node: node.id })}
        />
      )}
      <div className="flow-node-head">
        <span className="flow-node-title">{node.title ?? label}</span>
        {run && <span className={`run-badge run-${run}`}>{t(`run.status.${run}`)}</span>}
      </div>
      <div className="flow-node-id">
        {node.id} · {label}
      </div>
      {problem && (
        <div className={errors > 0 ? 'flow-node-problem error' : 'flow-node-problem'} title={problem}>
          {problem}
        </div>
      )}
      {single ? (
        <Handle
          type="source"
          position={Position.Right}
          id="out"
          aria-label={t('canvas.output', { node: node.id, port: 'out' })}
        />
      ) : (
        <ul className="flow-node-ports">
          {ports.map((port) => (
            <li key={port} className="flow-node-port">
              {port}
              <Handle
                type="source"
                position={Position.Right}
                id={port}
                aria-label={t('canvas.output', { node: node.id, port })}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
