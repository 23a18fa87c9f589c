import { createAppStore, createDatabase } from '@edgeflow/db';
import { compile } from '@edgeflow/graph';
import type { Env } from '../env.ts';
import { ApiError } from '../http/api-error.ts';
import { type CachedPublishedApp, publishedCache } from '../state/caches.ts';

/**
 * The app's latest published version with its compiled plan, from the per-isolate cache (no awaited
 * read on the hot path); 404 `not_published` when there is none.
 */
export async function loadPublished(
  env: Env,
  appId: string,
  waitUntil: (work: Promise<unknown>) => void,
): Promise<CachedPublishedApp> {
  const cached = await publishedCache.get(
    appId,
    async () => {
      const published = await createAppStore(createDatabase(env.DB)).published(appId);
      if (!published) return null;
      const result = compile(published.document);
      // Publishing refuses drafts that do not compile, so this only happens if the language changed under a stored version.
      if (!result.ok)
        throw new ApiError(
          500,
          'internal_error',
          `Version ${published.version} of this app no longer compiles.`,
        );
      return { published, plan: result.plan };
    },
    waitUntil,
  );
  if (!cached)
    throw new ApiError(404, 'not_published', 'This app has no published version yet: publish it first.');
  return cached;
}
