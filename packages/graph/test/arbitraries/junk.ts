/** Junk shaped like documents, templates and configs: compile() must answer it without throwing. */
import fc from 'fast-check';
import { configJsonSchema, declarableTypes, nodeKinds } from '../../src/index.ts';
import { validWorkflow } from './valid-workflow.ts';
import { at, prototypeNames, toDocument } from './workflow-model.ts';

const configKeys = [
  ...new Set(
    nodeKinds.flatMap((kind) => Object.keys((configJsonSchema(kind).properties as object | undefined) ?? {})),
  ),
];
const documentKeys = [
  'schema',
  'name',
  'mode',
  'nodes',
  'edges',
  'id',
  'type',
  'config',
  'source',
  'target',
  'sourceHandle',
];

/** Strings made of template pieces: references, half references, code, Chinese text. */
export const templateJunk = fc
  .array(
    fc.constantFrom(
      '{{',
      '}}',
      '{{start.query}}',
      '{{ sys.now }}',
      '{{secrets.KEY}}',
      '{{args.id}}',
      '{{llm.text}}',
      '{{constructor.constructor}}',
      "{{constructor.constructor('return this')()}}",
      '{{__proto__.x}}',
      '{{start.__proto__}}',
      '\\{{',
      '\\',
      '{{args.renamed}}',
      '[0]',
      '.',
      ' ',
      '请回答',
      'else',
      'error',
    ),
    { maxLength: 12 },
  )
  .map((pieces) => pieces.join(''));

const idJunk = fc.oneof(
  fc.constantFrom('start', 'llm', 'answer', 'end', 'sys', 'secrets', 'args', 'missing', ...prototypeNames),
  fc.string({ maxLength: 70 }),
);

const leafJunk = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  templateJunk,
  idJunk,
  fc.constantFrom(
    ...nodeKinds,
    ...declarableTypes,
    'chat',
    'workflow',
    'edgeflow/workflow@1',
    'route',
    'continue',
  ),
  fc.integer({ min: 0, max: 300_000 }).map((length) => 'x'.repeat(length)),
);

/** Objects whose keys include inherited property names, made own properties as JSON.parse would. */
export const prototypeObject = fc
  .array(fc.tuple(fc.constantFrom(...prototypeNames, ...documentKeys, ...configKeys), leafJunk), {
    maxLength: 6,
  })
  .map((entries) => Object.fromEntries(entries));

export const junkValue = fc.oneof(
  { weight: 3, arbitrary: leafJunk },
  { weight: 1, arbitrary: prototypeObject },
);

/** A document-shaped object with junk in any field. */
export const documentLike = fc.record(
  {
    schema: fc.oneof(fc.constant('edgeflow/workflow@1'), junkValue),
    name: fc.oneof(fc.constant('Junk'), junkValue),
    mode: fc.oneof(fc.constantFrom('chat', 'workflow'), junkValue),
    nodes: fc.oneof(
      fc.array(
        fc.oneof(
          fc.record(
            {
              id: idJunk,
              type: fc.oneof(fc.constantFrom(...nodeKinds), junkValue),
              position: fc.oneof(fc.constant({ x: 0, y: 0 }), junkValue),
              title: junkValue,
              config: fc.oneof(prototypeObject, junkValue),
            },
            { requiredKeys: ['id', 'type'] },
          ),
          junkValue,
        ),
        { maxLength: 8 },
      ),
      junkValue,
    ),
    edges: fc.oneof(
      fc.array(
        fc.oneof(
          fc.record(
            {
              id: idJunk,
              source: idJunk,
              target: idJunk,
              sourceHandle: fc.oneof(fc.constantFrom('out', 'else', 'error', null), junkValue),
            },
            { requiredKeys: [] },
          ),
          junkValue,
        ),
        { maxLength: 10 },
      ),
      junkValue,
    ),
  },
  { requiredKeys: [] },
);

/** Every location in a JSON value, as paths of keys and indexes. */
function locations(
  value: unknown,
  path: (string | number)[] = [],
  found: (string | number)[][] = [],
): (string | number)[][] {
  found.push(path);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) locations(item, [...path, index], found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) locations(item, [...path, key], found);
  }
  return found;
}

function replaceAt(
  root: unknown,
  path: readonly (string | number)[],
  replacement: unknown,
  remove: boolean,
): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    if (remove && rest.length === 0) copy.splice(Number(head), 1);
    else copy[Number(head)] = replaceAt(copy[Number(head)], rest, replacement, remove);
    return copy;
  }
  const entries = Object.entries(root as Record<string, unknown>).flatMap(
    ([key, item]): [string, unknown][] => {
      if (key !== head) return [[key, item]];
      return remove && rest.length === 0 ? [] : [[key, replaceAt(item, rest, replacement, remove)]];
    },
  );
  return Object.fromEntries(entries);
}

/** A valid document with a few fields replaced by junk or removed. */
export const corruptedDocument = fc
  .tuple(
    validWorkflow({ maxMiddle: 5 }),
    fc.array(fc.tuple(fc.nat(), junkValue, fc.boolean()), { minLength: 1, maxLength: 4 }),
  )
  .map(([workflow, corruptions]) => {
    let document: unknown = toDocument(workflow);
    for (const [choice, junk, remove] of corruptions) {
      const found = locations(document);
      document = replaceAt(document, at(found, choice), junk, remove);
    }
    return document;
  });

/** Arrays and objects nested `depth` levels deep, built without recursion. */
export function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level += 1)
    value = level % 2 === 0 ? [value] : { a: value, [prototypeNames[level % 6] ?? 'x']: level };
  return value;
}
