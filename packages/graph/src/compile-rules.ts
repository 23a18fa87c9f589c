import type { CompileContext } from './compile-context.ts';
import { pointer } from './diagnostic.ts';
import { type ConditionConfig, elsePort } from './kinds/condition.ts';
import type { StartConfig } from './kinds/start.ts';
import { errorPort } from './node-kind-definition.ts';
import { singleReference } from './template-reference.ts';

/** Exactly one start node; returns its id when there is one. */
export function checkStart(context: CompileContext): string | null {
  const starts = context.nodes.filter((node) => node.kind === 'start');
  if (starts.length === 0) {
    context.report('missing_start', 'Add a start node: every pipeline begins with one.', { path: '/nodes' });
    return null;
  }
  for (const extra of starts.slice(1)) {
    context.report('multiple_starts', `“${extra.id}” is a second start node; a pipeline has exactly one.`, {
      nodeId: extra.id,
      path: pointer('nodes', extra.index),
    });
  }
  return starts[0]?.id ?? null;
}

/** Chat apps answer (and take a text `query`); workflow apps end. */
export function checkMode(context: CompileContext, startId: string | null): void {
  const { mode } = context.document;
  const count = (kind: string) => context.nodes.filter((node) => node.kind === kind);
  if (mode === 'chat') {
    if (count('answer').length === 0) {
      context.report('missing_answer', 'A chat app needs an answer node: it is the reply the caller sees.', {
        path: '/nodes',
      });
    }
    for (const node of count('end')) {
      context.report(
        'end_in_chat',
        `“${node.id}”: chat apps reply with answer nodes; end nodes are for workflow apps.`,
        {
          nodeId: node.id,
          path: pointer('nodes', node.index),
        },
      );
    }
    const start = startId ? context.byId.get(startId) : undefined;
    const config = start?.config as StartConfig | null | undefined;
    if (start && config) {
      const query = config.inputs.find((input) => input.name === 'query');
      if (query?.type !== 'string') {
        context.report(
          'missing_query_input',
          'A chat app’s start node needs a text input named “query”: the user’s message.',
          {
            nodeId: start.id,
            path: `${pointer('nodes', start.index)}/config/inputs`,
          },
        );
      }
    }
  } else {
    if (count('end').length === 0) {
      context.report(
        'missing_end',
        'A workflow app needs an end node: it defines the outputs the caller gets.',
        { path: '/nodes' },
      );
    }
    for (const node of count('answer')) {
      context.report(
        'answer_in_workflow',
        `“${node.id}”: answer nodes reply in chat apps; use an end node in a workflow.`,
        {
          nodeId: node.id,
          path: pointer('nodes', node.index),
        },
      );
    }
  }
}

const numericOperators = new Set(['gt', 'gte', 'lt', 'lte']);

/** Rules compare one reference with a value; numeric operators need a number (or a reference). */
function checkRules(context: CompileContext, nodeId: string, index: number, config: ConditionConfig): void {
  config.cases.forEach((entry, caseIndex) => {
    entry.rules.forEach((rule, ruleIndex) => {
      const base = `${pointer('nodes', index)}/config/cases/${caseIndex}/rules/${ruleIndex}`;
      if (!singleReference(rule.left)) {
        context.report(
          'invalid_config',
          `The left side of a rule must be one reference, e.g. {{start.query}}.`,
          {
            nodeId,
            path: `${base}/left`,
          },
        );
      }
      if (
        numericOperators.has(rule.operator) &&
        !rule.right.includes('{{') &&
        !Number.isFinite(Number(rule.right.trim() || 'x'))
      ) {
        context.report(
          'type_mismatch',
          `${rule.operator} compares numbers, but “${rule.right}” is not a number.`,
          {
            nodeId,
            path: `${base}/right`,
          },
        );
      }
    });
  });
}

/**
 * Branching nodes must handle what they can take: a condition's else port must be connected, its rules
 * well-formed; a classifier class or an error route left unconnected is warned about (it ends the branch).
 */
export function checkBranches(context: CompileContext): void {
  for (const node of context.nodes) {
    if (node.config === null || !node.ports) continue;
    const connected = new Set((context.outgoing.get(node.id) ?? []).map((edge) => edge.port));
    if (node.kind === 'condition') {
      checkRules(context, node.id, node.index, node.config as ConditionConfig);
      if (!connected.has(elsePort)) {
        context.report(
          'condition_missing_else',
          `Connect the else port of “${node.id}”: it is taken when no case matches.`,
          {
            nodeId: node.id,
            path: pointer('nodes', node.index),
          },
        );
      }
    }
    if (connected.size === 0) continue;
    for (const port of node.ports) {
      if (connected.has(port) || (node.kind === 'condition' && port === elsePort)) continue;
      if (node.kind !== 'classifier' && node.kind !== 'condition' && port !== errorPort) continue;
      context.report(
        'unconnected_port',
        `The “${port}” port of “${node.id}” is not connected; when it is taken, nothing after this node runs.`,
        { nodeId: node.id, path: pointer('nodes', node.index) },
        'warning',
      );
    }
  }
}

/** Warns about nodes whose results nothing uses. */
export function checkDeadEnds(context: CompileContext, referenced: ReadonlySet<string>): void {
  for (const node of context.nodes) {
    if (node.kind === 'answer' || node.kind === 'end' || node.kind === null) continue;
    if ((context.outgoing.get(node.id)?.length ?? 0) > 0 || referenced.has(node.id)) continue;
    if (node.kind === 'llm' && (node.config as { stream?: boolean } | null)?.stream) continue;
    context.report(
      'dead_end',
      `Nothing uses the output of “${node.id}”; connect it to a later node.`,
      { nodeId: node.id, path: pointer('nodes', node.index) },
      'warning',
    );
  }
}
