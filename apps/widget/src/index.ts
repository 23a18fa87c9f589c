// widget.js: `<script src="https://<host>/widget.js" data-app-id="app_…" data-key="<publishable key>" async>`.
// Reads its options from its own script tag and mounts once the body exists.
import { mountWidget, type WidgetHandle } from './mount-widget.ts';
import { readOptions } from './options/widget-options.ts';

declare global {
  interface Window {
    EdgeflowWidget?: WidgetHandle;
  }
}

function ownScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  // Only when loaded in a way that leaves no currentScript (e.g. injected by a tag manager).
  return document.querySelector<HTMLScriptElement>('script[data-app-id][src*="widget.js"]');
}

function start(script: HTMLScriptElement): void {
  const result = readOptions(script.dataset, script.src, navigator.language);
  if (!result.ok) {
    console.warn(`Edgeflow widget: ${result.problem}.`);
    return;
  }
  window.EdgeflowWidget = mountWidget(document, result.options);
  window.dispatchEvent(new Event('edgeflow-widget-ready'));
}

const script = ownScript();
if (script && !window.EdgeflowWidget) {
  if (document.body) start(script);
  else document.addEventListener('DOMContentLoaded', () => start(script), { once: true });
}
