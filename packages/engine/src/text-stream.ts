/**
 * The live text of one llm/agent node, for answer nodes that forward it while it is produced. Text
 * that arrives before an answer listens is buffered, so the answer can catch up and then follow.
 */
export class TextStream {
  /** The current attempt's text so far. */
  text = '';
  /** Whether any of it reached the caller: then the node may not be retried. */
  delivered = false;
  readonly #listeners: ((delta: string) => void)[] = [];

  append(delta: string): void {
    this.text += delta;
    if (this.#listeners.length === 0) return;
    this.delivered = true;
    for (const listener of this.#listeners) listener(delta);
  }

  /** A new attempt starts from nothing (only reached while nothing was delivered). */
  reset(): void {
    this.text = '';
  }

  listen(listener: (delta: string) => void): () => void {
    this.#listeners.push(listener);
    return () => {
      const at = this.#listeners.indexOf(listener);
      if (at !== -1) this.#listeners.splice(at, 1);
    };
  }
}
