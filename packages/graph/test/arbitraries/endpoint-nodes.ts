/** The nodes at both ends of a generated workflow: the start, and the answer (chat) or end (workflow). */
import type { DeclarableType, ValueType } from '../../src/index.ts';
import { ConfigBuilder, declaredType, fieldNames, type Output } from './config-builder.ts';
import type { Dice } from './dice.ts';
import { type GeneratedNode, prototypeNames } from './workflow-model.ts';

function valueOfType(type: DeclarableType, text: string): unknown {
  return { string: text, number: 3, boolean: true, object: { a: text }, array: [1, text] }[type];
}

export function startNode(dice: Dice, id: string, mode: 'chat' | 'workflow'): GeneratedNode {
  const build = new ConfigBuilder(dice, []);
  const names = dice.distinct(
    fieldNames.filter((name) => name !== 'query'),
    dice.int(1, 3),
  );
  const inputs: Record<string, unknown>[] = [];
  if (mode === 'chat' || dice.chance(70)) inputs.push({ name: 'query', type: 'string', required: true });
  // Workflow apps may leave `query` out, but every start has an input for later nodes to reference.
  if (inputs.length > 0 && dice.chance(50)) names.pop();
  for (const name of names) {
    const type = declaredType(dice);
    const fallback = dice.pick(['absent', 'absent', 'value', 'null']);
    inputs.push({
      name,
      type,
      ...(fallback === 'value' ? { default: valueOfType(type, `Hi ${build.decoy()}`) } : {}),
      ...(fallback === 'null' ? { default: null } : {}),
      ...(dice.chance(30) ? { required: true } : {}),
      ...(dice.chance(20) ? { description: `Write ${build.decoy()} to mention someone` } : {}),
    });
  }
  if (dice.chance(30)) inputs.reverse();
  return {
    id,
    type: 'start',
    config: { inputs },
    references: [],
    ports: ['out'],
    outputs: Object.fromEntries(inputs.map((input) => [String(input.name), input.type as ValueType])),
    typedSites: [],
  };
}

/** The answer (chat) or end (workflow) node, referencing at least one upstream node. */
export function finalNode(
  dice: Dice,
  id: string,
  mode: 'chat' | 'workflow',
  upstream: readonly Output[],
): GeneratedNode {
  const build = new ConfigBuilder(dice, upstream);
  if (mode === 'chat') {
    const config = { text: build.text('/text', 1, true) };
    return {
      id,
      type: 'answer',
      config,
      references: build.references,
      ports: ['out'],
      outputs: { text: 'string' },
      typedSites: [],
    };
  }
  const names = dice.distinct(['result', 'summary', 'score', ...prototypeNames], dice.int(1, 3));
  const outputs = names.map((name, outputIndex) => {
    const path = `/outputs/${outputIndex}/value`;
    if (outputIndex > 0 && dice.chance(30)) {
      // Text around the references, so the value is never a single (typed) reference.
      const value = `Value: ${build.text(path)}`;
      return { name, value, ...(dice.chance(50) ? { type: 'string' } : {}) };
    }
    // The first output always references a node, so every workflow has a referenced node.
    const { text, type } = build.single(path, outputIndex > 0);
    const declared = !dice.chance(50) ? undefined : type === 'any' ? declaredType(dice) : type;
    if (declared !== undefined && type !== 'any') build.typedSites.push({ kind: 'end', outputIndex, type });
    return { name, value: text, ...(declared === undefined ? {} : { type: declared }) };
  });
  return {
    id,
    type: 'end',
    config: { outputs },
    references: build.references,
    ports: ['out'],
    outputs: Object.fromEntries(
      outputs.map((output) => [output.name, (output.type as ValueType | undefined) ?? 'any']),
    ),
    typedSites: build.typedSites,
  };
}
