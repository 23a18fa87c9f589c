/** Whole milliseconds between two clock readings, never negative. */
export function elapsedSince(now: number, started: number): number {
  return Math.max(0, Math.round(now - started));
}
