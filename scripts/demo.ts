/**
 * Runs a template pipeline through the engine with the built-in local:echo model and prints its run
 * events as they happen: `npm run demo -- [template-id] [message]`.
 */
import { createEchoModel, run } from '@edgeflow/engine';
import {
  createFunctionSandbox,
  createKeywordRetriever,
  createScriptedHttp,
  createTimerClock,
} from '@edgeflow/engine/testing';
import { compile } from '@edgeflow/graph';
import { findTemplate, templates } from '@edgeflow/workflows';

const [templateId = 'chat-assistant', message = 'Hello! What can you do?'] = process.argv.slice(2);
const template = findTemplate(templateId);
if (!template) {
  console.error(
    `Unknown template “${templateId}”. Templates: ${templates.map((entry) => entry.id).join(', ')}`,
  );
  process.exit(2);
}
const result = compile(template.document);
if (!result.ok) {
  console.error(JSON.stringify(result.diagnostics, null, 2));
  process.exit(1);
}
const firstInput = result.plan.inputs[0]?.name ?? 'query';
const clock = createTimerClock();
console.log(`Running “${template.name}” with local:echo (a no-key demo model)\n`);
for await (const event of run(result.plan, {
  inputs: { [firstInput]: message },
  ports: {
    clock,
    model: createEchoModel({ clock, tokenDelayMs: 40 }),
    retriever: createKeywordRetriever([]),
    http: createScriptedHttp({}),
    sandbox: createFunctionSandbox(),
  },
})) {
  if (event.type === 'text-delta') process.stdout.write(event.delta);
  else if (event.type === 'node-start') console.log(`▶ ${event.nodeId} (${event.nodeType})`);
  else if (event.type === 'node-end')
    console.log(
      `${event.status === 'succeeded' ? '✓' : event.status === 'skipped' ? '·' : '✗'} ${event.nodeId} ${event.status} ${event.elapsedMs} ms`,
    );
  else if (event.type === 'run-end')
    console.log(`\nrun-end: ${event.status}\n${JSON.stringify(event.outputs, null, 2)}`);
}
