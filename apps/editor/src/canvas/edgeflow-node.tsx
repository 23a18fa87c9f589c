import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo, use } from 'react';
import { inputHandle } from '../document/connection-rules.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import type { FlowNode } from './flow-elements.ts';
import { kindLabel } from './kind-label.ts';
import { NodeDetailContext } from './node-detail.ts';
import { listsPorts, nodeGeometry } from './node-geometry.ts';

/**
 * One node on the canvas: title, kind, problems, run status and a handle per port. Zoomed out (see
 * node-detail.ts) it draws only its box, marks and handles, at the same size and handle positions.
 */
export const EdgeflowNode = memo(function EdgeflowNode({ data }: NodeProps<FlowNode>) {
  const { t } = useLanguage();
  const detailed = use(NodeDetailContext);
  const { node, ports, hasInput, errors, warnings, problem, run } = data;
  const classes = ['flow-node', `kind-${node.type}`];
  if (run) classes.push(`run-${run}`);
  if (errors > 0) classes.push('has-errors');
  else if (warnings > 0) classes.push('has-warnings');
  const input = hasInput && (
    <Handle
      type="target"
      position={Position.Left}
      id={inputHandle}
      aria-label={t('canvas.input', { node: node.id })}
    />
  );
  const output = (port: string, style?: { top: number; right: number }) => (
    <Handle
      key={port}
      type="source"
      position={Position.Right}
      id={port}
      style={style}
      aria-label={t('canvas.output', { node: node.id, port })}
    />
  );

  if (!detailed) {
    const geometry = nodeGeometry(ports, hasInput, problem !== null);
    classes.push('flow-node-light');
    return (
      <div
        className={classes.join(' ')}
        style={{ height: geometry.height }}
        data-node-id={node.id}
        data-run={run ?? undefined}
      >
        {input}
        {listsPorts(ports)
          ? geometry.handles
              .filter((handle) => handle.type === 'source')
              .map((handle) =>
                output(handle.id ?? '', { top: handle.y + (handle.height ?? 0) / 2, right: 1 }),
              )
          : output('out')}
      </div>
    );
  }

  const label = kindLabel(t, node.type);
  return (
    <div className={classes.join(' ')} data-node-id={node.id} data-run={run ?? undefined}>
      {input}
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
      {listsPorts(ports) ? (
        <ul className="flow-node-ports">
          {ports.map((port) => (
            <li key={port} className="flow-node-port">
              {port}
              {output(port)}
            </li>
          ))}
        </ul>
      ) : (
        output('out')
      )}
    </div>
  );
});
