/** Error codes a sandbox execution reports; the engine copies them into the node's error. */
export type SandboxErrorCode =
  | 'code_timeout'
  | 'code_memory_limit'
  | 'code_error'
  | 'code_invalid_output'
  | 'code_invalid_input'
  | 'code_syntax_error'
  | 'code_no_main'
  | 'cancelled'
  | 'sandbox_failed';

export interface SandboxFailure {
  readonly code: SandboxErrorCode;
  readonly message: string;
}

/** What the guest's `describe` helper reported about a thrown value. */
export interface GuestErrorDescription {
  readonly name: string;
  readonly message: string;
  readonly stack: string;
}

/** The file name the user's code is evaluated under, so its frames can be told from ours. */
export const userCodeFileName = 'main.js';

export function parseGuestErrorDescription(json: string): GuestErrorDescription | undefined {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return undefined;
    const [name, message, stack] = value as unknown[];
    if (typeof name !== 'string' || typeof message !== 'string' || typeof stack !== 'string')
      return undefined;
    return { name, message, stack };
  } catch {
    return undefined;
  }
}

/** The first line of the user's code on the error's stack, if any. */
export function userCodeLine(stack: string): number | undefined {
  const match = new RegExp(`${userCodeFileName.replace('.', '\\.')}:(\\d+)`).exec(stack);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** QuickJS's own resource errors: its allocator refusing (the memory limit) or a string past 2^30. */
export function isOutOfMemory(description: GuestErrorDescription): boolean {
  return description.name === 'InternalError' && /out of memory|string too long/i.test(description.message);
}

/**
 * A thrown value as the run reports it: memory exhaustion, a syntax error (while compiling), or
 * the user's own error with its line. The guest's stack itself is never passed on.
 */
export function classifyGuestError(
  description: GuestErrorDescription | undefined,
  phase: 'compile' | 'run',
): SandboxFailure {
  if (description === undefined)
    return { code: 'code_error', message: 'The code threw an error that cannot be described.' };
  if (isOutOfMemory(description)) {
    return { code: 'code_memory_limit', message: `The code ran out of memory (${description.message}).` };
  }
  const line = userCodeLine(description.stack);
  const where = line === undefined ? '' : ` (line ${line})`;
  const text = description.message === '' ? description.name : `${description.name}: ${description.message}`;
  if (phase === 'compile') return { code: 'code_syntax_error', message: `${text}${where}` };
  return { code: 'code_error', message: `${text}${where}` };
}

export const timeoutFailure = (timeoutMs: number, detail = ''): SandboxFailure => ({
  code: 'code_timeout',
  message: `The code exceeded its time limit of ${timeoutMs} ms${detail}.`,
});

export const cancelledFailure: SandboxFailure = { code: 'cancelled', message: 'The code run was cancelled.' };
