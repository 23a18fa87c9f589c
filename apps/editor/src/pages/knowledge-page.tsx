import { KnowledgeBasePage } from './knowledge-base-page.tsx';
import { KnowledgeBasesPage } from './knowledge-bases-page.tsx';

/**
 * `/knowledge-bases` and `/knowledge-bases/{id}`: one chunk, loaded on demand (React.lazy in app.tsx),
 * so the apps page and the canvas do not pay for it.
 */
export default function KnowledgePage({ kbId }: { kbId: string | null }) {
  return kbId === null ? <KnowledgeBasesPage /> : <KnowledgeBasePage key={kbId} kbId={kbId} />;
}
