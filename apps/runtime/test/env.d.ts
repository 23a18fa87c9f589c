import type { D1Migration } from 'cloudflare:test';
import type { Env } from '../src/env.ts';

// What the worker tests see: the runtime's bindings plus what vitest.config.ts adds for them, and the
// main module's exports (`exports.default.fetch` from `cloudflare:workers`).
declare global {
  namespace Cloudflare {
    interface Env extends RuntimeEnv {
      readonly TEST_MIGRATIONS: D1Migration[];
    }
    interface GlobalProps {
      mainModule: typeof import('../src/index.ts');
    }
  }
}

type RuntimeEnv = Env;
