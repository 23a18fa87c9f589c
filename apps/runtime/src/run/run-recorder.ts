import type { ErrorRecord, RunEnd, StepRecord, UsageRecord } from '@edgeflow/db';
import type { RunEndEvent, RunEvent } from '@edgeflow/engine';

/** Collects what the run record needs from the events as they pass, without holding up the stream. */
export class RunRecorder {
  readonly steps: StepRecord[] = [];
  private readonly starts = new Map<string, number>();
  answer = '';
  end: RunEndEvent | undefined;

  constructor(private readonly startedAt: number) {}

  observe(event: RunEvent): void {
    switch (event.type) {
      case 'node-start':
        this.starts.set(event.nodeId, Date.now());
        break;
      case 'node-end': {
        const startedAt = event.startedAt
          ? Date.parse(event.startedAt)
          : (this.starts.get(event.nodeId) ?? Date.now());
        this.steps.push({
          nodeId: event.nodeId,
          nodeType: event.nodeType,
          status: event.status,
          inputs: event.inputs,
          outputs: event.outputs,
          error: event.error ? errorRecord(event.error) : undefined,
          usage: event.usage ? usageRecord(event.usage) : undefined,
          attempts: event.attempts,
          logs: event.logs,
          startedAt: Number.isFinite(startedAt) ? startedAt : Date.now(),
          elapsedMs: Math.round(event.elapsedMs),
        });
        break;
      }
      case 'run-end':
        this.end = event;
        break;
      default:
        break;
    }
  }

  /** The final status of the run; a run whose stream broke before run-end is recorded as failed. */
  result(): RunEnd {
    const end = this.end;
    const endedAt = Date.now();
    if (!end) {
      return {
        status: 'failed',
        outputs: {},
        error: { code: 'internal_error', message: 'The run stopped before it ended.' },
        usage: { inputTokens: 0, outputTokens: 0 },
        elapsedMs: endedAt - this.startedAt,
        endedAt,
      };
    }
    return {
      status: end.status,
      outputs: { ...end.outputs },
      error: end.error ? errorRecord(end.error) : null,
      usage: usageRecord(end.usage),
      elapsedMs: Math.round(end.elapsedMs),
      endedAt,
    };
  }
}

function errorRecord(error: { code: string; message: string; nodeId?: string | undefined }): ErrorRecord {
  return error.nodeId === undefined
    ? { code: error.code, message: error.message }
    : { ...error, nodeId: error.nodeId };
}

function usageRecord(usage: { inputTokens: number; outputTokens: number }): UsageRecord {
  return { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens };
}
