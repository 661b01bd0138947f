/**
 * The two versions the review compares: each picked from the working tree, branches, tags and recent
 * commits, and one-click comparisons since the last push and since the last tag.
 */
import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import { Button } from '../../ui/Button';
import { lastPushedVersion, lastTagVersion, type Version, type VersionChoices } from './reviewSources';

const working = '';

/** How a version is named to a person: the working tree, a short commit id with its message, or a name. */
export function versionName(version: Version, choices: VersionChoices | null, workingTree: string): string {
  if (version === null) return workingTree;
  const commit = choices?.commits.find((c) => c.oid === version);
  return commit ? `${commit.oid.slice(0, 7)} ${commit.message.split('\n')[0]}` : version;
}

function VersionSelect({ label, value, choices, onChange, testId }: { label: string; value: Version; choices: VersionChoices | null; onChange: (v: Version) => void; testId: string }) {
  const t = useT();
  const known = value === null || choices?.branches.some((b) => b.name === value) || choices?.tags.some((x) => x.name === value) || choices?.commits.some((c) => c.oid === value);
  const group = (name: string, options: ReactNode[]) => (options.length > 0 ? <optgroup label={name}>{options}</optgroup> : null);
  return (
    <label className="rv-version">
      <span className="rv-version-label">{label}</span>
      <select className="select select-sm" data-testid={testId} value={value ?? working} onChange={(event) => onChange(event.target.value === working ? null : event.target.value)}>
        <option value={working}>{t('review.workingTree')}</option>
        {known ? null : <option value={value!}>{value}</option>}
        {group(
          t('review.branches'),
          (choices?.branches ?? []).map((b) => (
            <option key={b.name} value={b.name}>
              {b.name}
            </option>
          )),
        )}
        {group(
          t('review.tags'),
          (choices?.tags ?? []).map((tag) => (
            <option key={tag.name} value={tag.name}>
              {tag.name}
            </option>
          )),
        )}
        {group(
          t('review.commits'),
          (choices?.commits ?? []).map((c) => (
            <option key={c.oid} value={c.oid}>
              {versionName(c.oid, choices, '')}
            </option>
          )),
        )}
      </select>
    </label>
  );
}

export interface VersionBarProps {
  readonly from: Version;
  readonly to: Version;
  readonly choices: VersionChoices | null;
  readonly onChange: (from: Version, to: Version) => void;
  readonly children?: ReactNode;
}

export function VersionBar({ from, to, choices, onChange, children }: VersionBarProps) {
  const t = useT();
  const pushed = choices ? lastPushedVersion(choices) : null;
  const tag = choices ? lastTagVersion(choices) : null;
  return (
    <div className="area-toolbar rv-toolbar" role="toolbar" aria-label={t('review.versions')}>
      <VersionSelect label={t('review.from')} value={from} choices={choices} onChange={(v) => onChange(v, to)} testId="review-from" />
      <span aria-hidden="true">→</span>
      <VersionSelect label={t('review.to')} value={to} choices={choices} onChange={(v) => onChange(from, v)} testId="review-to" />
      <Button size="sm" disabled={!pushed} title={pushed ? t('review.sincePush.hint', { ref: pushed }) : t('review.sincePush.none')} onClick={() => pushed && onChange(pushed, null)}>
        {t('review.sincePush')}
      </Button>
      <Button size="sm" disabled={!tag} title={tag ? t('review.sinceTag.hint', { tag }) : t('review.sinceTag.none')} onClick={() => tag && onChange(tag, null)}>
        {t('review.sinceTag')}
      </Button>
      {children}
    </div>
  );
}
