export * from './app-store.ts';
export * from './conversation-store.ts';
export * from './database.ts';
export * from './ids.ts';
export * from './key-store.ts';
export * from './run-store.ts';
export type { ErrorRecord, UsageRecord } from './schema.ts';
export * as schema from './schema.ts';
export * from './usage-store.ts';
