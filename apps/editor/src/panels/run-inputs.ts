import type { StartInput, WorkflowDocument } from '@edgeflow/graph';
import { nodeShape } from '../document/node-ports.ts';

/** The inputs the start node declares: the test-run form. */
export function startInputs(document: WorkflowDocument): StartInput[] {
  const start = document.nodes.find((node) => node.type === 'start');
  const config = start ? nodeShape(start).config : null;
  return Array.isArray(config?.inputs) ? (config.inputs as StartInput[]) : [];
}

/**
 * Turns the form's texts into typed input values; empty optional inputs are left out.
 * Returns the inputs, or the names that are not valid for their type.
 */
export function parseRunInputs(
  declared: readonly StartInput[],
  texts: Readonly<Record<string, string>>,
): { inputs: Record<string, unknown>; invalid: string[] } {
  const inputs: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const input of declared) {
    const text = texts[input.name] ?? '';
    if (input.type === 'boolean') {
      inputs[input.name] = text === 'true';
      continue;
    }
    if (text === '') continue;
    if (input.type === 'string') inputs[input.name] = text;
    else if (input.type === 'number') {
      const value = Number(text);
      if (Number.isFinite(value)) inputs[input.name] = value;
      else invalid.push(input.name);
    } else {
      try {
        inputs[input.name] = JSON.parse(text);
      } catch {
        invalid.push(input.name);
      }
    }
  }
  return { inputs, invalid };
}
