import type { TestProject } from 'vitest/node';
import { createFakeModelServer } from '../../../../test/fake-model/index.ts';
import { startFakeModelControl } from './fake-model-control.ts';
import { bundleSideWorkers } from './side-worker-bundles.ts';

/**
 * Runs in Node before the worker tests: bundles the PDF and sandbox Workers (the runtime's `PDF` and
 * `SANDBOX` bindings, see side-worker-bundles.ts), starts the fake OpenAI-compatible model server and its control server on
 * 127.0.0.1 and hands their URLs to the tests (`inject('fakeModelUrl')`).
 */
export default async function setup(project: TestProject) {
  await bundleSideWorkers();
  const fake = await createFakeModelServer();
  const control = await startFakeModelControl(fake);
  project.provide('fakeModelUrl', fake.url);
  project.provide('fakeModelControlUrl', control.url);
  return async () => {
    await new Promise<void>((resolve) => control.server.close(() => resolve()));
    control.server.closeAllConnections();
    await fake.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:<port>/v1`, the base URL of the fake model server. */
    fakeModelUrl: string;
    /** `http://127.0.0.1:<port>`, where the tests script the fake (see fake-model-control.ts). */
    fakeModelControlUrl: string;
  }
}
