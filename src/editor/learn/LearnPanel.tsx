/**
 * The Learn side panel of issue 5: gradient check, nudges and the update step, the guide's three strategies,
 * the dataset, and training. It owns the Learn store, and draws what belongs on the canvas (check badges, the
 * nudge beside the output) even while folded away.
 */
import { useState } from 'react';
import { useEditorStore } from '../context.ts';
import { CheckBadges } from './CheckBadges.tsx';
import { CheckPanel } from './CheckPanel.tsx';
import { LearnContext } from './context.ts';
import { DataPanel } from './DataPanel.tsx';
import { NudgeBeside } from './NudgeBeside.tsx';
import { NudgePanel } from './NudgePanel.tsx';
import { createLearnStore } from './store.ts';
import { StrategiesPanel } from './StrategiesPanel.tsx';
import { TrainPanel } from './TrainPanel.tsx';
import './learn.css';

const TABS = [
  { id: 'check', title: 'Check', body: CheckPanel },
  { id: 'nudge', title: 'Nudge', body: NudgePanel },
  { id: 'strategies', title: 'Strategies', body: StrategiesPanel },
  { id: 'data', title: 'Data', body: DataPanel },
  { id: 'train', title: 'Train', body: TrainPanel },
] as const;

type TabId = (typeof TABS)[number]['id'];

export function LearnPanel() {
  const editor = useEditorStore();
  const [store] = useState(() => createLearnStore(editor));
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<TabId>('check');
  const Body = TABS.find((t) => t.id === tab)!.body;

  return (
    <LearnContext.Provider value={store}>
      <CheckBadges />
      <NudgeBeside />
      {open ? (
        <aside className="learn-panel" aria-label="Learn" data-testid="learn-panel">
          <div className="learn-panel__tabs" role="tablist">
            {TABS.map((t) => (
              <button key={t.id} type="button" role="tab" aria-selected={t.id === tab} data-testid={`learn-tab-${t.id}`} onClick={() => setTab(t.id)}>
                {t.title}
              </button>
            ))}
            <button type="button" className="learn-panel__close" data-testid="learn-toggle" aria-label="Fold the Learn panel" onClick={() => setOpen(false)}>
              »
            </button>
          </div>
          <div className="learn-panel__body" role="tabpanel">
            <Body />
          </div>
        </aside>
      ) : (
        <button type="button" className="learn-panel__strip" data-testid="learn-toggle" onClick={() => setOpen(true)} title="Gradient check, nudges, strategies, datasets and training">
          Learn
        </button>
      )}
    </LearnContext.Provider>
  );
}
