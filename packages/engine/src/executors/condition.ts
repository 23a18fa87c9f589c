import { type ConditionRule, elsePort, unaryOperators } from '@edgeflow/graph';
import { evaluateRule } from '../condition-rule.ts';
import type { NodeRuntime } from '../node-runtime.ts';
import type { Executor } from './executor.ts';

interface EvaluatedRule {
  readonly case: string;
  readonly left: unknown;
  readonly operator: string;
  readonly right?: unknown;
  readonly matched: boolean;
}

function evaluate(
  caseId: string,
  rule: ConditionRule,
  runtime: NodeRuntime,
  trace: EvaluatedRule[],
): boolean {
  const left = runtime.value(rule.left);
  const unary = unaryOperators.includes(rule.operator);
  const right = unary ? undefined : runtime.value(rule.right);
  const matched = evaluateRule(rule.operator, left, right);
  trace.push({ case: caseId, left, operator: rule.operator, ...(unary ? {} : { right }), matched });
  return matched;
}

/** Takes the first case whose rules hold (`and`: all, `or`: any; evaluation stops early), else `else`. */
export const executeCondition: Executor<'condition'> = (node, runtime) => {
  const trace: EvaluatedRule[] = [];
  let port = elsePort;
  for (const entry of node.config.cases) {
    const matched =
      entry.logic === 'or'
        ? entry.rules.some((rule) => evaluate(entry.id, rule, runtime, trace))
        : entry.rules.every((rule) => evaluate(entry.id, rule, runtime, trace));
    if (matched) {
      port = entry.id;
      break;
    }
  }
  runtime.inputs = { rules: trace };
  return { outputs: { case: port }, port };
};
