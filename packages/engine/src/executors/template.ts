import type { Executor } from './executor.ts';

export const executeTemplate: Executor<'template'> = (node, runtime) => {
  runtime.inputs = runtime.referencedValues(node.config.template);
  return { outputs: { text: runtime.render(node.config.template) } };
};
