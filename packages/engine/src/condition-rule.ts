import { type ConditionOperator, stringifyValue } from '@edgeflow/graph';

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Numbers (or numeric text) compare as numbers, anything else as the text it renders to. */
function looseEquals(left: unknown, right: unknown): boolean {
  if (typeof left === 'number' || typeof right === 'number') {
    const a = toNumber(left);
    const b = toNumber(right);
    if (a !== undefined && b !== undefined) return a === b;
  }
  return stringifyValue(left) === stringifyValue(right);
}

function contains(left: unknown, right: unknown): boolean {
  if (Array.isArray(left)) return left.some((item) => looseEquals(item, right));
  if (typeof left === 'string') return left.includes(stringifyValue(right));
  if (left !== null && typeof left === 'object') return Object.hasOwn(left, stringifyValue(right));
  if (typeof left === 'number' || typeof left === 'boolean')
    return String(left).includes(stringifyValue(right));
  return false;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function compare(left: unknown, right: unknown, test: (a: number, b: number) => boolean): boolean {
  const a = toNumber(left);
  const b = toNumber(right);
  return a !== undefined && b !== undefined && test(a, b);
}

function truthText(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

/**
 * Evaluates one condition rule. `left` is the raw referenced value, `right` the value of the right
 * template (raw when it is one reference).
 * @example evaluateRule('gt', 10, '9') === true
 */
export function evaluateRule(operator: ConditionOperator, left: unknown, right: unknown): boolean {
  switch (operator) {
    case 'equals':
      return looseEquals(left, right);
    case 'notEquals':
      return !looseEquals(left, right);
    case 'contains':
      return contains(left, right);
    case 'notContains':
      return !contains(left, right);
    case 'startsWith':
      return stringifyValue(left).startsWith(stringifyValue(right));
    case 'endsWith':
      return stringifyValue(left).endsWith(stringifyValue(right));
    case 'isEmpty':
      return isEmpty(left);
    case 'isNotEmpty':
      return !isEmpty(left);
    case 'gt':
      return compare(left, right, (a, b) => a > b);
    case 'gte':
      return compare(left, right, (a, b) => a >= b);
    case 'lt':
      return compare(left, right, (a, b) => a < b);
    case 'lte':
      return compare(left, right, (a, b) => a <= b);
    case 'isTrue':
      return left === true || truthText(left) === 'true';
    case 'isFalse':
      return left === false || truthText(left) === 'false';
  }
}
