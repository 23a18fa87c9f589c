import type { SandboxRequest } from '@edgeflow/engine';

/**
 * Why `request` is not a SandboxRequest, or undefined. The runtime is the only caller and sends valid
 * requests; this keeps a wrong caller's mistake a clear answer instead of a crash inside QuickJS.
 */
export function requestProblem(request: unknown): string | undefined {
  if (typeof request !== 'object' || request === null) return 'Expected a request object.';
  const { code, inputs, timeoutMs, memoryLimitMb } = request as Partial<
    Record<keyof SandboxRequest, unknown>
  >;
  if (typeof code !== 'string') return 'The code must be a string.';
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) {
    return 'The inputs must be an object of JSON values.';
  }
  if (typeof timeoutMs !== 'number' || typeof memoryLimitMb !== 'number') {
    return 'timeoutMs and memoryLimitMb must be numbers.';
  }
  return undefined;
}
