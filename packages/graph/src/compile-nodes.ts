import type { z } from 'zod';
import { isNodeKind, kindDefinition, nodeKinds } from './catalog.ts';
import type { CompileContext } from './compile-context.ts';
import { pointer } from './diagnostic.ts';
import { reservedRoots } from './identifier.ts';
import { errorPort } from './node-kind-definition.ts';
import { typeOfValue } from './value-type.ts';

/** Turns zod issue paths into JSON pointers below a base. */
export function issuePointer(base: string, path: readonly PropertyKey[]): string {
  return (
    base +
    pointer(...path.map((segment) => (typeof segment === 'symbol' ? String(segment.description) : segment)))
  );
}

/** A message a person can act on, from a zod issue. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  // Symbol keys (not JSON, but compile() takes anything) would make `join` throw.
  const segments = issue.path.map((segment) =>
    typeof segment === 'symbol' ? String(segment.description) : String(segment),
  );
  const where = segments.length > 0 ? `${segments.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/** Lists of named things inside configs whose names must be unique. */
function namedLists(kind: string, config: Record<string, unknown>): { list: string; key: string }[] {
  switch (kind) {
    case 'start':
      return [{ list: 'inputs', key: 'name' }];
    case 'extractor':
      return [{ list: 'fields', key: 'name' }];
    case 'code':
    case 'end':
      return [{ list: 'outputs', key: 'name' }];
    case 'classifier':
      return [{ list: 'classes', key: 'id' }];
    case 'condition':
      return [{ list: 'cases', key: 'id' }];
    case 'agent':
      return Array.isArray(config.tools) ? [{ list: 'tools', key: 'name' }] : [];
    default:
      return [];
  }
}

function checkUniqueNames(
  context: CompileContext,
  kind: string,
  config: Record<string, unknown>,
  nodeId: string,
  base: string,
) {
  for (const { list, key } of namedLists(kind, config)) {
    const items = config[list];
    if (!Array.isArray(items)) continue;
    const seen = new Set<unknown>();
    items.forEach((item: Record<string, unknown>, index) => {
      const name = item[key];
      if (seen.has(name)) {
        context.report(
          'duplicate_name',
          `“${String(name)}” is used twice in ${list}; names must be unique.`,
          {
            nodeId,
            path: `${base}/${list}/${index}/${key}`,
          },
        );
      }
      seen.add(name);
    });
  }
}

/** Checks ids, kinds and configs of every node and records them in the context. */
export function checkNodes(context: CompileContext): void {
  context.document.nodes.forEach((node, index) => {
    const base = pointer('nodes', index);
    if (context.byId.has(node.id)) {
      context.report('duplicate_node_id', `Node id “${node.id}” is used by more than one node.`, {
        nodeId: node.id,
        path: `${base}/id`,
      });
      return;
    }
    if ((reservedRoots as readonly string[]).includes(node.id)) {
      context.report(
        'reserved_node_id',
        `“${node.id}” is reserved for {{${node.id}.…}} references; rename the node.`,
        {
          nodeId: node.id,
          path: `${base}/id`,
        },
      );
    }
    let checked: (typeof context.nodes)[number] = {
      index,
      id: node.id,
      kind: null,
      definition: null,
      config: null,
      ports: null,
    };
    if (!isNodeKind(node.type)) {
      context.report(
        'unknown_kind',
        `Unknown node kind “${node.type}”; expected one of ${nodeKinds.join(', ')}.`,
        {
          nodeId: node.id,
          path: `${base}/type`,
        },
      );
    } else {
      const definition = kindDefinition(node.type);
      const parsed = definition.configSchema.safeParse(node.config);
      if (parsed.success) {
        const config = parsed.data as Record<string, unknown>;
        const ports = new Set(definition.outputPorts(config));
        if (config.onError === 'route') ports.add(errorPort);
        checked = { index, id: node.id, kind: node.type, definition, config, ports };
        checkUniqueNames(context, node.type, config, node.id, `${base}/config`);
        checkErrorNames(
          context,
          definition.outputs(config),
          definition.outputPorts(config),
          config,
          node.id,
          base,
        );
        checkStartDefaults(context, node.type, config, node.id, base);
      } else {
        for (const issue of parsed.error.issues) {
          context.report('invalid_config', issueMessage(issue), {
            nodeId: node.id,
            path: issuePointer(`${base}/config`, issue.path),
          });
        }
        checked = { index, id: node.id, kind: node.type, definition, config: null, ports: null };
      }
    }
    context.nodes.push(checked);
    context.byId.set(node.id, checked);
  });
}

/** With `onError` continue or route, `error` is the node's own output (and port): nothing declared may take it. */
function checkErrorNames(
  context: CompileContext,
  outputs: Record<string, unknown>,
  ports: readonly string[],
  config: Record<string, unknown>,
  nodeId: string,
  base: string,
) {
  if (config.onError !== 'continue' && config.onError !== 'route') return;
  if (Object.hasOwn(outputs, errorPort) || (config.onError === 'route' && ports.includes(errorPort))) {
    context.report(
      'duplicate_name',
      `“${errorPort}” is taken by the failure of this node (onError: ${String(config.onError)}); rename the output, field or class.`,
      { nodeId, path: `${base}/config` },
    );
  }
}

function checkStartDefaults(
  context: CompileContext,
  kind: string,
  config: Record<string, unknown>,
  nodeId: string,
  base: string,
) {
  if (kind !== 'start' || !Array.isArray(config.inputs)) return;
  config.inputs.forEach((input: { name: string; type: string; default?: unknown }, index: number) => {
    if (input.default === undefined || input.default === null) return;
    const actual = typeOfValue(input.default);
    if (actual !== input.type) {
      context.report(
        'type_mismatch',
        `The default of input “${input.name}” is ${actual}, but the input is ${input.type}.`,
        {
          nodeId,
          path: `${base}/config/inputs/${index}/default`,
        },
      );
    }
  });
}
