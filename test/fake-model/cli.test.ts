import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliOptions } from './cli-options.ts';

const cliPath = fileURLToPath(new URL('./cli.ts', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('parseCliOptions', () => {
  it('turns the flags into a port and a default behaviour', () => {
    expect(
      parseCliOptions([
        '--port',
        '8788',
        '--first-token-ms',
        '200',
        '--token-delay-ms',
        '20',
        '--tokens',
        '64',
      ]),
    ).toEqual({
      ok: true,
      value: {
        kind: 'serve',
        port: 8788,
        behaviour: { firstTokenLatencyMs: 200, interTokenDelayMs: 20, tokenCount: 64 },
      },
    });
    expect(parseCliOptions([])).toEqual({ ok: true, value: { kind: 'serve', port: 0, behaviour: {} } });
    expect(parseCliOptions(['--help'])).toEqual({ ok: true, value: { kind: 'help' } });
  });

  it('rejects unknown flags and values that are not non-negative integers', () => {
    expect(parseCliOptions(['--nope'])).toMatchObject({ ok: false });
    expect(parseCliOptions(['--tokens=-3'])).toMatchObject({ ok: false, param: 'tokens' });
    expect(parseCliOptions(['--port', 'eighty'])).toMatchObject({ ok: false, param: 'port' });
  });
});

describe('fake model CLI', () => {
  it('prints its URL and serves replies of the given length', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', cliPath, '--tokens', '3'], {
      cwd: repositoryRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [firstOutput] = await once(child.stdout, 'data');
      const url = String(firstOutput).trim();
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      const response = await fetch(`${url}/chat/completions`, {
        method: 'POST',
        body: JSON.stringify({ model: 'bench', messages: [] }),
      });
      expect((await response.json()).choices[0].message.content).toBe('tok0 tok1 tok2');
    } finally {
      child.kill('SIGTERM');
    }
    const [exitCode] = await once(child, 'exit');
    expect(exitCode).toBe(0);
  }, 15_000);
});
