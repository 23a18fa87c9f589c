import { NodeError } from './node-error.ts';
import type { SecretsPort } from './ports/secrets-port.ts';

/** What replaces a secret value wherever the run would show it. */
export const secretMask = '••••';

/**
 * The secrets a run loaded, and the masking that keeps them out of events and out of the outputs
 * later nodes (and so models) see.
 */
export class SecretVault {
  readonly #values = new Map<string, string>();
  /** Longest first, so a secret that contains another is masked whole. */
  #masked: string[] = [];

  get(name: string): string | undefined {
    return this.#values.get(name);
  }

  /** Loads the named secrets once per run; a missing one fails the node that needs it. */
  async load(names: readonly string[], port: SecretsPort | undefined): Promise<void> {
    const missing = names.filter((name) => !this.#values.has(name));
    if (missing.length === 0) return;
    if (!port)
      throw new NodeError(
        'port_unavailable',
        'This node uses secrets, but no secret store is configured.',
        false,
      );
    const values = await Promise.all(missing.map((name) => port.get(name)));
    missing.forEach((name, position) => {
      const value = values[position];
      if (value === undefined) {
        throw new NodeError(
          'secret_not_found',
          `The secret “${name}” is not set; add it under Secrets.`,
          false,
        );
      }
      this.#values.set(name, value);
      if (value) this.#masked.push(value);
    });
    this.#masked.sort((left, right) => right.length - left.length);
  }

  maskText(text: string): string {
    let masked = text;
    for (const value of this.#masked)
      if (masked.includes(value)) masked = masked.replaceAll(value, secretMask);
    return masked;
  }

  /** A copy of a JSON-like value with every secret value masked in its strings (and keys). */
  mask<Value>(value: Value): Value {
    if (this.#masked.length === 0) return value;
    return this.#maskValue(value) as Value;
  }

  #maskValue(value: unknown): unknown {
    if (typeof value === 'string') return this.maskText(value);
    if (Array.isArray(value)) return value.map((item) => this.#maskValue(item));
    if (value === null || typeof value !== 'object') return value;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[this.maskText(key)] = this.#maskValue(item);
    return copy;
  }
}
