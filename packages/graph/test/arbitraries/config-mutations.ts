/** Mutations inside node configs of valid workflows, each with the errors compile() must report. */
import { declarableTypes, type ValueType } from '../../src/index.ts';
import type { DiagnosticSite } from '../documents.ts';
import { numericOperators } from './middle-node.ts';
import type { Mutation } from './mutations.ts';
import { at, type GeneratedNode, type GeneratedWorkflow, toDocument, withConfig } from './workflow-model.ts';

type Rule = { left: string; operator: string; right: string };
type Case = { rules: Rule[] };

/** The type of `left` each operator takes, written here so the oracle stays independent. */
const operatorTypes: Record<string, ValueType> = {
  equals: 'any',
  notEquals: 'any',
  contains: 'any',
  notContains: 'any',
  startsWith: 'string',
  endsWith: 'string',
  isEmpty: 'any',
  isNotEmpty: 'any',
  gt: 'number',
  gte: 'number',
  lt: 'number',
  lte: 'number',
  isTrue: 'boolean',
  isFalse: 'boolean',
};

/** Whether a numeric rule's right side is acceptable: a template, or a decimal number. */
function numericRightOk(right: string): boolean {
  return right.includes('{{') || /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(right);
}

/** Every rule of every condition, with where it is and the type of its left side. */
function rulesOf(workflow: GeneratedWorkflow) {
  return workflow.nodes.flatMap((node, index) =>
    node.type !== 'condition'
      ? []
      : (node.config.cases as Case[]).flatMap((entry, caseIndex) =>
          entry.rules.map((rule, ruleIndex) => {
            const typed = node.typedSites.find(
              (site) =>
                site.kind === 'condition' && site.caseIndex === caseIndex && site.ruleIndex === ruleIndex,
            );
            return {
              node,
              index,
              caseIndex,
              ruleIndex,
              rule,
              // The generator records the type of every left side but those of type any.
              leftType: typed?.type ?? 'any',
              path: `/nodes/${index}/config/cases/${caseIndex}/rules/${ruleIndex}`,
            };
          }),
        ),
  );
}

/** The workflow with one rule changed. */
function withRule(workflow: GeneratedWorkflow, site: ReturnType<typeof rulesOf>[number], rule: Rule) {
  const config = structuredClone(site.node.config);
  const cases = config.cases as Case[];
  const rules = cases[site.caseIndex]?.rules;
  if (rules) rules[site.ruleIndex] = rule;
  return toDocument(withConfig(workflow, site.index, config));
}

const mismatchedOperator: Record<ValueType, string> = {
  string: 'gt',
  number: 'startsWith',
  boolean: 'lt',
  object: 'endsWith',
  array: 'isTrue',
  any: 'gt',
};

/** Breaks one typed field; the start's first input default when the workflow has none. */
export function breakType(workflow: GeneratedWorkflow, choice: number): Mutation {
  const sites = workflow.nodes.flatMap((node, index) =>
    node.typedSites.map((site) => ({ node, index, site })),
  );
  if (sites.length === 0) {
    const start = workflow.nodes[0];
    const inputs = (start?.config.inputs ?? []) as Record<string, unknown>[];
    const first = inputs[0];
    if (!start || !first) {
      // A start without inputs: give it one whose default has the wrong type.
      const config = { inputs: [{ name: 'broken', type: 'number', default: 'three' }] };
      return {
        name: 'start default',
        document: toDocument(withConfig(workflow, 0, config)),
        errors: [
          { code: 'type_mismatch', nodeId: start?.id ?? '', path: '/nodes/0/config/inputs/0/default' },
        ],
      };
    }
    const wrong = first.type === 'string' ? 42 : 'text';
    const config = { ...start.config, inputs: [{ ...first, default: wrong }, ...inputs.slice(1)] };
    return {
      name: 'start default',
      document: toDocument(withConfig(workflow, 0, config)),
      errors: [{ code: 'type_mismatch', nodeId: start.id, path: '/nodes/0/config/inputs/0/default' }],
    };
  }
  const { node, index, site } = at(sites, choice);
  const config = structuredClone(node.config);
  if (site.kind === 'condition') {
    const rule = (config.cases as Case[])[site.caseIndex]?.rules[site.ruleIndex];
    if (!rule) throw new Error('a typed site without its rule');
    rule.operator = mismatchedOperator[site.type];
    const path = `/nodes/${index}/config/cases/${site.caseIndex}/rules/${site.ruleIndex}`;
    const errors: DiagnosticSite[] = [{ code: 'type_mismatch', nodeId: node.id, path: `${path}/left` }];
    // gt and lt also need a number (or a template) on the right.
    if (numericOperators.includes(rule.operator) && !numericRightOk(rule.right))
      errors.push({ code: 'type_mismatch', nodeId: node.id, path: `${path}/right` });
    return {
      name: `condition ${node.id} ${site.type} → ${rule.operator}`,
      document: toDocument(withConfig(workflow, index, config)),
      errors,
    };
  }
  const output = (config.outputs as { type?: string }[])[site.outputIndex];
  if (output) output.type = declarableTypes.find((type) => type !== site.type) ?? 'string';
  return {
    name: `end ${node.id} ${site.type}`,
    document: toDocument(withConfig(workflow, index, config)),
    errors: [
      {
        code: 'type_mismatch',
        nodeId: node.id,
        path: `/nodes/${index}/config/outputs/${site.outputIndex}/value`,
      },
    ],
  };
}

