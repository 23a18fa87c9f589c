// What the sandbox Worker's tests see: its main module's exports (`exports.default` from `cloudflare:workers`).
declare global {
  namespace Cloudflare {
    interface GlobalProps {
      mainModule: typeof import('../src/index.ts');
    }
  }
}

export {};
