import { type DeclarableType, declarableTypes, type ValueType } from '../../src/index.ts';
import type { Dice } from './dice.ts';
import { type GeneratedReference, prototypeNames, type TypedSite } from './workflow-model.ts';

/** An output of an upstream node that a config may reference. */
export interface Output {
  readonly node: string;
  readonly field: string;
  readonly type: ValueType;
}

/** Text between references; some hold `\{{`, a literal `{{` that must never become a reference. */
const literals = [
  'Answer briefly. ',
  '请根据以下内容回答：',
  ' — ',
  '\n',
  'Context: ',
  'ünïcödé ',
  '😀',
  '{ "json": true } ',
  'a } b ',
  'Jinja: \\{{ ghost.name }} ',
  '\\{{sys.userId}}',
  'open \\{{ ',
  '',
];

/** Numbers as a numeric rule's right side may spell them. */
const numbers = ['3', '0', '-1', ' 2.5 ', '1e3', '0.75'];

/** Builds the config of one node, recording the references it places. */
export class ConfigBuilder {
  readonly references: GeneratedReference[] = [];
  readonly typedSites: TypedSite[] = [];

  constructor(
    readonly dice: Dice,
    private readonly upstream: readonly Output[],
  ) {}

  /** `{{node.field}}`, with optional spacing and a deeper path where the type allows one. */
  private reference(path: string, output: Output, deep: boolean): { text: string; type: ValueType } {
    const { dice } = this;
    let suffix = '';
    if (deep && (output.type === 'object' || output.type === 'array' || output.type === 'any')) {
      suffix = dice.pick(['', '.text', '[0]', '[0].title', '.a.b', '[2][1]']);
    }
    const space = dice.pick(['', '', ' ', '\n ']);
    this.references.push({ root: output.node, path });
    return {
      text: `{{${space}${output.node}.${output.field}${suffix}${space}}}`,
      type: suffix ? 'any' : output.type,
    };
  }

  /** Text with literals and references, at least `minimum` of them to nodes. */
  text(path: string, minimum = 0, allowUnterminated = false): string {
    const { dice } = this;
    const pieces: string[] = [];
    const count = dice.int(minimum, minimum + 3);
    let nodeReferences = 0;
    for (let piece = 0; piece < count; piece += 1) {
      const needed = minimum - nodeReferences >= count - piece;
      const choice = needed ? 2 : dice.int(0, 3);
      if (choice === 0) pieces.push(dice.pick(literals));
      else if (choice === 1) pieces.push(`{{sys.${dice.pick(['conversationId', 'runId', 'now'])}}}`);
      else if (this.upstream.length > 0) {
        pieces.push(this.reference(path, dice.pick(this.upstream), true).text);
        nodeReferences += 1;
      }
    }
    // A `{{` that never closes stays text; it can only come last, or it would swallow a reference.
    if (allowUnterminated && dice.chance(5)) pieces.push(' {{unterminated');
    return pieces.join('');
  }

  /** Exactly one reference (to a node, or to sys when allowed), and the type it has. */
  single(path: string, allowSystem = true): { text: string; type: ValueType } {
    if (this.upstream.length === 0 || (allowSystem && this.dice.chance(10)))
      return { text: '{{sys.now}}', type: 'string' };
    return this.reference(path, this.dice.pick(this.upstream), this.dice.chance(30));
  }

  /** The right side of a gt/gte/lt/lte rule: a number, or a template the run turns into one. */
  numeric(path: string): string {
    if (this.upstream.length === 0 || this.dice.chance(60)) return this.dice.pick(numbers);
    return this.text(path, 1);
  }

  /**
   * Text for a field that is not a template (code, names, descriptions, defaults): it holds what
   * would be an error if it were scanned as one, and places no reference.
   */
  decoy(): string {
    const node = this.upstream.length > 0 ? this.dice.pick(this.upstream).node : 'start';
    return this.dice.pick([
      `{{${node}.missing}}`,
      '{{ghost.text}}',
      '{{secrets.KEY}}',
      '{{args.id}}',
      '{{ 1 + 1 }}',
      '{{',
    ]);
  }
}

/** Names of inputs, fields and outputs, inherited property names among them. */
export const fieldNames = ['topic', 'count', 'flag', 'meta', 'items', 'city', ...prototypeNames];

export function declaredType(dice: Dice): DeclarableType {
  return dice.pick(declarableTypes);
}
