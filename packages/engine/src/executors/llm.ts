import { chatMessages } from '../chat-history.ts';
import { streamModel } from '../model-call.ts';
import { modelRequest, modelsOf } from '../model-settings.ts';
import { withRetries } from '../retry.ts';
import type { Executor } from './executor.ts';

export const executeLlm: Executor<'llm'> = async (node, runtime) => {
  const { config } = node;
  const system = runtime.render(config.system);
  const prompt = runtime.render(config.prompt);
  const messages = chatMessages(runtime.run.history, config.memory.turns, prompt);
  runtime.inputs = { model: config.model, system, prompt, historyMessages: messages.length - 1 };
  const result = await withRetries(
    runtime,
    config.retry,
    modelsOf(config),
    'model_error',
    (model = config.model, signal) =>
      streamModel(runtime, modelRequest(config, model, system, messages), signal, config.stream),
  );
  return { outputs: { text: result.text, usage: runtime.usage ?? { inputTokens: 0, outputTokens: 0 } } };
};
