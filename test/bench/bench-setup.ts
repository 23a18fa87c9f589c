/** A positive number from the environment variable `name` (ROUNDS, WARMUP, …), else `fallback`. */
export function setting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export type Stoppable = { stop(): Promise<void> };

/**
 * The servers a benchmark starts (push them into `running`), stopped newest first by `stopAll`, at the
 * end or on Ctrl+C, so no wrangler or fake model outlives the run.
 */
export function trackServers() {
  const running: Stoppable[] = [];
  async function stopAll() {
    for (const server of running.splice(0).reverse()) await server.stop().catch(() => undefined);
  }
  process.once('SIGINT', () => {
    void stopAll().then(() => process.exit(130));
  });
  return { running, stopAll };
}
