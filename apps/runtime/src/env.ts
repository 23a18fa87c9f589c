import type { VectorizeBinding } from '@edgeflow/knowledge';
import type { ProviderEnvironment } from '@edgeflow/providers';
import type { PdfService } from './knowledge/pdf-service.ts';
import type { SandboxService } from './sandbox/sandbox-service.ts';

/** The Worker's bindings and variables (API.md, Configuration). */
export interface Env extends ProviderEnvironment {
  readonly DB: D1Database;
  /** Production only (Vectorize does not run locally): chunk vectors; without it they live in D1. */
  readonly VECTORIZE?: VectorizeBinding;
  /**
   * The PDF Worker (apps/pdf) by service binding: PDF text for knowledge documents. Without it PDF
   * uploads are 503 `unavailable` and everything else works.
   */
  readonly PDF?: PdfService | undefined;
  /**
   * The sandbox Worker (apps/sandbox) by service binding: code nodes' JavaScript runs there. Without it
   * code nodes fail with `sandbox_failed` and everything else works.
   */
  readonly SANDBOX?: SandboxService | undefined;
  /** Bearer token of the management API; without it production serves no `/api/*`. */
  readonly ADMIN_TOKEN?: string;
  /** `development` under `npm start`; anything else (or nothing) is production, which fails closed. */
  readonly ENVIRONMENT?: string;
  /** Lets pipeline requests reach private addresses (the fake servers of the tests); off by default. */
  readonly EGRESS_ALLOW_PRIVATE?: string;
  /** Encrypts tool secrets at rest (src/secrets); without it secrets can be listed and deleted, not stored. */
  readonly SECRETS_MASTER_KEY?: string;
  /** Wrong credentials per client address (wrangler.jsonc `ratelimits`; see http/rate-limit-rules.ts). */
  readonly AUTH_FAILURE_LIMITER: RateLimit;
  /** Publishable-key requests per app and widget visitor. */
  readonly VISITOR_LIMITER: RateLimit;
  /** Publishable-key requests per app and client address (visitors who change their id). */
  readonly CLIENT_LIMITER: RateLimit;
  /** Publishable-key requests per app, all visitors together. */
  readonly APP_LIMITER: RateLimit;
}

export const isDevelopment = (env: Env) => env.ENVIRONMENT === 'development';
