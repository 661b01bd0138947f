import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { studioApi } from '../../platform';
import { useUi, useWorkspace, workspaceStore } from '../../state/stores';
import { errorData } from '../../state/workspaceStore';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { FolderBrowser } from './FolderBrowser';
import { newAppErrors, targetDir, type NewAppFields } from './newAppForm';

const locationKey = 'studio.newAppLocation';

function rememberedLocation(fallback: string): string {
  try {
    return localStorage.getItem(locationKey) ?? fallback;
  } catch {
    return fallback;
  }
}

/** Picks a folder with the browser host's folder browser, in a dialog over the new-app dialog. */
function LocationDialog({ initial, onPick, onClose }: { initial: string; onPick: (dir: string) => void; onClose: () => void }) {
  const t = useT();
  const [dir, setDir] = useState(initial);
  return (
    <Dialog
      title={t('newApp.chooseLocation')}
      closeLabel={t('common.close')}
      onClose={onClose}
      onSubmit={() => dir.trim() && onPick(dir.trim())}
      width="lg"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={!dir.trim()}>
            {t('newApp.useFolder')}
          </Button>
        </>
      }
    >
      <FolderBrowser value={dir} onChange={setDir} autoFocus />
    </Dialog>
  );
}

/** The "New app" form: organisation, name, title and location, checked as the person types. */
export function NewAppDialog({ onClose }: { readonly onClose: () => void }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const info = useWorkspace((s) => s.info);
  const [fields, setFields] = useState<NewAppFields>(() => ({ org: '', name: '', title: '', location: rememberedLocation(info?.homeDir ?? '') }));
  const [touched, setTouched] = useState<Partial<Record<keyof NewAppFields, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [browsing, setBrowsing] = useState(false);

  const errors = newAppErrors(fields, language, t);
  // A field's error shows once it has content or was left, so an untouched form is not all red.
  const shown = (key: keyof NewAppFields) => (submitted || touched[key] || fields[key] !== '' ? errors[key] : undefined) ?? null;
  const update = (key: keyof NewAppFields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));
  const leave = (key: keyof NewAppFields) => () => setTouched((s) => ({ ...s, [key]: true }));

  const browse = async () => {
    if (info?.host !== 'electron') {
      setBrowsing(true);
      return;
    }
    try {
      const dir = await studioApi.invoke('dialog:pickFolder', { title: t('newApp.chooseLocation') });
      if (dir) setFields((f) => ({ ...f, location: dir }));
    } catch (error) {
      setServerError(t('newApp.pickFailed', { message: errorData(error).message }));
    }
  };

  const submit = async () => {
    setSubmitted(true);
    if (busy) return;
    const first = (['org', 'name', 'title', 'location'] as const).find((k) => errors[k]);
    if (first) {
      document.getElementById(`new-app-${first}`)?.focus();
      return;
    }
    setBusy(true);
    setServerError(null);
    const location = fields.location.trim();
    const result = await workspaceStore.getState().create({
      dir: targetDir(location, fields.name),
      org: fields.org,
      name: fields.name,
      title: fields.title.trim(),
    });
    if (result.ok) {
      try {
        localStorage.setItem(locationKey, location);
      } catch {
        // Only a convenience for the next new app.
      }
      return;
    }
    setServerError(result.error.message);
    setBusy(false);
  };

  return (
    <Dialog
      title={t('newApp.title')}
      closeLabel={t('common.close')}
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? t('newApp.creating') : t('newApp.create')}
          </Button>
        </>
      }
    >
      {serverError ? <Alert>{t('newApp.failed', { message: serverError })}</Alert> : null}
      <div className="form-grid">
        <TextField
          id="new-app-org"
          label={t('newApp.org')}
          hint={t('newApp.orgHint')}
          value={fields.org}
          onChange={update('org')}
          onBlur={leave('org')}
          error={shown('org')}
          autoFocus
        />
        <TextField
          id="new-app-name"
          label={t('newApp.name')}
          hint={t('newApp.nameHint')}
          value={fields.name}
          onChange={update('name')}
          onBlur={leave('name')}
          error={shown('name')}
          maxLength={100}
        />
      </div>
      <TextField
        id="new-app-title"
        label={t('newApp.appTitle')}
        hint={t('newApp.appTitleHint')}
        value={fields.title}
        onChange={update('title')}
        onBlur={leave('title')}
        error={shown('title')}
        maxLength={255}
        spellCheck
      />
      <TextField
        id="new-app-location"
        label={t('newApp.location')}
        hint={t('newApp.locationHint')}
        value={fields.location}
        onChange={update('location')}
        onBlur={leave('location')}
        error={shown('location')}
        addon={
          <Button icon="folder" onClick={() => void browse()}>
            {t('newApp.browse')}
          </Button>
        }
      />
      {fields.location.trim() && fields.name && !errors.name ? (
        <p className="target-preview" data-testid="new-app-target">
          {t('newApp.target', { dir: targetDir(fields.location, fields.name) })}
        </p>
      ) : null}
      {browsing ? (
        <LocationDialog
          initial={fields.location}
          onClose={() => setBrowsing(false)}
          onPick={(dir) => {
            setFields((f) => ({ ...f, location: dir }));
            setBrowsing(false);
          }}
        />
      ) : null}
    </Dialog>
  );
}
