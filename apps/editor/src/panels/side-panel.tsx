import { useState } from 'react';
import { useEditor } from '../editor/editor-context.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import { EndpointsPanel } from './endpoints-panel.tsx';
import { ProblemsPanel } from './problems-panel.tsx';
import { PublishPanel } from './publish-panel.tsx';
import { RunPanel } from './run-panel.tsx';
import { RunsPanel } from './runs-panel.tsx';

const tabs = ['run', 'problems', 'publish', 'endpoints', 'runs'] as const;
type Tab = (typeof tabs)[number];
const tabLabels: Record<Tab, MessageKey> = {
  run: 'tab.run',
  problems: 'tab.problems',
  publish: 'tab.publish',
  endpoints: 'tab.endpoints',
  runs: 'tab.runs',
};

/** Test run, problems, publishing, endpoints and keys, and the run log, as tabs. */
export function SidePanel() {
  const { t } = useLanguage();
  const { problems } = useEditor();
  const [tab, setTab] = useState<Tab>('run');
  return (
    <section className="side-panel">
      <div role="tablist" aria-label={t('panels.label')} className="tabs">
        {tabs.map((entry) => (
          <button
            key={entry}
            type="button"
            role="tab"
            id={`tab-${entry}`}
            aria-selected={tab === entry}
            aria-controls={`panel-${entry}`}
            onClick={() => setTab(entry)}
          >
            {t(tabLabels[entry])}
            {entry === 'problems' && problems.length > 0 ? ` (${problems.length})` : ''}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'run' && <RunPanel />}
        {tab === 'problems' && <ProblemsPanel />}
        {tab === 'publish' && <PublishPanel />}
        {tab === 'endpoints' && <EndpointsPanel />}
        {tab === 'runs' && <RunsPanel />}
      </div>
    </section>
  );
}
