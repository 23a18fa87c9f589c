import { RequestFailureError } from './api/request-failure.ts';
import { createWidgetApi } from './api/widget-api.ts';
import { stringsFor } from './options/strings.ts';
import type { WidgetOptions } from './options/widget-options.ts';
import { widgetSettings } from './options/widget-settings.ts';
import { ChatSession } from './state/chat-session.ts';
import { visitorStorage } from './state/visitor-storage.ts';
import { WidgetView } from './ui/widget-view.ts';

/** The JS API a host page gets as `window.EdgeflowWidget`. */
export interface WidgetHandle {
  open(): void;
  close(): void;
  /** Opens the panel and sends `text` as the visitor; resolves to whether the runtime took it (if not, it waits in the input). */
  send(text: string): Promise<boolean>;
}

/**
 * Adds the launcher and panel to `document.body` and wires them to the runtime. The launcher shows
 * at once with the script tag's settings; the app's own settings and the stored thread follow.
 * @example mountWidget(document, options).open()
 */
export function mountWidget(document: Document, options: WidgetOptions): WidgetHandle {
  const strings = stringsFor(options.language);
  const storage = visitorStorage(() => window.localStorage, options.appId);
  const api = createWidgetApi({ ...options, visitorId: storage.visitorId() });
  const session = new ChatSession(api, storage, (snapshot) => view.render(snapshot));

  const setOpen = (open: boolean) => {
    view.setOpen(open);
    if (open) view.input.focus();
    else if (view.host.shadowRoot?.activeElement) view.launcher.focus();
  };

  const setInput = (text: string) => {
    view.input.value = text;
    storage.saveDraft(text);
  };

  /** Sends and, when the runtime did not take the message, puts it back in front of what was typed since. */
  const send = async (text: string): Promise<boolean> => {
    const outcome = await session.send(text);
    if (outcome !== 'failed') return outcome === 'sent';
    const typed = view.input.value.trim();
    setInput(typed === '' ? text : `${text}\n${typed}`);
    return false;
  };

  const view = new WidgetView(document, strings, {
    toggle: setOpen,
    submit: () => {
      const text = view.input.value;
      if (text.trim() === '' || session.snapshot.busy) return;
      setInput('');
      void send(text);
    },
  });
  view.input.value = storage.loadDraft();
  view.input.addEventListener('input', () => storage.saveDraft(view.input.value));
  view.apply(widgetSettings(options, null));
  document.body.append(view.host);
  view.render(session.snapshot);
  if (options.open) setOpen(true);

  api.config().then(
    (config) => view.apply(widgetSettings(options, config)),
    (error: unknown) => {
      if (error instanceof RequestFailureError) session.report(error.failure);
    },
  );
  void session.restore();

  return {
    open: () => setOpen(true),
    close: () => setOpen(false),
    send: (text) => {
      setOpen(true);
      return send(text);
    },
  };
}