/**
 * Puts text around the reference on a rule's left side, which must be exactly one reference, and
 * picks the rule's operator.
 */
export function breakRuleLeft(workflow: GeneratedWorkflow, choice: number): Mutation | null {
  const rules = rulesOf(workflow);
  if (rules.length === 0) return null;
  const site = at(rules, choice);
  const { node, rule, path } = site;
  const operator = at(Object.keys(operatorTypes), choice >> 3);
  const errors: DiagnosticSite[] = [{ code: 'invalid_config', nodeId: node.id, path: `${path}/left` }];
  // The text is a string, so the typed check of the left side reports it too when a string will not do.
  const expected = operatorTypes[operator];
  if (expected !== 'any' && expected !== 'string')
    errors.push({ code: 'type_mismatch', nodeId: node.id, path: `${path}/left` });
  if (numericOperators.includes(operator) && !numericRightOk(rule.right))
    errors.push({ code: 'type_mismatch', nodeId: node.id, path: `${path}/right` });
  return {
    name: `text around the left side of ${path}, ${operator}`,
    document: withRule(workflow, site, { ...rule, operator, left: `Value: ${rule.left}` }),
    errors,
  };
}

/**
 * Makes a rule whose left side may be a number compare with gt/gte/lt/lte, against a word on the
 * right (an error) or a number (fine).
 */
export function changeNumericRight(workflow: GeneratedWorkflow, choice: number): Mutation | null {
  const rules = rulesOf(workflow).filter(({ leftType }) => leftType === 'number' || leftType === 'any');
  if (rules.length === 0) return null;
  const site = at(rules, choice);
  const words = ['many', '', ' ', 'ten', '3 apples', 'NaN', 'Infinity', '1,5'];
  const numbers = ['7', ' -0.5 ', '1e-3', '+2', '.5', '10.'];
  const word = choice % 2 === 0;
  const right = word ? at(words, choice >> 1) : at(numbers, choice >> 1);
  const operator = numericOperators.includes(site.rule.operator)
    ? site.rule.operator
    : at(numericOperators, choice >> 4);
  return {
    name: `${operator} ${JSON.stringify(right)} at ${site.path}`,
    document: withRule(workflow, site, { ...site.rule, operator, right }),
    errors: word ? [{ code: 'type_mismatch', nodeId: site.node.id, path: `${site.path}/right` }] : [],
  };
}

/**
 * Declares an output, field or class named `error` on a node whose failures continue or are routed,
 * where `error` is already the node's own output (or port).
 */
export function declareErrorOutput(workflow: GeneratedWorkflow, choice: number): Mutation | null {
  const takesError = (node: GeneratedNode) => {
    const onError = node.config.onError;
    if (node.type === 'classifier') return onError === 'route';
    return (
      (node.type === 'extractor' || node.type === 'code') && (onError === 'continue' || onError === 'route')
    );
  };
  const candidates = workflow.nodes.flatMap((node, index) => (takesError(node) ? [{ node, index }] : []));
  if (candidates.length === 0) return null;
  const { node, index } = at(candidates, choice);
  const config = structuredClone(node.config);
  if (node.type === 'classifier') (config.classes as unknown[]).push({ id: 'error', name: 'Error report' });
  else if (node.type === 'extractor') (config.fields as unknown[]).push({ name: 'error', type: 'string' });
  else (config.outputs as unknown[]).push({ name: 'error', type: 'number' });
  return {
    name: `${node.type} ${node.id} declares error (onError ${String(node.config.onError)})`,
    document: toDocument(withConfig(workflow, index, config)),
    errors: [{ code: 'duplicate_name', nodeId: node.id, path: `/nodes/${index}/config` }],
  };
}

/**
 * Renames the argument of an agent tool's URL: an error when the tool declares its parameters,
 * fine when it declares none.
 */
export function renameToolArgument(workflow: GeneratedWorkflow, choice: number): Mutation | null {
  const tools = workflow.nodes.flatMap((node, index) =>
    node.type !== 'agent'
      ? []
      : (node.config.tools as Record<string, unknown>[]).map((tool, toolIndex) => ({
          node,
          index,
          tool,
          toolIndex,
        })),
  );
  if (tools.length === 0) return null;
  const { node, index, tool, toolIndex } = at(tools, choice);
  const config = structuredClone(node.config);
  const copy = (config.tools as Record<string, unknown>[])[toolIndex];
  if (!copy) throw new Error('a tool went missing');
  copy.url = String(tool.url).replace(/\{\{args\.\w+\}\}/, '{{args.renamed}}');
  const properties = (tool.parameters as { properties?: object } | undefined)?.properties ?? {};
  const declared = Object.keys(properties).length > 0;
  return {
    name: `tool ${String(tool.name)} of ${node.id} uses {{args.renamed}}`,
    document: toDocument(withConfig(workflow, index, config)),
    errors: declared
      ? [{ code: 'unknown_field', nodeId: node.id, path: `/nodes/${index}/config/tools/${toolIndex}/url` }]
      : [],
  };
}
