import variant from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';
// The package's extension-less `./wasm` export does not bundle; the file path does, and wrangler's
// default module rules hand us a compiled `WebAssembly.Module`.
import quickJsWasm from '../../node_modules/@jitl/quickjs-wasmfile-release-sync/dist/emscripten-module.wasm';

const pageBytes = 64 * 1024;
const mebibyte = 1024 * 1024;
/** The emscripten build's own initial memory (16 MiB): stack, static data and a first heap. */
const initialPages = 256;

/** One QuickJS WebAssembly instance lent to one execution. */
export interface QuickJsLease {
  readonly module: QuickJSWASMModule;
  /** Give the instance back; `broken` retires it (a trap or a failed dispose may leave it corrupt). */
  release(outcome: { readonly broken: boolean }): void;
}

export interface QuickJsModuleLoader {
  acquire(): Promise<QuickJsLease>;
  /** How many instances this loader has created (for tests and diagnostics). */
  readonly instancesCreated: number;
}

export interface QuickJsModuleLoaderOptions {
  /** Defaults to the bundled release-sync build. */
  readonly wasmModule?: WebAssembly.Module | undefined;
  /**
   * Hard ceiling of the instance's WebAssembly memory, shared by concurrent executions: a backstop
   * that makes QuickJS fail with "out of memory" rather than the isolate exceeding its 128 MB.
   */
  readonly maxWasmMemoryMb?: number | undefined;
  /** An instance whose memory grew past this is retired after use, so one hungry run is not kept. */
  readonly retainedWasmMemoryMb?: number | undefined;
}

interface Instance {
  readonly module: QuickJSWASMModule;
  readonly memory: WebAssembly.Memory;
}

/**
 * Loads the QuickJS WebAssembly instance once and lends it to every execution; a new one is
 * created only after the current one is retired (broken, or grown past `retainedWasmMemoryMb`).
 */
export function createQuickJsModuleLoader(options: QuickJsModuleLoaderOptions = {}): QuickJsModuleLoader {
  const wasmModule = options.wasmModule ?? quickJsWasm;
  const maximumPages = Math.max(
    initialPages,
    Math.ceil(((options.maxWasmMemoryMb ?? 96) * mebibyte) / pageBytes),
  );
  const retainedBytes = (options.retainedWasmMemoryMb ?? 40) * mebibyte;
  let current: Promise<Instance> | undefined;
  let instancesCreated = 0;

  async function instantiate(): Promise<Instance> {
    const memory = new WebAssembly.Memory({ initial: initialPages, maximum: maximumPages });
    const module = await newQuickJSWASMModuleFromVariant(
      newVariant(variant, { wasmModule, wasmMemory: memory }),
    );
    warmUp(module);
    instancesCreated += 1;
    return { module, memory };
  }

  return {
    get instancesCreated() {
      return instancesCreated;
    },
    async acquire() {
      const pending = current ?? instantiate();
      current = pending;
      let instance: Instance;
      try {
        instance = await pending;
      } catch (error) {
        if (current === pending) current = undefined;
        throw error;
      }
      let released = false;
      return {
        module: instance.module,
        release({ broken }) {
          if (released) return;
          released = true;
          // Executions still holding a retired instance finish on it; the next acquire gets a fresh one.
          if ((broken || instance.memory.buffer.byteLength > retainedBytes) && current === pending) {
            current = undefined;
          }
        },
      };
    },
  };
}

/**
 * V8 compiles WebAssembly functions lazily on first call; one throwaway run here pays for that
 * (tens of milliseconds) before any user's deadline starts.
 */
function warmUp(module: QuickJSWASMModule): void {
  const runtime = module.newRuntime();
  try {
    const context = runtime.newContext();
    try {
      context
        .evalCode(
          "JSON.stringify([1, 'two', { three: null }].map((value) => value), null, 1)",
          'warm-up.js',
          {
            type: 'global',
          },
        )
        .dispose();
    } finally {
      context.dispose();
    }
  } finally {
    runtime.dispose();
  }
}

let isolateLoader: QuickJsModuleLoader | undefined;

/** The loader shared by every sandbox in this isolate, so the instance outlives single requests. */
export function isolateQuickJsModuleLoader(): QuickJsModuleLoader {
  isolateLoader ??= createQuickJsModuleLoader();
  return isolateLoader;
}
