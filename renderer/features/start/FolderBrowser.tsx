import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { FolderListing } from '../../../core/api';
import { useT } from '../../i18n/useT';
import { studioApi } from '../../platform';
import { errorData } from '../../state/workspaceStore';
import { Alert } from '../../ui/Alert';
import { Button, IconButton } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { TextField } from '../../ui/TextField';

export interface FolderBrowserProps {
  /** The chosen folder (the path field); the browser shows it and sets it when the person navigates. */
  readonly value: string;
  readonly onChange: (dir: string) => void;
  readonly autoFocus?: boolean;
}

/**
 * Browses the host's folders for the browser host, which has no native folder dialog: a path field,
 * "up", and the sub-folders of the shown folder, with Altinn app folders marked.
 */
export function FolderBrowser({ value, onChange, autoFocus }: FolderBrowserProps) {
  const t = useT();
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const latest = useRef(0);

  const show = useCallback(
    async (dir: string | undefined, focusList = false) => {
      const mine = ++latest.current;
      setLoading(true);
      try {
        const next = await studioApi.invoke('folders:list', dir ? { dir } : {});
        if (mine !== latest.current) return;
        setListing(next);
        setError(null);
        onChange(next.dir);
        if (focusList) requestAnimationFrame(() => listRef.current?.querySelector('button')?.focus());
      } catch (e) {
        if (mine === latest.current) setError(errorData(e).message);
      } finally {
        if (mine === latest.current) setLoading(false);
      }
    },
    [onChange],
  );

  // What the person types is newer than any listing on its way: that answer may no longer replace it.
  const type = (text: string) => {
    latest.current++;
    setLoading(false);
    onChange(text);
  };

  // Only the first folder is loaded on mount; later ones follow the person's navigation.
  const initial = useRef(value);
  useEffect(() => {
    void show(initial.current || undefined);
  }, [show]);

  const moveFocus = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.folder-item') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    let next = -1;
    if (event.key === 'ArrowDown') next = Math.min(buttons.length - 1, index + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else if (event.key === 'Backspace' && listing?.parent) {
      event.preventDefault();
      void show(listing.parent, true);
      return;
    }
    if (next >= 0) {
      event.preventDefault();
      buttons[next]?.focus();
    }
  };

  return (
    <div className="folder-browser">
      <TextField
        label={t('folders.path')}
        value={value}
        onChange={type}
        autoFocus={autoFocus}
        addon={
          <>
            <Button onClick={() => void show(value.trim() || undefined)} disabled={loading}>
              {t('folders.go')}
            </Button>
            <IconButton icon="arrowUp" label={t('folders.up')} disabled={!listing?.parent || loading} onClick={() => void show(listing?.parent ?? undefined)} />
          </>
        }
      />
      {error ? <Alert>{t('folders.loadFailed', { message: error })}</Alert> : null}
      <div className="folder-list-frame" aria-busy={loading || undefined}>
        {listing && listing.folders.length === 0 ? <p className="folder-empty">{t('folders.empty')}</p> : null}
        {listing ? (
          <ul className="folder-list" ref={listRef} aria-label={t('folders.listLabel', { dir: listing.dir })} onKeyDown={moveFocus}>
            {listing.folders.map((folder) => (
              <li key={folder.path}>
                <button type="button" className="list-button folder-item" data-path={folder.path} onClick={() => void show(folder.path, true)}>
                  <Icon name={folder.isApp ? 'app' : 'folder'} className={folder.isApp ? 'icon-app' : undefined} />
                  <span className="folder-name">{folder.name}</span>
                  {folder.isApp ? <span className="badge badge-accent">{t('folders.appBadge')}</span> : null}
                  <Icon name="chevronRight" className="folder-chevron" />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {listing ? (
        <p className={listing.isApp ? 'folder-status folder-status-app' : 'folder-status'} aria-live="polite">
          {listing.isApp ? (
            <>
              <Icon name="check" /> {t('folders.isApp')}
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
