import { type DragEvent, type FormEvent, useState } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { useSession } from '../session/session-context.tsx';
import { ApiErrorMessage } from './api-error-message.tsx';
import { type ExplainedError, explainError } from './explain-error.ts';
import { type Upload, uploadPercent } from './upload-progress.ts';
import { useUploads } from './use-uploads.ts';

/** What the file picker offers; the server judges files by their bytes whatever they are called. */
const accepted =
  '.txt,.text,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf';

function UploadRow({ upload, onDismiss }: { upload: Upload; onDismiss: () => void }) {
  const { t } = useLanguage();
  const percent = uploadPercent(upload);
  return (
    <li className="kb-upload" data-phase={upload.phase}>
      <span className="kb-upload-name">{upload.name}</span>
      <progress
        max={100}
        value={upload.phase === 'indexing' ? undefined : percent}
        aria-label={t('kb.upload.progress', { name: upload.name })}
        data-percent={percent}
      />
      <span className="small" role="status">
        {upload.phase === 'uploading' && t('kb.upload.uploading', { percent })}
        {upload.phase === 'indexing' && t('kb.upload.indexing')}
        {upload.phase === 'done' && t('kb.upload.done', { chunks: upload.chunkCount ?? 0 })}
        {upload.phase === 'failed' && t('kb.upload.failed')}
      </span>
      {upload.error && <ApiErrorMessage error={upload.error} />}
      {(upload.phase === 'done' || upload.phase === 'failed') && (
        <button
          type="button"
          className="small"
          aria-label={`${t('common.close')} ${upload.name}`}
          onClick={onDismiss}
        >
          ×
        </button>
      )}
    </li>
  );
}

/** Upload files (picker or drop, with progress) or add a web page by URL. */
export function AddDocuments({ kbId, onAdded }: { kbId: string; onAdded: () => void }) {
  const { client } = useSession();
  const { t } = useLanguage();
  const { uploads, upload, dispatch } = useUploads(kbId, onAdded);
  const [url, setUrl] = useState('');
  const [fetching, setFetching] = useState(false);
  const [urlError, setUrlError] = useState<ExplainedError | null>(null);
  const [dragging, setDragging] = useState(false);

  const addUrl = async (event: FormEvent) => {
    event.preventDefault();
    setFetching(true);
    setUrlError(null);
    try {
      await client.addDocument(kbId, { url: url.trim() });
      setUrl('');
      onAdded();
    } catch (failure) {
      setUrlError(explainError(failure));
    } finally {
      setFetching(false);
    }
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) void upload(files);
  };

  return (
    <section
      className="card kb-add"
      aria-label={t('kb.add')}
      data-dragging={dragging}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <h2>{t('kb.add')}</h2>
      <label className="kb-file">
        {t('kb.upload.label')}
        <input
          type="file"
          multiple
          accept={accepted}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length > 0) void upload(files);
          }}
        />
      </label>
      <p className="muted small">{t('kb.upload.help')}</p>
      {uploads.length > 0 && (
        <ul className="kb-uploads" aria-label={t('kb.upload.list')}>
          {uploads.map((entry) => (
            <UploadRow
              key={entry.id}
              upload={entry}
              onDismiss={() => dispatch({ type: 'dismiss', id: entry.id })}
            />
          ))}
        </ul>
      )}
      <form className="row kb-url" onSubmit={addUrl}>
        <label className="grow">
          {t('kb.url.label')}
          <input
            type="url"
            value={url}
            placeholder="https://"
            onChange={(event) => setUrl(event.target.value)}
            required
          />
        </label>
        <button type="submit" disabled={fetching || url.trim() === ''}>
          {fetching ? t('kb.url.fetching') : t('kb.url.add')}
        </button>
      </form>
      {urlError && <ApiErrorMessage error={urlError} onDismiss={() => setUrlError(null)} />}
    </section>
  );
}
