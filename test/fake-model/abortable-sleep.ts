// Node clamps delays above 2^31-1 ms to 1 ms, which would turn "hang for a long time" into "answer now".
const longestTimerMs = 2_147_483_647;

/**
 * Waits on a real timer, and rejects with the signal's reason as soon as the signal aborts, clearing
 * the timer, so a closed server or a departed client leaves nothing scheduled. A non-finite or huge
 * delay waits for the abort alone.
 */
export function abortableSleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    if (milliseconds <= longestTimerMs) {
      timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, milliseconds);
    }
  });
}
