/** Keys no schema knows, added anywhere in a valid workflow's document. */
import type { Mutation } from './mutations.ts';
import { at, escapeSegment, type GeneratedWorkflow, toDocument } from './workflow-model.ts';

type Case = { rules: unknown[] };

/** An object of a document where a key may be added: strict ones (configs) reject it, others ignore it. */
interface ObjectSite {
  readonly path: readonly (string | number)[];
  readonly strict: boolean;
  readonly nodeId?: string;
}

function objectSites(workflow: GeneratedWorkflow): ObjectSite[] {
  const sites: ObjectSite[] = [{ path: [], strict: false }];
  workflow.edges.forEach((_, index) => {
    sites.push({ path: ['edges', index], strict: false });
  });
  workflow.nodes.forEach((node, index) => {
    const base = ['nodes', index, 'config'];
    const add = (strict: boolean, ...path: (string | number)[]) => {
      sites.push({ path: [...base, ...path], strict, nodeId: node.id });
    };
    sites.push({ path: ['nodes', index], strict: false });
    add(true);
    const { config } = node;
    for (const key of ['retry', 'memory']) if (typeof config[key] === 'object') add(true, key);
    for (const list of ['inputs', 'fields', 'outputs', 'classes']) {
      const items: unknown = config[list];
      if (Array.isArray(items)) for (const item of items.keys()) add(true, list, item);
    }
    if (node.type === 'condition') {
      (config.cases as Case[]).forEach((entry, caseIndex) => {
        add(true, 'cases', caseIndex);
        for (const ruleIndex of entry.rules.keys()) add(true, 'cases', caseIndex, 'rules', ruleIndex);
      });
    }
    if (node.type === 'agent') {
      (config.tools as Record<string, unknown>[]).forEach((tool, toolIndex) => {
        add(true, 'tools', toolIndex);
        // A tool's parameters are JSON Schema, open to whatever keys it uses.
        if (tool.parameters) {
          add(false, 'tools', toolIndex, 'parameters');
          add(false, 'tools', toolIndex, 'parameters', 'properties');
        }
      });
    }
  });
  return sites;
}

/** Adds a key (a typo of a real one, or a stranger) to one object of the document. */
export function addStrayKey(workflow: GeneratedWorkflow, choice: number): Mutation {
  const site = at(objectSites(workflow), choice);
  const key = at(['promt', 'Prompt', 'extra', 'onerror', 'retries', 'name_'], choice >> 3);
  const document = toDocument(workflow) as unknown;
  let target = document as Record<string | number, unknown>;
  for (const segment of site.path) target = target[segment] as Record<string | number, unknown>;
  target[key] = choice % 3 === 0 ? 'Summarise {{start.query}}' : { value: choice };
  const path = site.path
    .map(escapeSegment)
    .map((segment) => `/${segment}`)
    .join('');
  return {
    name: `${key} at ${path || 'the root'}`,
    document,
    errors:
      site.strict && site.nodeId !== undefined ? [{ code: 'invalid_config', nodeId: site.nodeId, path }] : [],
  };
}
