import { useState } from 'react';
import type { DeployEnvironment } from '../../../core/api';
import { useT } from '../../i18n/useT';
import { TextField } from '../../ui/TextField';
import { FormDialog } from '../../ui/FormDialog';

/** Adds an environment, or edits one (`editing`): its name, the host's address and its admin token. */
export function EnvironmentDialog({
  editing,
  busy,
  onSave,
  onClose,
}: {
  readonly editing: DeployEnvironment | null;
  readonly busy: boolean;
  readonly onSave: (input: { name: string; url: string; token?: string }) => void;
  readonly onClose: () => void;
}) {
  const t = useT();
  const [name, setName] = useState(editing?.name ?? '');
  const [url, setUrl] = useState(editing?.url ?? '');
  const [token, setToken] = useState('');
  const nameError = name && !/^[A-Za-z0-9._-]+$/.test(name) ? t('deploy.env.nameError') : null;
  const canSubmit = name.trim() !== '' && !nameError && url.trim() !== '' && (editing !== null || token.trim() !== '');
  return (
    <FormDialog
      title={editing ? t('deploy.env.editTitle', { name: editing.name }) : t('deploy.env.addTitle')}
      submitLabel={t('deploy.env.save')}
      canSubmit={canSubmit}
      busy={busy}
      onClose={onClose}
      onSubmit={() => onSave({ name: name.trim(), url: url.trim(), ...(token.trim() ? { token: token.trim() } : {}) })}
    >
      <TextField label={t('deploy.env.name')} value={name} onChange={setName} error={nameError} hint={t('deploy.env.nameHint')} data-testid="deploy-env-name" />
      <TextField label={t('deploy.env.url')} value={url} onChange={setUrl} hint={t('deploy.env.urlHint')} placeholder="https://apps.example.com" data-testid="deploy-env-url" />
      <TextField
        label={t('deploy.env.token')}
        type="password"
        value={token}
        onChange={setToken}
        hint={editing?.hasToken ? t('deploy.env.tokenKept') : t('deploy.env.tokenHint')}
        data-testid="deploy-env-token"
      />
    </FormDialog>
  );
}

/** Asks for the number of a new version, suggesting the next one, and an optional note. */
export function CreateVersionDialog({
  suggested,
  busy,
  onCreate,
  onClose,
}: {
  readonly suggested: string;
  readonly busy: boolean;
  readonly onCreate: (version: string, message: string) => void;
  readonly onClose: () => void;
}) {
  const t = useT();
  const [version, setVersion] = useState(suggested);
  const [message, setMessage] = useState('');
  const valid = /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version.trim());
  return (
    <FormDialog
      title={t('deploy.create.title')}
      submitLabel={t('deploy.create.submit')}
      canSubmit={valid}
      busy={busy}
      onClose={onClose}
      onSubmit={() => onCreate(version.trim().replace(/^v/, ''), message.trim())}
    >
      <p className="muted">{t('deploy.create.text')}</p>
      <TextField
        label={t('deploy.create.version')}
        value={version}
        onChange={setVersion}
        error={version && !valid ? t('deploy.create.versionError') : null}
        hint={t('deploy.create.versionHint', { tag: `v${version.trim().replace(/^v/, '')}` })}
        data-testid="deploy-version-number"
      />
      <TextField label={t('deploy.create.message')} value={message} onChange={setMessage} hint={t('deploy.create.messageHint')} />
    </FormDialog>
  );
}
