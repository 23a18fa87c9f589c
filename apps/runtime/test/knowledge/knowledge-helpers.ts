import type { KnowledgeBase, KnowledgeDocument, KnowledgeQueryResponse } from '@edgeflow/api';
import { adminJson } from '../helpers/admin.ts';

export const createBase = (body: Record<string, unknown> = {}) =>
  adminJson<KnowledgeBase>(
    '/api/knowledge-bases',
    { method: 'POST', json: { name: 'Support', ...body } },
    201,
  );

export const addText = (kbId: string, title: string, text: string, type?: string) =>
  adminJson<KnowledgeDocument>(
    `/api/knowledge-bases/${kbId}/documents`,
    { method: 'POST', json: { title, text, ...(type ? { type } : {}) } },
    201,
  );

export const query = (kbId: string, body: Record<string, unknown>) =>
  adminJson<KnowledgeQueryResponse>(`/api/knowledge-bases/${kbId}/query`, { method: 'POST', json: body });

/** A multipart upload of `bytes` as the `file` part. */
export function uploadBody(
  bytes: Uint8Array,
  fileName: string,
  type = 'application/octet-stream',
  title?: string,
) {
  const form = new FormData();
  form.append('file', new File([bytes], fileName, { type }));
  if (title !== undefined) form.append('title', title);
  return form;
}
