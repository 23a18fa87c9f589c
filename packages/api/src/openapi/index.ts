export * from './build-openapi-document.ts';
export type { Credential, QueryParameter, Route, Success } from './route.ts';
