// Wrangler's default module rules (and the vitest pool's) turn an imported `.wasm` file into a compiled
// `WebAssembly.Module`; Workers cannot compile WebAssembly from bytes at run time.
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
