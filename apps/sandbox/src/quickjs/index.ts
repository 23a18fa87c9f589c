export {
  classifyGuestError,
  type GuestErrorDescription,
  type SandboxErrorCode,
  type SandboxFailure,
} from './guest-failure.ts';
export {
  createQuickJsModuleLoader,
  isolateQuickJsModuleLoader,
  type QuickJsLease,
  type QuickJsModuleLoader,
  type QuickJsModuleLoaderOptions,
} from './quickjs-module-loader.ts';
export { createQuickJsSandbox, type QuickJsSandboxOptions } from './quickjs-sandbox.ts';
export { defaultQuickJsSandboxLimits, type QuickJsSandboxLimits } from './sandbox-limits.ts';
