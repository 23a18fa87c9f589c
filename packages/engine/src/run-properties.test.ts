import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ofType, testPorts, wellFormedProblems } from '../test/support.ts';
import { HttpPortError, type RunEvent, run } from './index.ts';
import {
  createScriptedHttp,
  createScriptedModel,
  createTimerClock,
  type PlanSpecEdge,
  type PlanSpecNode,
  planFrom,
} from './testing/index.ts';

type Kind = 'template' | 'llm' | 'condition' | 'http' | 'answer' | 'classifier';
const onErrors = ['fail', 'continue', 'route'] as const;

interface NodeDraft {
  readonly kind: Kind;
  readonly onError: (typeof onErrors)[number];
  readonly stream: boolean;
  readonly attempts: number;
  readonly parent: number;
  readonly portPick: number;
}

const nodeDraft = fc.record({
  kind: fc.constantFrom<Kind>('template', 'llm', 'llm', 'condition', 'http', 'answer', 'classifier'),
  onError: fc.constantFrom(...onErrors),
  stream: fc.boolean(),
  attempts: fc.integer({ min: 1, max: 2 }),
  parent: fc.nat(),
  portPick: fc.nat(),
});

/** Mostly undefined: limits and aborts are the exception, so most runs get to exercise the graph. */
function sometimes<Value>(arbitrary: fc.Arbitrary<Value>): fc.Arbitrary<Value | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary, weight: 1 });
}

const scenario = fc.record({
  drafts: fc.array(nodeDraft, { minLength: 1, maxLength: 10 }),
  extraEdges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 8 }),
  modelOutcomes: fc.array(
    fc.constantFrom('ok', 'ok', 'error', 'slow', 'partial-error', 'billing', 'garbage'),
    {
      minLength: 1,
      maxLength: 20,
    },
  ),
  httpOutcomes: fc.array(fc.constantFrom('ok', 'refused', 'status500', 'status404'), {
    minLength: 1,
    maxLength: 10,
  }),
  query: fc.constantFrom('yes', 'no', 'billing please', ''),
  abortAfter: sometimes(fc.integer({ min: 1, max: 30 })),
  maxSteps: sometimes(fc.integer({ min: 1, max: 8 })),
  maxTokens: sometimes(fc.integer({ min: 1, max: 40 })),
});

function portsOf(kind: Kind, onError: string): string[] {
  const ports =
    kind === 'condition' ? ['yes', 'else'] : kind === 'classifier' ? ['billing', 'tech'] : ['out'];
  return onError === 'route' && kind !== 'condition' && kind !== 'answer' && kind !== 'template'
    ? [...ports, 'error']
    : ports;
}

function configOf(draft: NodeDraft, parentId: string, parentKind: Kind | 'start'): Record<string, unknown> {
  const textOfParent =
    parentKind === 'llm' || parentKind === 'template' || parentKind === 'answer'
      ? `{{${parentId}.text}}`
      : '';
  const common = { onError: draft.onError, retry: { attempts: draft.attempts, backoffMs: 0 } };
  switch (draft.kind) {
    case 'template':
      return { template: `T(${textOfParent}{{start.query}})` };
    case 'llm':
      return { ...common, prompt: `{{start.query}}${textOfParent}`, stream: draft.stream };
    case 'condition':
      return {
        cases: [{ id: 'yes', rules: [{ left: '{{start.query}}', operator: 'equals', right: 'yes' }] }],
      };
    case 'classifier':
      return {
        ...common,
        classes: [
          { id: 'billing', name: 'Billing' },
          { id: 'tech', name: 'Tech' },
        ],
      };
    case 'http':
      return { ...common, url: 'https://api.example.com/{{start.query}}' };
    case 'answer':
      return { text: `A[${textOfParent}]` };
  }
}

