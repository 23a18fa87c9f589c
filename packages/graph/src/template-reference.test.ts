import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findConfigReferences,
  findReferences,
  parseReferencePath,
  parseTemplate,
  type ReferenceResolver,
  renderTemplate,
  resolvePath,
  resolveValue,
  singleReference,
  stringifyValue,
  type TemplateReference,
  templateStrings,
} from './index.ts';

/** Resolves references against a plain object of node outputs, own properties only. */
function from(values: unknown): ReferenceResolver {
  return (reference) => resolvePath(values, [reference.root, ...reference.path]);
}

const outputs = {
  start: { query: 'How do I reset my password?', count: 3, flag: false, nothing: null },
  kb: {
    chunks: [
      { text: 'Open settings.', score: 0.9, title: 'Reset' },
      { text: 'Click reset.', score: 0.5, title: 'Reset' },
    ],
    context: 'Open settings.\n\nClick reset.',
  },
  llm: { text: '好的', usage: { inputTokens: 12, outputTokens: 3 } },
  a: {},
};

describe('parseReferencePath', () => {
  it('splits a root and a dotted path with [n] indexes', () => {
    expect(parseReferencePath('kb.chunks[0].text')).toEqual({ root: 'kb', path: ['chunks', 0, 'text'] });
    expect(parseReferencePath('start')).toEqual({ root: 'start', path: [] });
    expect(parseReferencePath('matrix[1][22]')).toEqual({ root: 'matrix', path: [1, 22] });
    expect(parseReferencePath('_a1._b2')).toEqual({ root: '_a1', path: ['_b2'] });
  });

  it.each([
    '',
    '1node.text',
    'node.',
    'node..text',
    'node.1',
    'node[]',
    'node[-1]',
    'node[1e3]',
    'node[ 0 ]',
    'node[0',
    'node[1234567890]',
    'node text',
    'node.text()',
    'node["text"]',
    "constructor.constructor('return this')()",
    '开始.问题',
  ])('rejects %j', (source) => {
    expect(parseReferencePath(source)).toBeNull();
  });
});

