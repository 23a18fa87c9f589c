export { anyModel } from './behaviour-book.ts';
export { embedText } from './embedding-vector.ts';
export type { FakeModelBehaviour, FakeToolCall, FakeUsage } from './fake-model-behaviour.ts';
export {
  createFakeModelServer,
  type FakeModelServer,
  type FakeModelServerOptions,
} from './fake-model-server.ts';
export { sampleJsonSchema } from './json-schema-sample.ts';
export type { RecordedRequest } from './recorded-request.ts';
