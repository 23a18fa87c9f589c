/** A generated node of each kind between the start and the end: a valid config and its model. */
import type { NodeKind, ValueType } from '../../src/index.ts';
import { ConfigBuilder, declaredType, fieldNames, type Output } from './config-builder.ts';
import type { Dice } from './dice.ts';
import { escapeSegment, type GeneratedNode } from './workflow-model.ts';

export const middleKinds = [
  'llm',
  'template',
  'retrieval',
  'http',
  'agent',
  'condition',
  'classifier',
  'extractor',
  'code',
] as const satisfies readonly NodeKind[];
export type MiddleKind = (typeof middleKinds)[number];

const erroringKinds: ReadonlySet<NodeKind> = new Set([
  'llm',
  'retrieval',
  'http',
  'agent',
  'classifier',
  'extractor',
  'code',
]);
export const numericOperators: readonly string[] = ['gt', 'gte', 'lt', 'lte'];
const operatorsFor: Record<ValueType, readonly string[]> = {
  string: [
    'equals',
    'notEquals',
    'contains',
    'notContains',
    'isEmpty',
    'isNotEmpty',
    'startsWith',
    'endsWith',
  ],
  number: ['equals', 'notEquals', 'isEmpty', 'gt', 'gte', 'lt', 'lte'],
  boolean: ['equals', 'isNotEmpty', 'isTrue', 'isFalse'],
  object: ['equals', 'contains', 'isEmpty', 'isNotEmpty'],
  array: ['contains', 'notContains', 'isEmpty', 'isNotEmpty'],
  any: ['equals', 'contains', 'startsWith', 'gt', 'lte', 'isTrue', 'isFalse', 'isEmpty'],
};

/**
 * Names for declared outputs, fields or classes. `error` is only free when failures fail the run:
 * with continue or route it is the node's own output (a duplicate_name).
 */
function declaredNames(dice: Dice, names: readonly string[], count: number, onError: unknown): string[] {
  const chosen = dice.distinct(names, count);
  const errorFree = onError !== 'continue' && onError !== 'route';
  if (errorFree && dice.chance(15)) chosen[0] = 'error';
  return chosen;
}

function agentTools(build: ConfigBuilder): Record<string, unknown>[] {
  const { dice } = build;
  const tools: Record<string, unknown>[] = [];
  if (dice.chance(60)) {
    // Declared parameters: `{{args.…}}` must name one of them.
    const body = dice.chance(50);
    tools.push({
      name: 'lookup',
      description: `Looks an item up; never ${build.decoy()}`,
      parameters: {
        type: 'object',
        properties: { id: { type: 'string', description: `e.g. ${build.decoy()}` } },
        required: ['id'],
      },
      url: 'https://api.example.com/items/{{args.id}}',
      headers: { 'X-Key': '{{secrets.KEY}}' },
      ...(body
        ? {
            method: 'POST',
            body: `{"id": "{{ args.id }}", "from": "${build.text(`/tools/${tools.length}/body`)}"}`,
          }
        : {}),
    });
  }
  if (dice.chance(50)) {
    // No declared parameters: any `{{args.…}}` is accepted.
    tools.push({
      name: 'search',
      url: `https://api.example.com/search?q={{args.q}}&from=${build.text(`/tools/${tools.length}/url`)}`,
    });
  }
  return tools;
}

