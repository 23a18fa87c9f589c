import { type ConversationOwner, createConversationStore, type Database, newId } from '@edgeflow/db';
import type { ChatTurn } from '@edgeflow/engine';
import type { Plan } from '@edgeflow/graph';
import { ApiError } from '../http/api-error.ts';
import type { RunSpec } from './execute-run.ts';

/** The most chat history any model node of the plan asks for, in turns. */
export function memoryTurns(plan: Plan): number {
  let turns = 0;
  for (const node of plan.nodes) {
    if (node.type === 'llm' || node.type === 'agent') turns = Math.max(turns, node.config.memory.turns);
  }
  return turns;
}

/**
 * Chat apps: continues the caller's conversation (404 when it is not this app's and this owner's) or
 * starts one; workflow apps have none. A new conversation costs no read.
 */
export async function resolveConversation(
  db: Database,
  appId: string,
  plan: Plan,
  owner: ConversationOwner,
  conversationId: string | undefined,
): Promise<RunSpec['conversation']> {
  if (plan.mode !== 'chat') {
    if (conversationId !== undefined) {
      throw new ApiError(
        400,
        'invalid_request',
        'Workflow apps have no conversations; leave conversationId out.',
      );
    }
    return null;
  }
  if (conversationId === undefined) return { id: newId('conv'), isNew: true, owner, history: [] };
  const turns = memoryTurns(plan);
  const messages = await createConversationStore(db).messages(
    appId,
    conversationId,
    owner,
    Math.max(1, turns * 2),
  );
  if (messages === null)
    throw new ApiError(404, 'not_found', 'This conversation does not exist or is not yours.');
  const history: ChatTurn[] =
    turns === 0 ? [] : messages.map((message) => ({ role: message.role, content: message.content }));
  return { id: conversationId, isNew: false, owner, history };
}
