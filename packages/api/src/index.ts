export * from './client/index.ts';
export * from './openapi/index.ts';
export * from './schemas/index.ts';
export * from './sse/index.ts';
