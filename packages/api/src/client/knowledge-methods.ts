import {
  type CreateKnowledgeBaseRequest,
  type KnowledgeBase,
  type KnowledgeBaseList,
  knowledgeBaseListSchema,
  knowledgeBaseSchema,
  type UpdateKnowledgeBaseRequest,
} from '../schemas/knowledge-base.ts';
import {
  type CreateDocumentRequest,
  type KnowledgeDocument,
  type KnowledgeDocumentList,
  knowledgeDocumentListSchema,
  knowledgeDocumentSchema,
} from '../schemas/knowledge-document.ts';
import {
  type KnowledgeQueryRequest,
  type KnowledgeQueryResponse,
  knowledgeQueryResponseSchema,
} from '../schemas/knowledge-query.ts';
import { path } from './path.ts';
import type { RequestOptions, Transport } from './transport.ts';

/** A file to upload as a document (text, Markdown, HTML or PDF), sent as `multipart/form-data`. */
export interface DocumentUpload {
  readonly file: Blob;
  /** The file name sent with the part; defaults to the `File`'s own name, else `document`. */
  readonly filename?: string;
  readonly title?: string;
}

export interface KnowledgeMethods {
  /** `POST /api/knowledge-bases`. */
  createKnowledgeBase(body: CreateKnowledgeBaseRequest, options?: RequestOptions): Promise<KnowledgeBase>;
  /** `GET /api/knowledge-bases`. */
  listKnowledgeBases(options?: RequestOptions): Promise<KnowledgeBaseList>;
  /** `GET /api/knowledge-bases/{kbId}`. */
  getKnowledgeBase(kbId: string, options?: RequestOptions): Promise<KnowledgeBase>;
  /** `PATCH /api/knowledge-bases/{kbId}`. */
  updateKnowledgeBase(
    kbId: string,
    body: UpdateKnowledgeBaseRequest,
    options?: RequestOptions,
  ): Promise<KnowledgeBase>;
  /** `DELETE /api/knowledge-bases/{kbId}`. */
  deleteKnowledgeBase(kbId: string, options?: RequestOptions): Promise<void>;
  /** `POST /api/knowledge-bases/{kbId}/documents`: JSON text or URL, or a file upload. */
  addDocument(
    kbId: string,
    body: CreateDocumentRequest | DocumentUpload,
    options?: RequestOptions,
  ): Promise<KnowledgeDocument>;
  /** `GET /api/knowledge-bases/{kbId}/documents`. */
  listDocuments(kbId: string, options?: RequestOptions): Promise<KnowledgeDocumentList>;
  /** `DELETE /api/knowledge-bases/{kbId}/documents/{docId}`. */
  deleteDocument(kbId: string, docId: string, options?: RequestOptions): Promise<void>;
  /** `POST /api/knowledge-bases/{kbId}/documents/{docId}/reindex`. */
  reindexDocument(kbId: string, docId: string, options?: RequestOptions): Promise<KnowledgeDocument>;
  /** `POST /api/knowledge-bases/{kbId}/query`. */
  queryKnowledgeBase(
    kbId: string,
    body: KnowledgeQueryRequest,
    options?: RequestOptions,
  ): Promise<KnowledgeQueryResponse>;
}

export function createKnowledgeMethods(transport: Transport): KnowledgeMethods {
  return {
    createKnowledgeBase: async (body, options = {}) =>
      transport.json({ method: 'POST', path: '/api/knowledge-bases', body, ...options }, knowledgeBaseSchema),
    listKnowledgeBases: async (options = {}) =>
      transport.json({ method: 'GET', path: '/api/knowledge-bases', ...options }, knowledgeBaseListSchema),
    getKnowledgeBase: async (kbId, options = {}) =>
      transport.json(
        { method: 'GET', path: path`/api/knowledge-bases/${kbId}`, ...options },
        knowledgeBaseSchema,
      ),
    updateKnowledgeBase: async (kbId, body, options = {}) =>
      transport.json(
        { method: 'PATCH', path: path`/api/knowledge-bases/${kbId}`, body, ...options },
        knowledgeBaseSchema,
      ),
    deleteKnowledgeBase: async (kbId, options = {}) =>
      transport.empty({ method: 'DELETE', path: path`/api/knowledge-bases/${kbId}`, ...options }),
    addDocument: async (kbId, body, options = {}) => {
      const route = path`/api/knowledge-bases/${kbId}/documents`;
      const content = 'file' in body ? { form: uploadForm(body) } : { body };
      return transport.json({ method: 'POST', path: route, ...content, ...options }, knowledgeDocumentSchema);
    },
    listDocuments: async (kbId, options = {}) =>
      transport.json(
        { method: 'GET', path: path`/api/knowledge-bases/${kbId}/documents`, ...options },
        knowledgeDocumentListSchema,
      ),
    deleteDocument: async (kbId, docId, options = {}) =>
      transport.empty({
        method: 'DELETE',
        path: path`/api/knowledge-bases/${kbId}/documents/${docId}`,
        ...options,
      }),
    reindexDocument: async (kbId, docId, options = {}) =>
      transport.json(
        { method: 'POST', path: path`/api/knowledge-bases/${kbId}/documents/${docId}/reindex`, ...options },
        knowledgeDocumentSchema,
      ),
    queryKnowledgeBase: async (kbId, body, options = {}) =>
      transport.json(
        { method: 'POST', path: path`/api/knowledge-bases/${kbId}/query`, body, ...options },
        knowledgeQueryResponseSchema,
      ),
  };
}

function uploadForm(upload: DocumentUpload): FormData {
  const form = new FormData();
  const ownName = typeof File !== 'undefined' && upload.file instanceof File ? upload.file.name : 'document';
  form.append('file', upload.file, upload.filename ?? ownName);
  if (upload.title !== undefined) form.append('title', upload.title);
  return form;
}
