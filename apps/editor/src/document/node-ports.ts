import {
  type DocumentNode,
  defaultPort,
  errorPort,
  isNodeKind,
  kindDefinition,
  type ValueType,
} from '@edgeflow/graph';

interface NodeShape {
  /** The config with defaults filled, or null when it does not validate. */
  readonly config: Record<string, unknown> | null;
  readonly ports: readonly string[];
  readonly outputs: Readonly<Record<string, ValueType>>;
}

// Keyed by the config object: configs are replaced, never mutated, so a hit is always current.
const shapes = new WeakMap<object, NodeShape>();
const unknownShape: NodeShape = { config: null, ports: [defaultPort], outputs: {} };

/** The parsed config, output ports and typed outputs of a node, as compile() sees them. */
export function nodeShape(node: Pick<DocumentNode, 'type' | 'config'>): NodeShape {
  if (!isNodeKind(node.type)) return unknownShape;
  const cached = shapes.get(node.config);
  if (cached) return cached;
  const definition = kindDefinition(node.type);
  const parsed = definition.configSchema.safeParse(node.config);
  let shape: NodeShape;
  if (parsed.success) {
    const config = parsed.data as Record<string, unknown>;
    const ports = definition.outputPorts(config);
    const outputs = { ...definition.outputs(config) };
    if (config.onError === 'route') ports.push(errorPort);
    if (config.onError === 'route' || config.onError === 'continue') outputs.error = 'object';
    shape = { config, ports, outputs };
  } else {
    shape = { config: null, ports: [defaultPort], outputs: {} };
  }
  shapes.set(node.config, shape);
  return shape;
}

/** Whether the node takes incoming edges (every kind but start). */
export function hasInputPort(node: Pick<DocumentNode, 'type'>): boolean {
  return isNodeKind(node.type) ? kindDefinition(node.type).hasInput : true;
}
