import { describe, expect, it } from 'vitest';
import { chainDocument } from './test-document.ts';
import { referenceOptions, upstreamNodeIds } from './upstream-outputs.ts';

describe('variable picker options', () => {
  it('offers only upstream outputs, nearest first, then sys', () => {
    expect(upstreamNodeIds(chainDocument(), 'llm')).toEqual(['template', 'start']);
    const references = referenceOptions(chainDocument(), 'llm').map((option) => option.reference);
    expect(references).toEqual([
      '{{template.text}}',
      '{{start.query}}',
      '{{sys.conversationId}}',
      '{{sys.runId}}',
      '{{sys.now}}',
    ]);
    expect(references).not.toContain('{{answer.text}}');
  });

  it('offers nothing but sys to the start node', () => {
    expect(referenceOptions(chainDocument(), 'start').every((option) => option.nodeId === 'sys')).toBe(true);
  });

  it('types outputs as the catalog declares them', () => {
    const llmOutputs = referenceOptions(chainDocument(), 'answer').filter(
      (option) => option.nodeId === 'llm',
    );
    expect(llmOutputs.map((option) => [option.field, option.type])).toEqual([
      ['text', 'string'],
      ['usage', 'object'],
    ]);
  });
});