describe('parseTemplate and findReferences', () => {
  it('splits text and references, trimming whitespace inside the braces', () => {
    const segments = parseTemplate('Hi {{ start.query }}, see {{kb.chunks[1].title}}.');
    expect(segments.map((segment) => segment.kind)).toEqual([
      'text',
      'reference',
      'text',
      'reference',
      'text',
    ]);
    const [first, second] = findReferences('Hi {{ start.query }}, see {{kb.chunks[1].title}}.');
    expect(first).toMatchObject({
      source: 'start.query',
      root: 'start',
      path: ['query'],
      valid: true,
      start: 3,
      end: 20,
    });
    expect(second).toMatchObject({ root: 'kb', path: ['chunks', 1, 'title'], valid: true });
  });

  it('accepts tabs and newlines around a reference but not inside it', () => {
    expect(findReferences('{{\n\tstart.query \n}}')[0]).toMatchObject({ valid: true, root: 'start' });
    expect(findReferences('{{start. query}}')[0]).toMatchObject({ valid: false, root: '', path: [] });
  });

  it('keeps start and end offsets in UTF-16 units around Chinese text and emoji', () => {
    const template = '请根据以下内容回答：{{kb.context}}😀问题：{{ start.query }}。';
    const references = findReferences(template);
    expect(references.map((reference) => template.slice(reference.start, reference.end))).toEqual([
      '{{kb.context}}',
      '{{ start.query }}',
    ]);
  });

  it('treats an unterminated {{ as text', () => {
    expect(parseTemplate('Hello {{start.query')).toEqual([{ kind: 'text', text: 'Hello {{start.query' }]);
    expect(parseTemplate('{{a.b}} and {{b')).toEqual([
      { kind: 'reference', reference: expect.objectContaining({ root: 'a', path: ['b'] }) },
      { kind: 'text', text: ' and {{b' },
    ]);
  });

  it('marks code between the braces as an invalid reference', () => {
    const [reference] = findReferences("{{constructor.constructor('return this')()}}");
    expect(reference).toMatchObject({ valid: false, root: '', path: [] });
  });

  it('closes a reference at the first }}', () => {
    expect(findReferences('{{a.b}}}')).toHaveLength(1);
    expect(parseTemplate('{{a.b}}}').at(-1)).toEqual({ kind: 'text', text: '}' });
    expect(findReferences('{{ {{a.b}} }}')[0]).toMatchObject({ valid: false, source: '{{a.b' });
  });

  it('reads \\{{ as a literal {{, closed or not, and drops the backslash', () => {
    expect(parseTemplate('Jinja: \\{{ name }}')).toEqual([
      { kind: 'text', text: 'Jinja: {{' },
      { kind: 'text', text: ' name }}' },
    ]);
    expect(parseTemplate('open \\{{ here')).toEqual([
      { kind: 'text', text: 'open {{' },
      { kind: 'text', text: ' here' },
    ]);
    expect(findReferences('\\{{start.query}}')).toEqual([]);
    expect(findReferences('\\{{ {{start.query}}')).toMatchObject([{ root: 'start', valid: true, start: 4 }]);
    expect(singleReference('\\{{start.query}}')).toBeNull();
  });

  it('escapes only the {{ right after the backslash', () => {
    expect(findReferences('\\ {{a.b}}')).toMatchObject([{ root: 'a' }]);
    expect(findReferences('\\{{a.b}}{{c.d}}')).toMatchObject([{ root: 'c' }]);
    // `\{{{a.b}}`: the first two braces are the literal; the third is text.
    expect(findReferences('\\{{{a.b}}')).toEqual([]);
  });

  it('finds nothing in text without braces', () => {
    expect(findReferences('plain text { } }} {')).toEqual([]);
    expect(parseTemplate('')).toEqual([]);
  });
});

describe('singleReference', () => {
  it('returns the reference when a template is exactly one, whitespace around allowed', () => {
    expect(singleReference('{{start.count}}')).toMatchObject({ root: 'start', path: ['count'] });
    expect(singleReference('  {{ start.count }}\n')).toMatchObject({ root: 'start', path: ['count'] });
  });

  it('returns null for text, several references or nothing', () => {
    expect(singleReference('n = {{start.count}}')).toBeNull();
    expect(singleReference('{{start.count}}{{start.query}}')).toBeNull();
    expect(singleReference('plain')).toBeNull();
    expect(singleReference('')).toBeNull();
  });

  it('returns an invalid single reference as such', () => {
    expect(singleReference('{{ 1 + 1 }}')).toMatchObject({ valid: false });
  });
});

describe('templateStrings', () => {
  const config = {
    prompt: 'Q: {{start.query}}',
    count: 3,
    cases: [{ rules: [{ left: '{{llm.text}}', right: 'yes' }, { left: 7 }] }, { rules: [{ left: '' }] }],
    headers: { 'a/b~c': 'Bearer {{secrets.KEY}}', Accept: 'text/plain' },
    code: 'return "{{not.a.template}}"',
  };

  it('finds the strings at the given pointers, with their escaped pointers', () => {
    expect(templateStrings(config, ['/prompt', '/headers/*', '/cases/*/rules/*/left'])).toEqual([
      { text: 'Q: {{start.query}}', path: '/prompt' },
      { text: 'Bearer {{secrets.KEY}}', path: '/headers/a~1b~0c' },
      { text: 'text/plain', path: '/headers/Accept' },
      { text: '{{llm.text}}', path: '/cases/0/rules/0/left' },
      { text: '', path: '/cases/1/rules/0/left' },
    ]);
  });

  it('skips what is missing or not a string, and everything not named', () => {
    expect(templateStrings(config, ['/count', '/missing', '/cases/*/rules/*/missing', '/prompt/*'])).toEqual(
      [],
    );
    expect(templateStrings(config, [])).toEqual([]);
    expect(templateStrings('{{start.query}}', ['/prompt'])).toEqual([]);
    expect(templateStrings(null, ['/prompt', '/*'])).toEqual([]);
  });

  it('matches own keys only, never inherited ones', () => {
    expect(templateStrings({}, ['/constructor', '/toString', '/__proto__'])).toEqual([]);
    const own = JSON.parse('{"__proto__": "{{a.b}}", "constructor": "{{c.d}}"}');
    expect(templateStrings(own, ['/*']).map((entry) => entry.path)).toEqual(['/__proto__', '/constructor']);
  });
});