/** The config, ports and outputs of a node of a middle kind, referencing only `upstream`. */
export function middleNode(
  dice: Dice,
  id: string,
  kind: MiddleKind,
  upstream: readonly Output[],
): GeneratedNode {
  const build = new ConfigBuilder(dice, upstream);
  const onError: Record<string, unknown> = erroringKinds.has(kind)
    ? dice.pick([{}, { onError: 'fail' }, { onError: 'continue' }, { onError: 'route' }, {}])
    : {};
  let config: Record<string, unknown>;
  let outputs: Record<string, ValueType>;
  let ports = ['out'];
  switch (kind) {
    case 'llm':
      config = {
        model: dice.pick(['local:echo', 'alibaba:qwen-plus', 'openai:gpt-4o-mini']),
        system: build.text('/system', 0, true),
        prompt: build.text('/prompt', 0, true),
        ...(dice.chance(50) ? { temperature: dice.pick([0, 0.7, 2]) } : {}),
        ...(dice.chance(30) ? { memory: { turns: dice.int(0, 10) } } : {}),
        ...(dice.chance(20) ? { stream: true } : {}),
        ...(dice.chance(20) ? { retry: { attempts: dice.int(1, 3) } } : {}),
      };
      outputs = { text: 'string', usage: 'object' };
      break;
    case 'template':
      config = { template: build.text('/template', 0, true) };
      outputs = { text: 'string' };
      break;
    case 'retrieval':
      config = {
        knowledgeBaseIds: ['kb_docs'],
        query: build.text('/query', 0, true),
        topK: dice.int(1, 10),
        mode: dice.pick(['keyword', 'vector', 'hybrid']),
      };
      outputs = { chunks: 'array', context: 'string' };
      break;
    case 'http': {
      const header = dice.pick(['Authorization', 'X~Trace', 'X-Query']);
      config = {
        method: dice.pick(['GET', 'POST', 'PUT']),
        url: `https://api.example.com/${build.text('/url', 0, true)}`,
        headers: { [header]: `${build.text(`/headers/${escapeSegment(header)}`)} {{secrets.API_KEY}}` },
        ...(dice.chance(50) ? { body: `{"q": "${build.text('/body')}", "key": "{{secrets.SALT}}"}` } : {}),
        response: dice.pick(['json', 'text']),
      };
      outputs = { status: 'number', body: 'string', json: 'any', headers: 'object' };
      break;
    }
    case 'agent':
      config = {
        ...(dice.chance(40) ? { system: build.text('/system') } : {}),
        prompt: build.text('/prompt'),
        maxSteps: dice.int(1, 8),
        tools: agentTools(build),
      };
      outputs = { text: 'string', toolCalls: 'array', usage: 'object' };
      break;
    case 'condition': {
      const caseIds = dice.distinct(['yes', 'no', 'maybe', 'high', 'low', 'case_1'], dice.int(1, 3));
      const cases = caseIds.map((caseId, caseIndex) => ({
        id: caseId,
        logic: dice.pick(['and', 'or']),
        rules: Array.from({ length: dice.int(1, 2) }, (_, ruleIndex) => {
          const rule = `/cases/${caseIndex}/rules/${ruleIndex}`;
          const left = build.single(`${rule}/left`);
          if (left.type !== 'any')
            build.typedSites.push({ kind: 'condition', caseIndex, ruleIndex, type: left.type });
          const operator = dice.pick(operatorsFor[left.type]);
          return {
            left: left.text,
            operator,
            right: numericOperators.includes(operator)
              ? build.numeric(`${rule}/right`)
              : build.text(`${rule}/right`, 0, true),
          };
        }),
      }));
      config = { cases };
      outputs = { case: 'string' };
      ports = [...caseIds, 'else'];
      break;
    }
    case 'classifier': {
      const allowed = ['billing', 'support', 'other', 'spam', 'question'];
      const classIds =
        onError.onError === 'route'
          ? dice.distinct(allowed, dice.int(2, 3))
          : declaredNames(dice, allowed, dice.int(2, 3), undefined);
      config = {
        input: build.text('/input'),
        classes: classIds.map((classId) => ({
          id: classId,
          name: dice.chance(20) ? `Asks about ${build.decoy()}` : classId.toUpperCase(),
          ...(dice.chance(20) ? { description: `Not ${build.decoy()}` } : {}),
        })),
        ...(dice.chance(30) ? { instructions: 'Pick one.' } : {}),
      };
      outputs = { class: 'string' };
      ports = classIds;
      break;
    }
    case 'extractor': {
      const fields = declaredNames(dice, fieldNames, dice.int(1, 3), onError.onError).map((name) => ({
        name,
        type: declaredType(dice),
        ...(dice.chance(20) ? { description: `Like ${build.decoy()}` } : {}),
      }));
      config = { input: build.text('/input'), fields };
      outputs = Object.fromEntries(fields.map((field) => [field.name, field.type]));
      break;
    }
    case 'code': {
      const inputs = Object.fromEntries(
        dice
          .distinct(['text', 'n', 'data'], dice.int(0, 2))
          .map((name) => [
            name,
            dice.chance(50) ? build.single(`/inputs/${name}`).text : build.text(`/inputs/${name}`),
          ]),
      );
      const declared = declaredNames(dice, fieldNames, dice.int(1, 3), onError.onError).map((name) => ({
        name,
        type: declaredType(dice),
      }));
      // The program is JavaScript, not a template: braces in its strings are its own business.
      const greeting = JSON.stringify(`Hi ${build.decoy()}`);
      config = {
        code: `function main(inputs) {\n  const greeting = ${greeting};\n  return { result: greeting + String(inputs.text) };\n}\n`,
        inputs,
        outputs: declared,
      };
      outputs = Object.fromEntries(declared.map((output) => [output.name, output.type]));
      break;
    }
  }
  config = { ...config, ...onError };
  if (onError.onError === 'continue' || onError.onError === 'route')
    outputs = { ...outputs, error: 'object' };
  if (onError.onError === 'route') ports = [...ports, 'error'];
  return {
    id,
    type: kind,
    config,
    references: build.references,
    ports,
    outputs,
    typedSites: build.typedSites,
  };
}
