import { resolvePath, stringifyValue, type TemplateReference } from '@edgeflow/graph';
import type { NodeRuntime } from '../node-runtime.ts';
import type { PreparedTemplate } from '../prepared-template.ts';
import type { Executor, NodeResult } from './executor.ts';

/** The plan index of the node a reference reads, when it reads a node. */
function nodeOf(runtime: NodeRuntime, reference: TemplateReference): number | undefined {
  return runtime.run.index.indexById.get(reference.root);
}

function isReady(runtime: NodeRuntime, reference: TemplateReference): boolean {
  const target = nodeOf(runtime, reference);
  return target === undefined || runtime.run.resolved[target] === 1;
}

/**
 * Forwards a running (or not yet started) llm/agent's text: what it produced so far at once, then
 * each delta as it arrives, until the node has its final status.
 */
async function forward(runtime: NodeRuntime, target: number, emit: (delta: string) => void): Promise<void> {
  const stream = runtime.run.textStream(target);
  if (!stream) return;
  if (stream.text !== '') {
    stream.delivered = true;
    emit(stream.text);
  }
  const stop = stream.listen(emit);
  try {
    await runtime.run.waitFor(target);
  } finally {
    stop();
  }
}

/**
 * Streams the answer segment by segment: literal text at once, finished references rendered, model
 * text forwarded while it is produced, other references awaited (a skipped node renders as '').
 * The scheduler may start an answer before its inputs are done (see Scheduler), which is what lets
 * the first words leave while the model is still writing.
 */
async function stream(template: PreparedTemplate, runtime: NodeRuntime): Promise<NodeResult> {
  let text = '';
  let pending = '';
  const emit = (delta: string): void => {
    text += delta;
    runtime.emitText(delta);
  };
  const flush = (): void => {
    if (pending === '') return;
    emit(pending);
    pending = '';
  };
  for (const segment of template.segments) {
    if (segment.kind === 'text') {
      pending += segment.text;
      continue;
    }
    const { reference } = segment;
    if (!reference.valid) continue;
    const target = nodeOf(runtime, reference);
    if (target !== undefined && runtime.run.resolved[target] !== 1) {
      flush();
      const streams =
        reference.path.length === 1 && reference.path[0] === 'text' && runtime.run.textStream(target);
      if (streams) {
        await forward(runtime, target, emit);
        continue;
      }
      await runtime.run.waitFor(target);
    }
    pending += stringifyValue(
      target === undefined
        ? runtime.run.resolve(reference)
        : resolvePath(runtime.run.outputs[target], reference.path),
    );
  }
  flush();
  runtime.inputs = runtime.referencedValues(template.source);
  return { outputs: { text } };
}

export const executeAnswer: Executor<'answer'> = (node, runtime) => {
  const template = runtime.run.index.template(node.config.text);
  runtime.inputs = runtime.referencedValues(node.config.text);
  if (!template.references.every((reference) => isReady(runtime, reference)))
    return stream(template, runtime);
  const text = runtime.render(node.config.text);
  runtime.emitText(text);
  return { outputs: { text } };
};
