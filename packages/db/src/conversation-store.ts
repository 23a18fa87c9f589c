import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from './database.ts';
import { conversations, messages } from './schema.ts';

/** Who owns a conversation: the key that created it and, for widget visitors, the visitor. */
export interface ConversationOwner {
  keyId: string | null;
  visitorId: string | null;
}

export interface MessageRecord {
  role: 'user' | 'assistant';
  content: string;
  runId: string;
  createdAt: string;
}

/** Conversations of chat apps; every read is scoped to the app and the owner. */
export function createConversationStore(db: Database) {
  const ownedBy = (appId: string, id: string, owner: ConversationOwner) =>
    and(
      eq(conversations.id, id),
      eq(conversations.appId, appId),
      owner.keyId === null ? isNull(conversations.keyId) : eq(conversations.keyId, owner.keyId),
      owner.visitorId === null
        ? isNull(conversations.visitorId)
        : eq(conversations.visitorId, owner.visitorId),
    );

  return {
    async exists(appId: string, id: string, owner: ConversationOwner): Promise<boolean> {
      const row = await db
        .select({ id: conversations.id })
        .from(conversations)
        .where(ownedBy(appId, id, owner))
        .get();
      return row !== undefined;
    },

    /** The last `limit` messages, oldest first, or null when the conversation is not the owner's. */
    async messages(
      appId: string,
      id: string,
      owner: ConversationOwner,
      limit = 200,
    ): Promise<MessageRecord[] | null> {
      const [owned, rows] = await db.batch([
        db
          .select({ id: conversations.id })
          .from(conversations)
          .where(ownedBy(appId, id, owner)),
        db
          .select()
          .from(messages)
          .innerJoin(conversations, eq(conversations.id, messages.conversationId))
          .where(and(eq(messages.conversationId, id), eq(conversations.appId, appId)))
          .orderBy(desc(messages.id))
          .limit(limit),
      ]);
      if (owned.length === 0) return null;
      return rows.reverse().map(({ messages: row }) => ({
        role: row.role,
        content: row.content,
        runId: row.runId,
        createdAt: new Date(row.createdAt).toISOString(),
      }));
    },
  };
}

export type ConversationStore = ReturnType<typeof createConversationStore>;
