import type { TestProject } from 'vitest/node';
import { createFakeModelServer } from '../../../../test/fake-model/index.ts';
import { startFakeModelControl } from './fake-model-control.ts';
import { bundlePdfWorker } from './pdf-worker-bundle.ts';

/**
 * Runs in Node before the worker tests: bundles the PDF Worker (the runtime's `PDF` binding, see
 * pdf-worker-bundle.ts), starts the fake OpenAI-compatible model server and its control server on
 * 127.0.0.1 and hands their URLs to the tests (`inject('fakeModelUrl')`).
 */
export default async function setup(project: TestProject) {
  await bundlePdfWorker();
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
