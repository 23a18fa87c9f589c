import type { OnError, Plan, PlanNode } from '@edgeflow/graph';
import { type PreparedTemplate, prepareTemplate } from './prepared-template.ts';
import { portBackstopMs } from './run-limits.ts';

/** What the scheduler needs about one node, computed once per plan. */
export interface NodeInfo {
  readonly index: number;
  readonly node: PlanNode;
  readonly incomingCount: number;
  /** Outgoing edges as parallel arrays (target index, source port), targets in plan order. */
  readonly targets: readonly number[];
  readonly ports: readonly string[];
  readonly onError: OnError;
  /** Whether the node picks one of several ports (condition, classifier). */
  readonly branching: boolean;
  /** Targets this node certainly makes live once it runs: `out` edges of a non-branching node that never routes errors. */
  readonly certainTargets: readonly number[];
  /** Whether this node's certainty can make an answer node certain (worth propagating). */
  readonly leadsToAnswer: boolean;
  /** An llm/agent whose `{{id.text}}` an answer forwards while it streams: keep its live text. */
  readonly keepsText: boolean;
  /** The node's own `timeoutMs`, when its kind has one and it is set (code and http: plus the port backstop). */
  readonly timeoutMs: number | undefined;
}

const modelKinds: ReadonlySet<string> = new Set(['llm', 'agent']);

function onErrorOf(node: PlanNode): OnError {
  return 'onError' in node.config ? node.config.onError : 'fail';
}

/** Kinds whose port enforces `timeoutMs` itself and names the failure (see portBackstopMs). */
const selfTimedKinds: ReadonlySet<string> = new Set(['code', 'http']);

function timeoutOf(node: PlanNode): number | undefined {
  if (!('timeoutMs' in node.config) || node.config.timeoutMs === undefined) return undefined;
  return selfTimedKinds.has(node.type) ? node.config.timeoutMs + portBackstopMs : node.config.timeoutMs;
}

/** A plan with its per-run lookups precomputed; get it through `indexPlan`. */
export class PlanIndex {
  readonly plan: Plan;
  readonly nodes: readonly NodeInfo[];
  readonly indexById: ReadonlyMap<string, number>;
  readonly startIndex: number;
  readonly hasAnswers: boolean;
  readonly #templates = new Map<string, PreparedTemplate>();
  readonly #json = new Map<string, { readonly value: unknown } | null>();

  constructor(plan: Plan) {
    this.plan = plan;
    this.indexById = new Map(plan.nodes.map((node, index) => [node.id, index]));
    this.startIndex = this.indexById.get(plan.startId) ?? 0;
    this.hasAnswers = plan.nodes.some((node) => node.type === 'answer');
    const kept = this.#forwardedTextNodes();
    const leads: boolean[] = new Array<boolean>(plan.nodes.length).fill(false);
    const infos = plan.nodes.map((node, index) => this.#describe(node, index, kept.has(index)));
    // Plans are topologically ordered, so a reverse sweep sees every target before its sources.
    for (let index = infos.length - 1; index >= 0; index -= 1) {
      const info = infos[index];
      if (!info) continue;
      leads[index] =
        info.node.type === 'answer' || info.certainTargets.some((target) => leads[target] === true);
    }
    this.nodes = infos.map((info, index) => ({ ...info, leadsToAnswer: leads[index] === true }));
  }

  /** The parsed form of a config string, cached for the plan's lifetime. */
  template(source: string): PreparedTemplate {
    let prepared = this.#templates.get(source);
    if (!prepared) {
      prepared = prepareTemplate(source);
      this.#templates.set(source, prepared);
    }
    return prepared;
  }

  /** A body template parsed as JSON when it is JSON (its strings are then templates), else null. */
  jsonTemplate(source: string): { readonly value: unknown } | null {
    let parsed = this.#json.get(source);
    if (parsed === undefined) {
      try {
        const trimmed = source.trim();
        parsed =
          trimmed.startsWith('{') || trimmed.startsWith('[')
            ? { value: JSON.parse(trimmed) as unknown }
            : null;
      } catch {
        parsed = null;
      }
      this.#json.set(source, parsed);
    }
    return parsed;
  }

  #describe(node: PlanNode, index: number, keepsText: boolean): Omit<NodeInfo, 'leadsToAnswer'> {
    const outgoing = node.outgoing
      .map((edge) => ({ target: this.indexById.get(edge.target) ?? -1, port: edge.port }))
      .filter((edge) => edge.target !== -1)
      .sort((left, right) => left.target - right.target);
    const onError = onErrorOf(node);
    const branching = node.type === 'condition' || node.type === 'classifier';
    const certain = !branching && onError !== 'route';
    return {
      index,
      node,
      incomingCount: node.incoming.filter((edge) => this.indexById.has(edge.source)).length,
      targets: outgoing.map((edge) => edge.target),
      ports: outgoing.map((edge) => edge.port),
      onError,
      branching,
      certainTargets: certain
        ? outgoing.filter((edge) => edge.port === 'out').map((edge) => edge.target)
        : [],
      keepsText,
      timeoutMs: timeoutOf(node),
    };
  }

  /** llm/agent nodes whose text some answer references as exactly `{{id.text}}`. */
  #forwardedTextNodes(): Set<number> {
    const kept = new Set<number>();
    for (const node of this.plan.nodes) {
      if (node.type !== 'answer') continue;
      for (const reference of this.template(node.config.text).references) {
        const target = this.indexById.get(reference.root);
        const source = target === undefined ? undefined : this.plan.nodes[target];
        if (
          source &&
          modelKinds.has(source.type) &&
          reference.path.length === 1 &&
          reference.path[0] === 'text'
        ) {
          kept.add(target as number);
        }
      }
    }
    return kept;
  }
}

const indexes = new WeakMap<Plan, PlanIndex>();

/** The plan's index, built on its first run and reused by every later one. */
export function indexPlan(plan: Plan): PlanIndex {
  let index = indexes.get(plan);
  if (!index) {
    index = new PlanIndex(plan);
    indexes.set(plan, index);
  }
  return index;
}