function buildPlan(drafts: readonly NodeDraft[], extraEdges: readonly (readonly [number, number, number])[]) {
  const all = [...drafts.slice(0, -1), { ...(drafts.at(-1) as NodeDraft), kind: 'answer' as const }];
  const kinds: (Kind | 'start')[] = ['start', ...all.map((draft) => draft.kind)];
  const errorModes = ['fail', ...all.map((draft) => draft.onError)];
  const ids = ['start', ...all.map((_, index) => `n${index + 1}`)];
  const edges = new Map<string, PlanSpecEdge>();
  const add = (source: number, target: number, pick: number) => {
    const kind = kinds[source] ?? 'start';
    const ports = kind === 'start' ? ['out'] : portsOf(kind, errorModes[source] ?? 'fail');
    const port = ports[pick % ports.length] ?? 'out';
    const edge: PlanSpecEdge =
      port === 'out' ? [ids[source] ?? '', ids[target] ?? ''] : [ids[source] ?? '', ids[target] ?? '', port];
    edges.set(`${source}/${port}/${target}`, edge);
  };
  const nodes: PlanSpecNode[] = [
    { id: 'start', type: 'start', config: { inputs: [{ name: 'query', type: 'string', required: true }] } },
  ];
  all.forEach((draft, position) => {
    const index = position + 1;
    const parent = draft.parent % index;
    nodes.push({
      id: ids[index] ?? '',
      type: draft.kind,
      config: configOf(draft, ids[parent] ?? 'start', kinds[parent] ?? 'start'),
    });
    add(parent, index, draft.portPick);
  });
  for (const [from, to, pick] of extraEdges) {
    const target = 1 + (to % all.length);
    if (target <= 1) continue;
    add(from % target, target, pick);
  }
  // Every condition must connect its else port: to the next node.
  kinds.forEach((kind, index) => {
    if (
      kind === 'condition' &&
      ![...edges.values()].some((edge) => edge[0] === ids[index] && edge[2] === 'else')
    ) {
      add(index, index + 1, 1);
    }
  });
  return planFrom({ nodes, edges: [...edges.values()] });
}

describe('run, whatever the plan and whatever the ports do', () => {
  it('emits well-formed events: seq from 1, one run-end last, every started node ends', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (input) => {
        const plan = buildPlan(input.drafts, input.extraEdges);
        const clock = createTimerClock();
        let modelCall = 0;
        const model = createScriptedModel(
          () => {
            const outcome = input.modelOutcomes[modelCall % input.modelOutcomes.length];
            modelCall += 1;
            switch (outcome) {
              case 'error':
                return { error: 'provider failed' };
              case 'slow':
                return { text: 'slow reply here', delayMs: 1 };
              case 'partial-error':
                return { text: 'half of it', error: 'connection reset' };
              case 'billing':
                return '{"class": "billing"}';
              case 'garbage':
                return 'not json at all';
              default:
                return { text: '{"class": "tech"} fine', delayMs: 0 };
            }
          },
          { clock },
        );
        let httpCall = 0;
        const http = createScriptedHttp(() => {
          const outcome = input.httpOutcomes[httpCall % input.httpOutcomes.length];
          httpCall += 1;
          if (outcome === 'refused') throw new HttpPortError('egress_refused', 'no');
          return {
            status: outcome === 'status500' ? 500 : outcome === 'status404' ? 404 : 200,
            headers: {},
            body: '{}',
          };
        });
        const controller = new AbortController();
        const events: RunEvent[] = [];
        for await (const event of run(plan, {
          inputs: { query: input.query },
          ports: testPorts({ clock, model, http }),
          signal: controller.signal,
          limits: { maxSteps: input.maxSteps, maxTokens: input.maxTokens },
        })) {
          events.push(event);
          if (events.length === input.abortAfter) controller.abort();
        }
        expect(wellFormedProblems(events)).toEqual([]);
        const end = events.at(-1);
        if (end?.type !== 'run-end') throw new Error('no run-end');
        const nodeEnds = ofType(events, 'node-end');
        if (end.status === 'succeeded') {
          // Every node has its final status, and no unhandled failure happened.
          expect(new Set(nodeEnds.map((event) => event.nodeId)).size).toBe(plan.nodes.length);
          expect(nodeEnds.filter((event) => event.status === 'failed')).toEqual([]);
          const answers = plan.nodes
            .filter((node) => node.type === 'answer')
            .map((node) => nodeEnds.find((event) => event.nodeId === node.id)?.outputs?.text ?? '')
            .join('');
          expect(end.outputs).toEqual({ answer: answers });
        } else {
          expect(end.error?.code).toMatch(/^[a-z_]+$/);
        }
        for (const event of nodeEnds) {
          if (event.status !== 'skipped') continue;
          expect(ofType(events, 'text-delta').some((delta) => delta.nodeId === event.nodeId)).toBe(false);
        }
      }),
      { numRuns: 250 },
    );
  }, 60_000);
});