describe('findConfigReferences', () => {
  it('collects the references of the template fields only, object keys excluded', () => {
    const found = findConfigReferences(
      {
        prompt: 'Q: {{start.query}} and {{ kb.context }}',
        cases: [{ rules: [{ left: '{{llm.text}}', right: '\\{{literal.text}}' }] }],
        headers: { 'a/b~c': 'Bearer {{secrets.KEY}}', '{{start.query}}': 'no' },
        code: 'return "{{not.a.template}}"',
      },
      ['/prompt', '/cases/*/rules/*/left', '/cases/*/rules/*/right', '/headers/*'],
    );
    expect(found.map(({ reference, path }) => [path, reference.source])).toEqual([
      ['/prompt', 'start.query'],
      ['/prompt', 'kb.context'],
      ['/cases/0/rules/0/left', 'llm.text'],
      ['/headers/a~1b~0c', 'secrets.KEY'],
    ]);
  });

  it('finds nothing when a kind has no template fields', () => {
    expect(findConfigReferences({ inputs: [{ default: '{{start.query}}' }] }, [])).toEqual([]);
  });
});

describe('resolvePath', () => {
  it('follows object fields and array indexes', () => {
    expect(resolvePath(outputs, ['kb', 'chunks', 1, 'text'])).toBe('Click reset.');
    expect(resolvePath(outputs, [])).toBe(outputs);
  });

  it('finds nothing past a missing step or through the wrong container', () => {
    expect(resolvePath(outputs, ['kb', 'chunks', 5, 'text'])).toBeUndefined();
    expect(resolvePath(outputs, ['kb', 'chunks', 'length'])).toBeUndefined();
    expect(resolvePath(outputs, ['kb', 0])).toBeUndefined();
    expect(resolvePath(outputs, ['start', 'query', 'length'])).toBeUndefined();
    expect(resolvePath(outputs, ['start', 'nothing', 'x'])).toBeUndefined();
  });

  it('follows own properties only', () => {
    expect(resolvePath(outputs, ['start', 'constructor'])).toBeUndefined();
    expect(resolvePath(outputs, ['start', '__proto__'])).toBeUndefined();
    expect(resolvePath(outputs, ['a', 'toString'])).toBeUndefined();
    expect(resolvePath(outputs, ['constructor', 'constructor'])).toBeUndefined();
    expect(resolvePath(outputs, ['start', 'hasOwnProperty'])).toBeUndefined();
    // An own `__proto__` (as JSON.parse makes it) is ordinary data.
    expect(resolvePath(JSON.parse('{"start":{"__proto__":"own"}}'), ['start', '__proto__'])).toBe('own');
  });
});

describe('stringifyValue', () => {
  it('shows strings as they are, scalars as text, the rest as JSON and nothing as empty', () => {
    expect(stringifyValue('text')).toBe('text');
    expect(stringifyValue(0)).toBe('0');
    expect(stringifyValue(false)).toBe('false');
    expect(stringifyValue({ a: [1, '二'] })).toBe('{"a":[1,"二"]}');
    expect(stringifyValue(null)).toBe('');
    expect(stringifyValue(undefined)).toBe('');
  });

  it('shows values JSON cannot represent as empty', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(stringifyValue(cyclic)).toBe('');
    expect(stringifyValue(10n)).toBe('');
    expect(stringifyValue(() => 1)).toBe('');
    expect(stringifyValue(Symbol('s'))).toBe('');
    expect(
      stringifyValue({
        toJSON() {
          throw new Error('no');
        },
      }),
    ).toBe('');
  });
});

