import { parseArgs } from 'node:util';
import type { FakeModelBehaviour } from './fake-model-behaviour.ts';
import { type ParseResult, parsed, rejected } from './parse-result.ts';

export type CliOptions =
  | { readonly kind: 'serve'; readonly port: number; readonly behaviour: FakeModelBehaviour }
  | { readonly kind: 'help' };

export const cliUsage = `Usage: tsx test/fake-model/cli.ts [--port N] [--first-token-ms N] [--token-delay-ms N] [--tokens N]
Starts the fake OpenAI-compatible model server on 127.0.0.1 and prints its base URL.
  --port N            port to listen on (default 0: any free port)
  --first-token-ms N  delay before the first token of every reply
  --token-delay-ms N  delay between tokens
  --tokens N          replies of N synthetic tokens instead of "Fake reply to: …"`;

/** Reads the CLI flags into the server's port and default behaviour. */
export function parseCliOptions(argv: readonly string[]): ParseResult<CliOptions> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        'first-token-ms': { type: 'string' },
        'token-delay-ms': { type: 'string' },
        tokens: { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error: unknown) {
    return rejected(`${error instanceof Error ? error.message : String(error)}\n${cliUsage}`);
  }
  if (values.help === true) return parsed({ kind: 'help' });
  const numbers = new Map<string, number | undefined>();
  for (const flag of ['port', 'first-token-ms', 'token-delay-ms', 'tokens']) {
    const text = values[flag];
    const value = typeof text === 'string' ? Number(text) : undefined;
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      return rejected(`--${flag} must be a non-negative integer, got ${String(text)}\n${cliUsage}`, flag);
    }
    numbers.set(flag, value);
  }
  const firstTokenLatencyMs = numbers.get('first-token-ms');
  const interTokenDelayMs = numbers.get('token-delay-ms');
  const tokenCount = numbers.get('tokens');
  return parsed({
    kind: 'serve',
    port: numbers.get('port') ?? 0,
    behaviour: {
      ...(firstTokenLatencyMs === undefined ? {} : { firstTokenLatencyMs }),
      ...(interTokenDelayMs === undefined ? {} : { interTokenDelayMs }),
      ...(tokenCount === undefined ? {} : { tokenCount }),
    },
  });
}
