export type { AppMethods } from './app-methods.ts';
export * from './create-client.ts';
export * from './edgeflow-api-error.ts';
export type { KeyMethods } from './key-methods.ts';
export type { DocumentUpload, KnowledgeMethods } from './knowledge-methods.ts';
export type { PlatformMethods } from './platform-methods.ts';
export type { PublicMethods } from './public-methods.ts';
export type {
  RunEventStream,
  RunListOptions,
  RunMethods,
  StreamingRunRequest,
  SyncRunRequest,
} from './run-methods.ts';
export type { SecretMethods } from './secret-methods.ts';
export type { ClientOptions, RequestOptions } from './transport.ts';
