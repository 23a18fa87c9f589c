import chatAssistant from './templates/chat-assistant.json' with { type: 'json' };
import extractContact from './templates/extract-contact.json' with { type: 'json' };
import intentRouter from './templates/intent-router.json' with { type: 'json' };
import knowledgeQa from './templates/knowledge-qa.json' with { type: 'json' };
import orderLookup from './templates/order-lookup.json' with { type: 'json' };
import toolAssistant from './templates/tool-assistant.json' with { type: 'json' };

/** A template: the id is its file name; the document is validated by compile() in the tests. */
export interface WorkflowTemplate {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly mode: 'chat' | 'workflow';
  readonly document: unknown;
}

function template(
  id: string,
  document: { name: string; description: string; mode: string },
): WorkflowTemplate {
  return {
    id,
    name: document.name,
    description: document.description,
    mode: document.mode === 'workflow' ? 'workflow' : 'chat',
    document,
  };
}

/** Every template, in the order the editor offers them. */
export const templates: readonly WorkflowTemplate[] = [
  template('chat-assistant', chatAssistant),
  template('knowledge-qa', knowledgeQa),
  template('tool-assistant', toolAssistant),
  template('intent-router', intentRouter),
  template('extract-contact', extractContact),
  template('order-lookup', orderLookup),
];

export function findTemplate(id: string): WorkflowTemplate | undefined {
  return templates.find((entry) => entry.id === id);
}
