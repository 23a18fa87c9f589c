import { useState } from 'react';
import { useEditor } from '../editor/editor-context.tsx';
import { useLanguage } from '../i18n/language-context.tsx';
import { useSession } from '../session/session-context.tsx';
import { endpointSnippets } from '../session/snippets.ts';
import { KeysSection, type NewKey } from './keys-section.tsx';
import { startInputs } from './run-inputs.ts';

function Snippet({ label, text }: { label: string; text: string }) {
  const { t } = useLanguage();
  const [copied, setCopied] = useState(false);
  return (
    <section className="snippet" aria-label={label}>
      <div className="row spread">
        <h4>{label}</h4>
        <button
          type="button"
          className="small"
          aria-label={`${t('endpoints.copy')} ${label}`}
          onClick={() => {
            void navigator.clipboard?.writeText(text).then(
              () => setCopied(true),
              () => undefined,
            );
          }}
        >
          {copied ? t('endpoints.copied') : t('endpoints.copy')}
        </button>
      </div>
      <pre className="mono">{text}</pre>
    </section>
  );
}

/** How to call the published app (curl, the OpenAI SDK, the widget) and its keys. */
export function EndpointsPanel() {
  const { t } = useLanguage();
  const { baseUrl } = useSession();
  const { app, document } = useEditor();
  const [created, setCreated] = useState<NewKey | null>(null);
  const inputName = startInputs(document)[0]?.name ?? 'query';
  const snippets = endpointSnippets({
    baseUrl,
    appId: app.id,
    mode: app.mode,
    inputName,
    ...(created?.kind === 'secret' ? { secretKey: created.key } : {}),
    ...(created?.kind === 'publishable' ? { publishableKey: created.key } : {}),
  });
  return (
    <div className="endpoints-panel">
      <h3>{t('endpoints.title')}</h3>
      <Snippet label={t('endpoints.curl')} text={snippets.curl} />
      {app.mode === 'chat' && <Snippet label={t('endpoints.openai')} text={snippets.openai} />}
      {app.mode === 'chat' && <Snippet label={t('endpoints.widget')} text={snippets.widget} />}
      <KeysSection onCreated={setCreated} />
    </div>
  );
}
