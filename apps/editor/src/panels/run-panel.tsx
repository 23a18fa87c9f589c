import { EdgeflowApiError } from '@edgeflow/api';
import { type FormEvent, useRef, useState } from 'react';
import { useEditor } from '../editor/editor-context.tsx';
import { useLanguage } from '../i18n/language-context.tsx';
import { reduceRunEvent, startingTrace } from '../run/run-trace.ts';
import { useSession } from '../session/session-context.tsx';
import { errorMessage } from '../ui/error-message.ts';
import { errorDiagnostics } from './error-diagnostics.ts';
import { parseRunInputs, startInputs } from './run-inputs.ts';
import { TraceView } from './trace-view.tsx';

/** Runs the saved draft with inputs from the start node; nodes light up and the answer streams as it comes. */
export function RunPanel() {
  const { t } = useLanguage();
  const { client } = useSession();
  const { app, document, trace, setTrace, flush, setServerDiagnostics } = useEditor();
  const declared = startInputs(document);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [continueConversation, setContinueConversation] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const running = trace.status === 'running';

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const { inputs, invalid } = parseRunInputs(declared, texts);
    if (invalid.length > 0) {
      setRefusal(t('run.refused', { message: invalid.join(', ') }));
      return;
    }
    const conversationId = continueConversation && trace.conversationId ? trace.conversationId : undefined;
    const controller = new AbortController();
    abort.current = controller;
    setTrace(startingTrace());
    try {
      await flush();
      const events = client.runDraft(
        app.id,
        { inputs, ...(conversationId ? { conversationId: conversationId as `conv_${string}` } : {}) },
        { signal: controller.signal },
      );
      for await (const runEvent of events) setTrace((previous) => reduceRunEvent(previous, runEvent));
    } catch (failure) {
      if (controller.signal.aborted) {
        setTrace((previous) => ({ ...previous, status: 'cancelled' }));
        return;
      }
      const diagnostics = errorDiagnostics(failure);
      if (diagnostics) setServerDiagnostics(diagnostics);
      const fields =
        failure instanceof EdgeflowApiError && Array.isArray(failure.details.fields)
          ? failure.details.fields
          : [];
      const detail = fields
        .map((field: { name?: string; message?: string }) => `${field.name}: ${field.message}`)
        .join('; ');
      setRefusal(t('run.refused', { message: detail || errorMessage(failure) }));
      setTrace((previous) => ({ ...previous, status: 'failed' }));
    } finally {
      abort.current = null;
    }
  };

  return (
    <div className="run-panel">
      <form onSubmit={start} aria-label={t('run.title')}>
        <h3>{t('run.inputs')}</h3>
        {declared.map((input) => {
          const id = `run-input-${input.name}`;
          const value = texts[input.name] ?? '';
          const set = (next: string) => setTexts((previous) => ({ ...previous, [input.name]: next }));
          return (
            <div key={input.name} className="field">
              <label htmlFor={id}>
                {input.name}
                {input.required && <span aria-hidden="true"> *</span>}{' '}
                <span className="muted small">{input.type}</span>
              </label>
              {input.type === 'boolean' ? (
                <input
                  id={id}
                  type="checkbox"
                  checked={value === 'true'}
                  onChange={(event) => set(String(event.target.checked))}
                />
              ) : input.type === 'string' ? (
                <textarea
                  id={id}
                  rows={2}
                  value={value}
                  onChange={(event) => set(event.target.value)}
                  placeholder={input.description}
                />
              ) : (
                <input
                  id={id}
                  className={input.type === 'number' ? '' : 'mono'}
                  value={value}
                  onChange={(event) => set(event.target.value)}
                />
              )}
            </div>
          );
        })}
        {app.mode === 'chat' && trace.conversationId && (
          <label className="row">
            <input
              type="checkbox"
              checked={continueConversation}
              onChange={(event) => setContinueConversation(event.target.checked)}
            />
            {t('run.continueConversation')}
          </label>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={running}>
            <span aria-hidden="true">▶</span> {t('run.start')}
          </button>
          {running && (
            <button type="button" onClick={() => abort.current?.abort()}>
              {t('run.stop')}
            </button>
          )}
        </div>
      </form>
      {refusal && (
        <p role="alert" className="error-text">
          {refusal}
        </p>
      )}
      <TraceView trace={trace} />
    </div>
  );
}