describe('renderTemplate', () => {
  const resolve = from(outputs);

  it('renders references among text, whitespace inside braces allowed', () => {
    expect(renderTemplate('Q: {{ start.query }} ({{start.count}}, {{start.flag}})', resolve)).toBe(
      'Q: How do I reset my password? (3, false)',
    );
    expect(renderTemplate('{{kb.chunks[0].text}} / {{kb.chunks[1].score}}', resolve)).toBe(
      'Open settings. / 0.5',
    );
    expect(renderTemplate('{{llm.usage}}', resolve)).toBe('{"inputTokens":12,"outputTokens":3}');
  });

  it('renders Chinese text around references', () => {
    expect(renderTemplate('回答：{{llm.text}}。问题是“{{start.query}}”', resolve)).toBe(
      '回答：好的。问题是“How do I reset my password?”',
    );
  });

  it('renders unknown, null and malformed references as empty', () => {
    expect(renderTemplate('[{{nope.x}}][{{start.nothing}}][{{kb.chunks[9]}}][{{ 1 + 1 }}]', resolve)).toBe(
      '[][][][]',
    );
  });

  it('keeps an unterminated {{ as text', () => {
    expect(renderTemplate('{{start.count}} and {{start.query', resolve)).toBe('3 and {{start.query');
  });

  it('renders \\{{ as {{ and the rest of the would-be reference as text', () => {
    expect(renderTemplate('Use \\{{start.query}} to quote: {{start.count}}', resolve)).toBe(
      'Use {{start.query}} to quote: 3',
    );
    expect(renderTemplate('open \\{{ and {{start.flag}}', resolve)).toBe('open {{ and false');
    expect(renderTemplate('C:\\dir {{start.count}}', resolve)).toBe('C:\\dir 3');
  });

  it('never evaluates code', () => {
    expect(renderTemplate("x{{constructor.constructor('return this')()}}y", resolve)).toBe('xy');
    expect(
      renderTemplate('{{start.constructor}}|{{start.__proto__}}|{{a.toString}}|{{constructor}}', resolve),
    ).toBe('|||');
  });

  it('does not render references inside the values it inserts', () => {
    const values = { start: { query: '{{secrets.KEY}} {{start.query}}' }, secrets: { KEY: 'leaked' } };
    expect(renderTemplate('Q: {{start.query}}', from(values))).toBe('Q: {{secrets.KEY}} {{start.query}}');
  });

  it('renders empty braces as nothing', () => {
    expect(findReferences('a{{}}b{{ }}c')).toMatchObject([{ valid: false }, { valid: false }]);
    expect(renderTemplate('a{{}}b{{ }}c', resolve)).toBe('abc');
  });

  it('does not call the resolver for malformed references', () => {
    const seen: TemplateReference[] = [];
    renderTemplate('{{ 1 + 1 }}{{a.b}}', (reference) => {
      seen.push(reference);
      return undefined;
    });
    expect(seen.map((reference) => reference.source)).toEqual(['a.b']);
  });
});

describe('resolveValue', () => {
  const resolve = from(outputs);

  it('passes the raw value of a single reference', () => {
    expect(resolveValue('{{start.count}}', resolve)).toBe(3);
    expect(resolveValue(' {{ kb.chunks }} ', resolve)).toBe(outputs.kb.chunks);
    expect(resolveValue('{{start.flag}}', resolve)).toBe(false);
    expect(resolveValue('{{nope.x}}', resolve)).toBeUndefined();
  });

  it('renders anything else as text', () => {
    expect(resolveValue('n={{start.count}}', resolve)).toBe('n=3');
    expect(resolveValue('plain', resolve)).toBe('plain');
    expect(resolveValue('', resolve)).toBe('');
  });

  it('resolves a malformed single reference to nothing', () => {
    expect(resolveValue("{{constructor.constructor('return this')()}}", resolve)).toBeUndefined();
  });
});

