/** Console output of one execution, capped in lines and characters; what does not fit is counted. */
export class LogCollector {
  readonly #lines: string[] = [];
  #chars = 0;
  #dropped = 0;
  readonly #limits: {
    readonly maxLogLines: number;
    readonly maxLogLineChars: number;
    readonly maxLogChars: number;
  };

  constructor(limits: {
    readonly maxLogLines: number;
    readonly maxLogLineChars: number;
    readonly maxLogChars: number;
  }) {
    this.#limits = limits;
  }

  add(level: string, text: string): void {
    const prefixed = level === 'log' || level === 'info' ? text : `[${level}] ${text}`;
    const room = Math.min(this.#limits.maxLogLineChars, this.#limits.maxLogChars - this.#chars);
    if (this.#lines.length >= this.#limits.maxLogLines || room <= 0) {
      this.#dropped += 1;
      return;
    }
    const line = prefixed.length > room ? `${prefixed.slice(0, room)}…` : prefixed;
    this.#lines.push(line);
    this.#chars += line.length;
  }

  lines(): string[] {
    if (this.#dropped === 0) return [...this.#lines];
    return [...this.#lines, `… ${this.#dropped} more console line(s) dropped (limit reached)`];
  }
}
