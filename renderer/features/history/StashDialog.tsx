import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { TextField } from '../../ui/TextField';
import { FormDialog } from '../../ui/FormDialog';
import { useHistory, useHistoryStore } from './historyContext';

/** Asks for an optional message and stashes every uncommitted change. */
export function StashDialog({ onClose }: { readonly onClose: () => void }) {
  const t = useT();
  const store = useHistoryStore();
  const busy = useHistory((s) => s.busy);
  const [message, setMessage] = useState('');
  const submit = async () => {
    if (await store.getState().stash(message)) onClose();
  };
  return (
    <FormDialog title={t('history.stash.title')} submitLabel={t('history.stash.submit')} canSubmit busy={busy === 'stash'} onSubmit={() => void submit()} onClose={onClose}>
      <TextField label={t('history.stash.message')} value={message} onChange={setMessage} hint={t('history.stash.hint')} />
    </FormDialog>
  );
}
