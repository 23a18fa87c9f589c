import { type NodeHandle, Position } from '@xyflow/react';
import { inputHandle } from '../document/connection-rules.ts';

/**
 * A canvas node's size and handle positions, known before it is drawn. styles.css gives every row of
 * `.flow-node` a fixed height (these numbers), so the box follows from the node's shape alone. Handed
 * to React Flow as `measured` and `handles`, they let it fit the view and draw the edges of a 500-node
 * document in its first pass, instead of drawing nodes, measuring all of them and drawing again.
 * React Flow still observes each node: one whose drawn size differs (a font, a zoom setting) is
 * measured as before.
 */
export const nodeRows = {
  width: 220,
  borderTop: 4,
  borderBottom: 1,
  padding: 6,
  head: 16,
  id: 14,
  problem: 14,
  /** Space above the list of output ports. */
  portsGap: 4,
  port: 16,
  handle: 10,
} as const;

export interface NodeGeometry {
  readonly width: number;
  readonly height: number;
  readonly handles: NodeHandle[];
}

/** Whether the node shows its output ports as a list (anything but the single default `out`). */
export const listsPorts = (ports: readonly string[]) => !(ports.length === 1 && ports[0] === 'out');

export function nodeGeometry(ports: readonly string[], hasInput: boolean, hasProblem: boolean): NodeGeometry {
  const r = nodeRows;
  const list = listsPorts(ports);
  const bodyTop = r.borderTop + r.padding + r.head + r.id + (hasProblem ? r.problem : 0);
  const height = bodyTop + (list ? r.portsGap + ports.length * r.port : 0) + r.padding + r.borderBottom;
  const half = r.handle / 2;
  const handles: NodeHandle[] = [];
  if (hasInput)
    handles.push({
      id: inputHandle,
      type: 'target',
      position: Position.Left,
      x: -half,
      y: height / 2 - half,
      width: r.handle,
      height: r.handle,
    });
  if (list) {
    // Port rows reach the node's right border (the list has a negative right margin as wide as the padding).
    ports.forEach((port, index) => {
      const middle = bodyTop + r.portsGap + index * r.port + r.port / 2;
      handles.push({
        id: port,
        type: 'source',
        position: Position.Right,
        x: r.width - 1 - half,
        y: middle - half,
        width: r.handle,
        height: r.handle,
      });
    });
  } else {
    handles.push({
      id: 'out',
      type: 'source',
      position: Position.Right,
      x: r.width - half,
      y: height / 2 - half,
      width: r.handle,
      height: r.handle,
    });
  }
  return { width: r.width, height, handles };
}
