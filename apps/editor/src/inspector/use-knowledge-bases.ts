import type { EdgeflowClient, KnowledgeBase } from '@edgeflow/api';
import { useEffect, useState } from 'react';
import { useSession } from '../session/session-context.tsx';

// One request for all the pickers a form mounts at once (a retrieval node may name up to ten bases).
// Only the request in flight is shared: a form opened later asks again, so new bases show up.
const inFlight = new WeakMap<EdgeflowClient, Promise<KnowledgeBase[]>>();

function loadKnowledgeBases(client: EdgeflowClient): Promise<KnowledgeBase[]> {
  let pending = inFlight.get(client);
  if (!pending) {
    pending = client
      .listKnowledgeBases()
      .then((answer) => answer.knowledgeBases)
      .finally(() => inFlight.delete(client));
    inFlight.set(client, pending);
  }
  return pending;
}

/** The existing knowledge bases (`null` while loading), or the failure. */
export function useKnowledgeBases(): { bases: readonly KnowledgeBase[] | null; error: unknown } {
  const { client } = useSession();
  const [state, setState] = useState<{ bases: readonly KnowledgeBase[] | null; error: unknown }>({
    bases: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    loadKnowledgeBases(client).then(
      (bases) => live && setState({ bases, error: null }),
      (error: unknown) => live && setState({ bases: [], error }),
    );
    return () => {
      live = false;
    };
  }, [client]);
  return state;
}
