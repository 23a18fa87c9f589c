import { useEditor } from '../editor/editor-context.tsx';
import { useLanguage } from '../i18n/language-context.tsx';
import { failedNodeId, type RunTrace } from '../run/run-trace.ts';

function Json({ value }: { value: unknown }) {
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

/** A run as it happens or as it was: the answer, the failure, and every node's inputs, outputs, time and tokens. */
export function TraceView({ trace }: { trace: RunTrace }) {
  const { t } = useLanguage();
  const { focusNode } = useEditor();
  const failed = failedNodeId(trace);
  return (
    <div className="trace" data-status={trace.status}>
      <p className={`run-status run-${trace.status}`} role="status">
        {t(`run.status.${trace.status}`)}
        {trace.elapsedMs !== null && ` · ${t('run.time', { ms: Math.round(trace.elapsedMs) })}`}
        {trace.usage &&
          ` · ${t('run.tokens', { input: trace.usage.inputTokens, output: trace.usage.outputTokens })}`}
      </p>
      {trace.error && (
        <p className="error-text" role="alert">
          {failed ? (
            <button type="button" className="link" onClick={() => focusNode(failed)}>
              {t('run.failedAt', { node: failed, message: trace.error.message })}
            </button>
          ) : (
            trace.error.message
          )}
        </p>
      )}
      {(trace.text !== '' || trace.status === 'running') && (
        <section aria-label={t('run.answer')}>
          <h3>{t('run.answer')}</h3>
          <output className="answer" aria-live="polite">
            {trace.text}
          </output>
        </section>
      )}
      {trace.outputs && Object.keys(trace.outputs).length > 0 && (
        <details>
          <summary>{t('run.outputs')}</summary>
          <Json value={trace.outputs} />
        </details>
      )}
      {trace.order.length > 0 && <h3>{t('run.trace')}</h3>}
      <ol className="trace-nodes">
        {trace.order.map((nodeId) => {
          const node = trace.nodes[nodeId];
          if (!node) return null;
          return (
            <li key={nodeId} className={`trace-node run-${node.status}`} data-node-id={nodeId}>
              <details>
                <summary>
                  <strong>{nodeId}</strong>{' '}
                  <span className={`run-badge run-${node.status}`}>{t(`run.status.${node.status}`)}</span>
                  {typeof node.elapsedMs === 'number' &&
                    ` ${t('run.time', { ms: Math.round(node.elapsedMs) })}`}
                  {node.usage &&
                    ` · ${t('run.tokens', { input: node.usage.inputTokens, output: node.usage.outputTokens })}`}
                </summary>
                {node.error && <p className="error-text">{node.error.message}</p>}
                {node.inputs !== undefined && node.inputs !== null && (
                  <>
                    <h4>{t('run.nodeInputs')}</h4>
                    <Json value={node.inputs} />
                  </>
                )}
                {node.outputs && (
                  <>
                    <h4>{t('run.nodeOutputs')}</h4>
                    <Json value={node.outputs} />
                  </>
                )}
              </details>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
