export {
  checkDestination,
  checkUrl,
  isBlockedHost,
  type Refusal,
  type RefusalReason,
  type UrlCheck,
} from './check-url.ts';
export { EgressError, type EgressReason } from './egress-error.ts';
export {
  defaultMaxRedirects,
  defaultMaxResponseBytes,
  defaultMaxTimeoutMs,
  type EgressPolicy,
  type FetchFunction,
  normaliseHost,
  type ResolveFunction,
} from './egress-policy.ts';
export { createGuardedFetch, type GuardedFetch } from './guarded-fetch.ts';
export { createHttpPort } from './http-port.ts';
export { type IpAddress, parseIpHost } from './ip-address.ts';
export { type AddressCategory, classifyAddress, type SpecialAddress } from './special-address.ts';
export { classifyName, type SpecialName } from './special-name.ts';
