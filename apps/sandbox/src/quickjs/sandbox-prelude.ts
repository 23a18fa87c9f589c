/**
 * Guest-side code evaluated in every fresh context before the user's code. It installs `console`
 * and returns the helpers the host calls; they hold the built-ins they need from before the user's
 * code ran, so a user who replaces `JSON.stringify` or `String.prototype.slice` only changes what
 * their own values look like, never the protocol with the host (which checks everything it reads).
 *
 * It evaluates to `(hostLog, maxLineChars, maxOutputChars) => helpers`; `hostLog(level, line)` is
 * the one host function the guest can reach, and only through `console`'s closures.
 */
export const sandboxPreludeSource = `(hostLog, maxLineChars, maxOutputChars) => {
  'use strict';
  const uncurry = Function.prototype.call.bind.bind(Function.prototype.call);
  const slice = uncurry(String.prototype.slice);
  const parse = JSON.parse;
  const stringify = JSON.stringify;
  const isArray = Array.isArray;
  const toText = String;
  const ErrorType = Error;
  const InternalErrorType = InternalError;
  const clip = (text, limit) => (text.length > limit ? slice(text, 0, limit) : text);

  const show = (value) => {
    if (typeof value === 'string') return value;
    if (value instanceof ErrorType) {
      try { return toText(value); } catch { return 'Error'; }
    }
    try {
      const text = stringify(value);
      if (typeof text === 'string') return text;
    } catch {}
    try { return toText(value); } catch { return '[unprintable]'; }
  };

  const writer = (level) => (...values) => {
    let line = '';
    for (let index = 0; index < values.length && line.length <= maxLineChars; index += 1) {
      line += (index === 0 ? '' : ' ') + show(values[index]);
    }
    hostLog(level, clip(toText(line), maxLineChars));
  };
  globalThis.console = {
    log: writer('log'),
    info: writer('info'),
    debug: writer('debug'),
    warn: writer('warn'),
    error: writer('error'),
  };

  const kind = (value) => (value === null ? 'null' : isArray(value) ? 'an array' : 'a ' + typeof value);

  return {
    hasMain: () => typeof main === 'function',
    callMain: (inputsJson) => main(parse(inputsJson)),
    // 'J' + JSON text, or 'E' + why the value cannot leave the sandbox.
    serialise: (value) => {
      if (value === null || typeof value !== 'object' || isArray(value)) {
        return 'E' + 'main() must return an object, not ' + kind(value) + '.';
      }
      let text;
      try {
        text = stringify(value);
      } catch (error) {
        if (error instanceof InternalErrorType) throw error;
        return 'E' + 'main() must return JSON: ' + clip(show(error), maxLineChars);
      }
      if (typeof text !== 'string') return 'E' + 'main() must return JSON.';
      if (text.length > maxOutputChars) {
        return 'E' + 'main() returned ' + text.length + ' characters of JSON; the limit is ' + maxOutputChars + '.';
      }
      return 'J' + text;
    },
    // JSON [name, message, stack] of anything thrown.
    describe: (error) => {
      let name = 'Error';
      let message = '';
      let stack = '';
      try {
        if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
          name = toText(error.name);
          message = toText(error.message);
          stack = typeof error.stack === 'string' ? error.stack : '';
        } else {
          name = 'Thrown value';
          message = show(error);
        }
      } catch {
        message = 'an error that cannot be described';
      }
      return stringify([clip(name, 200), clip(message, maxLineChars), clip(stack, maxLineChars)]);
    },
  };
}`;
