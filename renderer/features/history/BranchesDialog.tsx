import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { shortOid } from './BranchBar';
import { useHistory, useHistoryStore } from './historyContext';
import type { GitOperation } from './historyStore';

type Editing = { readonly kind: 'rename' | 'delete'; readonly name: string } | null;

const dialogOperations: ReadonlySet<GitOperation> = new Set(['create', 'rename', 'delete']);

/** The branches: switch to one, create, rename and delete; what fails is said here, beside the form. */
export function BranchesDialog({ onClose }: { readonly onClose: () => void }) {
  const t = useT();
  const store = useHistoryStore();
  const branches = useHistory((s) => s.branches);
  const busy = useHistory((s) => s.busy);
  const problem = useHistory((s) => (s.problem && dialogOperations.has(s.problem.operation) ? s.problem : null));
  const [name, setName] = useState('');
  const [switchTo, setSwitchTo] = useState(true);
  const [editing, setEditing] = useState<Editing>(null);
  const [newName, setNewName] = useState('');
  const [failedDelete, setFailedDelete] = useState<string | null>(null);
  const current = branches.find((b) => b.current)?.name ?? null;
  const { createBranch, renameBranch, deleteBranch, switchBranch, merge } = store.getState();

  const create = async () => {
    if (!name.trim()) return;
    if (await createBranch(name.trim(), switchTo)) onClose();
  };
  const switchBranchTo = (branch: string) => {
    // Refusals over uncommitted changes are answered in the area, where "Keep a copy" is offered.
    onClose();
    void switchBranch(branch);
  };
  const mergeIn = (branch: string) => {
    // Like a switch, a refusal or the conflicts are answered in the area.
    onClose();
    void merge(branch);
  };
  const confirmEdit = async () => {
    if (!editing) return;
    if (editing.kind === 'rename') {
      if (newName.trim() && (await renameBranch(editing.name, newName.trim()))) setEditing(null);
    } else if (await deleteBranch(editing.name, failedDelete === editing.name)) {
      setEditing(null);
      setFailedDelete(null);
    } else setFailedDelete(editing.name);
  };

  return (
    <Dialog
      title={t('history.branches.title')}
      closeLabel={t('common.close')}
      onClose={onClose}
      busy={busy !== null}
      onSubmit={() => void create()}
      footer={
        <Button variant="ghost" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
    >
      <div className="history-branch-create">
        <TextField label={t('history.branches.newName')} value={name} onChange={setName} hint={t('history.branches.newHint')} />
        <label className="history-check">
          <input type="checkbox" checked={switchTo} onChange={(e) => setSwitchTo(e.target.checked)} />
          {t('history.branches.switchToNew')}
        </label>
        <Button type="submit" variant="primary" icon="plus" disabled={busy !== null || !name.trim()}>
          {t('history.branches.create')}
        </Button>
      </div>
      {problem ? <Alert>{problem.message}</Alert> : null}
      <ul className="history-branch-list" aria-label={t('history.branches.list')}>
        {branches.map((branch) => (
          <li key={branch.name} className="history-branch-row" data-branch={branch.name}>
            <span className="history-branch-name">{branch.name}</span>
            <span className="mono muted small">{shortOid(branch.oid)}</span>
            {branch.current ? <span className="badge badge-accent">{t('history.branches.current')}</span> : null}
            <span className="history-branch-actions">
              {!branch.current ? (
                <Button size="sm" disabled={busy !== null} onClick={() => switchBranchTo(branch.name)} aria-label={t('history.branches.switchTo', { name: branch.name })}>
                  {t('history.branches.switch')}
                </Button>
              ) : null}
              {!branch.current && current ? (
                <Button size="sm" variant="ghost" disabled={busy !== null} onClick={() => mergeIn(branch.name)} aria-label={t('history.branches.mergeOne', { name: branch.name, current })}>
                  {t('history.branches.merge')}
                </Button>
              ) : null}
              <Button
                size="sm"
                variant="ghost"
                disabled={busy !== null}
                onClick={() => (setEditing({ kind: 'rename', name: branch.name }), setNewName(branch.name))}
                aria-label={t('history.branches.renameOne', { name: branch.name })}
              >
                {t('history.branches.rename')}
              </Button>
              {!branch.current ? (
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={busy !== null}
                  onClick={() => setEditing({ kind: 'delete', name: branch.name })}
                  aria-label={t('history.branches.deleteOne', { name: branch.name })}
                >
                  {t('history.branches.delete')}
                </Button>
              ) : null}
            </span>
            {editing?.name === branch.name ? (
              <div className="history-branch-edit">
                {editing.kind === 'rename' ? (
                  <TextField label={t('history.branches.renameTo')} value={newName} onChange={setNewName} autoFocus />
                ) : (
                  <p>{failedDelete === branch.name ? t('history.branches.deleteAnywayText', { name: branch.name }) : t('history.branches.deleteText', { name: branch.name })}</p>
                )}
                <Button size="sm" variant={editing.kind === 'delete' ? 'danger' : 'primary'} disabled={busy !== null} onClick={() => void confirmEdit()}>
                  {editing.kind === 'rename'
                    ? t('history.branches.rename')
                    : failedDelete === branch.name
                      ? t('history.branches.deleteAnyway')
                      : t('history.branches.delete')}
                </Button>
                <Button size="sm" variant="ghost" onClick={() => (setEditing(null), setFailedDelete(null))}>
                  {t('common.cancel')}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
