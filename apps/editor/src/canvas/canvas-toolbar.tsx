import { useRef } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import type { CanvasCommands } from './use-canvas-commands.ts';

export function CanvasToolbar({ commands }: { commands: CanvasCommands }) {
  const { t } = useLanguage();
  const fileInput = useRef<HTMLInputElement>(null);
  const button = (label: string, text: string, action: () => unknown) => (
    <button type="button" aria-label={label} title={label} onClick={() => void action()}>
      {text}
    </button>
  );
  return (
    <div
      className="canvas-toolbar"
      role="toolbar"
      aria-label={t('canvas.tools')}
      title={t('toolbar.shortcuts')}
    >
      {button(t('toolbar.undo'), '↶', commands.undo)}
      {button(t('toolbar.redo'), '↷', commands.redo)}
      {button(t('toolbar.copy'), t('toolbar.copyShort'), commands.copy)}
      {button(t('toolbar.paste'), t('toolbar.pasteShort'), commands.paste)}
      {button(t('toolbar.delete'), '✕', commands.deleteSelection)}
      {button(t('toolbar.layout'), t('toolbar.layoutShort'), commands.layout)}
      {button(t('toolbar.fitView'), '⤢', commands.fitView)}
      <button type="button" onClick={commands.exportJson}>
        {t('toolbar.export')}
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        {t('toolbar.import')}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        aria-label={t('toolbar.import')}
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void commands.importJson(file);
        }}
      />
    </div>
  );
}
