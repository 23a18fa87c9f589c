/** A failure as one sentence for the UI. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
