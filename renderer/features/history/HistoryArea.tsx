import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useT } from '../../i18n/useT';
import { studioApi } from '../../platform';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { TabPanel, Tabs } from '../../ui/Tabs';
import { markConflicts } from '../merge/mergeMarks';
import { MergePanel } from '../merge/MergePanel';
import { BranchBar } from './BranchBar';
import { ChangesPanel } from './ChangesPanel';
import { CommitList } from './CommitList';
import { HistoryContext } from './historyContext';
import { createHistoryStore } from './historyStore';
import { HistoryMessages } from './HistoryMessages';
import { RecoveryList } from './RecoveryList';
import { StashList } from './StashList';

const tabs = ['changes', 'commits', 'stashes', 'recovery'] as const;
type Tab = (typeof tabs)[number];

/** The History area: the working tree's changes and the commit box, the branch bar, the commits and the recovery list. */
export default function HistoryArea() {
  const t = useT();
  const [store] = useState(() => createHistoryStore(studioApi));
  const repo = useStore(store, (s) => s.repo);
  const busy = useStore(store, (s) => s.busy);
  const changeCount = useStore(store, (s) => s.changes.length);
  const recoveryCount = useStore(store, (s) => s.recovery.length);
  const stashCount = useStore(store, (s) => s.stashes.length);
  const [tab, setTab] = useState<Tab>('changes');

  useEffect(() => {
    void store.getState().refresh();
    const stopWatching = store.getState().watch();
    // The event stream came back after a drop: what it missed is read again.
    const stopReconnect = studioApi.onReconnect(() => void store.getState().refresh());
    return () => {
      stopWatching();
      stopReconnect();
    };
  }, [store]);

  // A merge ended (here, by a commit, or by another program): the canvas stops marking its conflicts.
  const merging = repo?.merging ?? null;
  useEffect(() => {
    if (repo !== null && merging === null) markConflicts([], '');
  }, [repo, merging]);

  // Arrow keys move between the tabs, as a tab list does.
  const counts: Record<Tab, number | null> = { changes: changeCount, commits: null, stashes: stashCount, recovery: recoveryCount };
  return (
    <HistoryContext.Provider value={store}>
      <div className="history-area" data-testid="history-area">
        {repo === null ? (
          <>
            <HistoryMessages />
            <p className="history-loading muted">{t('common.loading')}</p>
          </>
        ) : !repo.isRepo ? (
          <div className="history-start">
            <HistoryMessages />
            <EmptyState icon="history" title={t('history.start.title')} note={t('history.start.note')}>
              {t('history.start.text')}
            </EmptyState>
            <Button variant="primary" icon="history" disabled={busy !== null} onClick={() => void store.getState().init()}>
              {t('history.start.action')}
            </Button>
          </div>
        ) : (
          <>
            <BranchBar onShowCommits={() => setTab('commits')} />
            <HistoryMessages onShowRecovery={() => setTab('recovery')} onShowStashes={() => setTab('stashes')} />
            <Tabs<Tab>
              idPrefix="history"
              className="history-tabs"
              tabs={tabs}
              current={tab}
              onSelect={setTab}
              label={t('history.tabs')}
              renderTab={(id) => (
                <>
                  {t(`history.tab.${id}`)}
                  {counts[id] ? <span className="badge">{counts[id]}</span> : null}
                </>
              )}
            />
            <TabPanel idPrefix="history" tab={tab} className="history-panel">
              {tab !== 'changes' ? (
                tab === 'commits' ? <CommitList /> : tab === 'stashes' ? <StashList /> : <RecoveryList />
              ) : repo.merging ? (
                // While a merge is in progress its conflicts are the changes to settle.
                <div className="history-merge">
                  <MergePanel state={repo.merging} branch={repo.branch} appPath={repo.appPath} onChange={() => void store.getState().mergeChanged()} />
                </div>
              ) : (
                <ChangesPanel />
              )}
            </TabPanel>
          </>
        )}
      </div>
    </HistoryContext.Provider>
  );
}