describe('template properties', () => {
  const fragments = fc.constantFrom(
    '{{',
    '\\',
    '}}',
    '{',
    '}',
    '.',
    '[',
    ']',
    '[0]',
    ' ',
    'start',
    'query',
    'sys',
    'constructor',
    '__proto__',
    'toString',
    '(',
    ')',
    "'",
    '中文',
    '😀',
    '\n',
  );
  const templates = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.array(fragments, { maxLength: 30 }).map((parts) => parts.join('')),
  );
  const values = fc.oneof(fc.anything({ withBigInt: true, withMap: true, withSet: true }), fc.jsonValue());

  it('never throws, whatever the template and whatever references resolve to', () => {
    fc.assert(
      fc.property(templates, values, (template, value) => {
        expect(typeof renderTemplate(template, () => value)).toBe('string');
        resolveValue(template, () => value);
        const rendered = renderTemplate(template, from({ start: value, constructor: value }));
        expect(typeof rendered).toBe('string');
      }),
      { numRuns: 200, endOnFailure: true },
    );
  });

  it('renders a template without {{ to itself and never calls the resolver', () => {
    fc.assert(
      fc.property(
        templates.filter((template) => !template.includes('{{')),
        (template) => {
          const resolve = () => {
            throw new Error('resolver called');
          };
          expect(renderTemplate(template, resolve)).toBe(template);
          expect(resolveValue(template, resolve)).toBe(template);
        },
      ),
      { numRuns: 200, endOnFailure: true },
    );
  });

  it('splits a template into segments that put it back together', () => {
    fc.assert(
      // An escape drops its backslash; see the next property for templates with escapes.
      fc.property(
        templates.filter((template) => !template.includes('\\{{')),
        (template) => {
          const joined = parseTemplate(template)
            .map((segment) =>
              segment.kind === 'text'
                ? segment.text
                : template.slice(segment.reference.start, segment.reference.end),
            )
            .join('');
          expect(joined).toBe(template);
        },
      ),
      { numRuns: 200, endOnFailure: true },
    );
  });

  it('renders any template with every {{ escaped as itself, without resolving anything', () => {
    fc.assert(
      fc.property(templates, (template) => {
        const escaped = template.replaceAll('{{', '\\{{');
        const resolve = () => {
          throw new Error('resolver called');
        };
        expect(renderTemplate(escaped, resolve)).toBe(template);
        expect(findReferences(escaped)).toEqual([]);
      }),
      { numRuns: 200, endOnFailure: true },
    );
  });

  it('renders text and well-formed references as their concatenation', () => {
    const text = fc
      .string({ unit: 'grapheme' })
      .filter((value) => !value.includes('{') && !value.includes('}'));
    const field = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
    const piece = fc.oneof(
      text.map((value) => ({ template: value, expected: value })),
      fc.tuple(field, fc.string(), fc.boolean()).map(([name, value, spaced]) => ({
        template: spaced ? `{{ n.${name} }}` : `{{n.${name}}}`,
        expected: value,
        name,
        value,
      })),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const values = Object.fromEntries(
          pieces.flatMap((entry) => ('name' in entry ? [[entry.name, entry.value] as const] : [])),
        );
        // Later pieces with the same field name win, as they do in `values`.
        const expected = pieces
          .map((entry) => ('name' in entry ? values[entry.name] : entry.expected))
          .join('');
        expect(renderTemplate(pieces.map((entry) => entry.template).join(''), from({ n: values }))).toBe(
          expected,
        );
      }),
      { numRuns: 200, endOnFailure: true },
    );
  });
});
