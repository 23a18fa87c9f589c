import { useCallback, useReducer, useRef } from 'react';
import { useSession } from '../session/session-context.tsx';
import { explainError } from './explain-error.ts';
import { progressFetch } from './progress-fetch.ts';
import { type Upload, uploadsReducer } from './upload-progress.ts';

/**
 * Uploads files to a knowledge base through the typed client, each with its own progress; `onAdded`
 * runs once all of them are done (whatever their outcome), to reload the documents and counts.
 */
export function useUploads(kbId: string, onAdded: () => void) {
  const { clientWithFetch } = useSession();
  const [uploads, dispatch] = useReducer(uploadsReducer, [] as readonly Upload[]);
  const counter = useRef(0);
  const upload = useCallback(
    async (files: readonly File[]) => {
      await Promise.all(
        files.map(async (file) => {
          counter.current += 1;
          const id = `upload-${counter.current}`;
          dispatch({ type: 'start', id, name: file.name, bytes: file.size });
          const client = clientWithFetch(
            progressFetch({
              onProgress: (loaded, total) => dispatch({ type: 'progress', id, loaded, total }),
              onSent: () => dispatch({ type: 'sent', id }),
            }),
          );
          try {
            const document = await client.addDocument(kbId, { file });
            dispatch({ type: 'done', id, chunkCount: document.chunkCount });
          } catch (failure) {
            dispatch({ type: 'failed', id, error: explainError(failure) });
          }
        }),
      );
      onAdded();
    },
    [clientWithFetch, kbId, onAdded],
  );
  return { uploads, upload, dispatch };
}
