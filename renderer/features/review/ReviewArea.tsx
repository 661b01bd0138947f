/**
 * The Review area: two versions of the app compared the way a reviewer reads them. A summary of the
 * changed files grouped by kind; for a page both versions drawn side by side with the changed
 * components marked and the changes by component id; texts as a table; data model, process and
 * options as lists; any file as a text diff.
 */
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { isEmptyReview, type ReviewDiff } from '../../../core/review';
import type { AppModel } from '../../../core/app/model/types';
import { useT } from '../../i18n/useT';
import { studioApi } from '../../platform';
import { useAppDocument } from '../../state/stores';
import { useLayoutEditor } from '../layout/layoutEditorStore';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { reviewRequest, type ReviewRequest } from './reviewRequest';
import { readVersionChoices, type Version, type VersionChoices } from './reviewSources';
import { firstItem, reviewSummary, type SummaryItem } from './reviewSummary';
import { ReviewPageDetail } from './ReviewPageDetail';
import { DataModelView, FileTextDiff, OptionsView, PageOrderView, ProcessView, TextsTable } from './ReviewLists';
import { useReview } from './useReview';
import { VersionBar, versionName } from './VersionBar';

type Choices = { readonly status: 'loading' } | { readonly status: 'failed'; readonly message: string } | { readonly status: 'ready'; readonly choices: VersionChoices };

function useVersionChoices(): [Choices, () => void] {
  const [choices, setChoices] = useState<Choices>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    readVersionChoices(studioApi).then(
      (read) => live && setChoices({ status: 'ready', choices: read }),
      (error: unknown) => live && setChoices({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [round]);
  return [choices, () => setRound((r) => r + 1)];
}

/** The versions shown: the last request, until the person picks others here. */
function useVersions(): [Version, Version, (from: Version, to: Version) => void] {
  const request = useStore(reviewRequest);
  const [local, setLocal] = useState<{ readonly request: ReviewRequest; readonly from: Version; readonly to: Version } | null>(null);
  const mine = local?.request === request ? local : null;
  return [mine ? mine.from : (request.from ?? 'HEAD'), mine ? mine.to : request.to, (from, to) => setLocal({ request, from, to })];
}

export function ReviewArea() {
  const t = useT();
  const model = useAppDocument((s) => s.model);
  const [choices, reloadChoices] = useVersionChoices();
  const [from, to, setVersions] = useVersions();
  const ready = choices.status === 'ready' && choices.choices.commits.length > 0 ? choices.choices : null;
  const review = useReview(model, ready ? ready.appPath : null, from, to);

  if (choices.status === 'failed') return <Alert action={<Button onClick={reloadChoices}>{t('common.retry')}</Button>}>{t('review.readFailed', { message: choices.message })}</Alert>;
  if (choices.status === 'ready' && !ready) {
    return (
      <div className="area-placeholder">
        <EmptyState icon="review" title={t('area.review')}>
          {t('review.noCommits')}
        </EmptyState>
      </div>
    );
  }
  const names = [versionName(from, ready, t('review.workingTree')), versionName(to, ready, t('review.workingTree'))] as const;
  return (
    <div className="rv" data-testid="review-area">
      <VersionBar from={from} to={to} choices={ready} onChange={setVersions} />
      {review.status === 'failed' ? <Alert>{t('review.compareFailed', { message: review.message })}</Alert> : null}
      {review.status === 'loading' || !model ? (
        <p className="rv-note" aria-busy="true">
          {t('review.loading')}
        </p>
      ) : null}
      {review.status === 'ready' ? <ReviewBody diff={review.diff} before={review.before} after={review.after} names={names} key={`${from}\n${to}`} /> : null}
    </div>
  );
}

function ReviewBody({ diff, before, after, names }: { diff: ReviewDiff; before: AppModel; after: AppModel; names: readonly [string, string] }) {
  const t = useT();
  // The language the designer works in on the canvas.
  const editorLanguage = useLayoutEditor((s) => s.language);
  const groups = useMemo(() => reviewSummary(diff, before, after), [diff, before, after]);
  const [chosen, setChosen] = useState<string | null>(null);
  const item = groups.flatMap((g) => g.items).find((i) => i.key === chosen) ?? firstItem(groups);
  const languages = [...new Set([...after.textFiles, ...before.textFiles].map((f) => f.language))];
  const [language, setLanguage] = useState(languages.includes(editorLanguage) ? editorLanguage : (languages[0] ?? editorLanguage));
  if (isEmptyReview(diff)) return <p className="rv-note" data-testid="review-empty">{t('review.noChanges', { from: names[0], to: names[1] })}</p>;
  return (
    <div className="rv-body">
      <nav className="rv-summary" aria-label={t('review.summary')}>
        {groups.map((group) => (
          <section key={group.kind} className="rv-group">
            <h3 className="rv-group-title">{t(`review.group.${group.kind}`)}</h3>
            <ul>
              {group.items.map((i) => (
                <li key={i.key}>
                  <button type="button" className={`list-button rv-item${i.key === item?.key ? ' is-current' : ''}`} aria-current={i.key === item?.key ? 'true' : undefined} onClick={() => setChosen(i.key)}>
                    <span className="rv-item-name" title={i.file?.path}>
                      {i.page ? i.page.page : i.file!.path.slice(i.file!.path.lastIndexOf('/') + 1)}
                    </span>
                    <span className="rv-item-meta">{itemMeta(t, i)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </nav>
      <div className="rv-detail">
        {item?.page && languages.length > 1 ? (
          <label className="rv-version">
            <span className="rv-version-label">{t('review.language')}</span>
            <select className="select select-sm" value={language} onChange={(event) => setLanguage(event.target.value)}>
              {languages.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {item ? <ItemDetail item={item} diff={diff} before={before} after={after} names={names} language={language} /> : null}
      </div>
    </div>
  );
}

function itemMeta(t: ReturnType<typeof useT>, item: SummaryItem): string {
  const parts: string[] = [];
  if (item.file) parts.push(t(`review.change.${item.file.change}`), `+${item.file.linesAdded} −${item.file.linesRemoved}`);
  if (item.components) parts.push(t('review.componentCount', { count: item.components }));
  return parts.join(' · ');
}

interface DetailProps {
  readonly item: SummaryItem;
  readonly diff: ReviewDiff;
  readonly before: AppModel;
  readonly after: AppModel;
  readonly names: readonly [string, string];
  readonly language: string;
}

function ItemDetail({ item, diff, before, after, names, language }: DetailProps) {
  const t = useT();
  const [showText, setShowText] = useState(false);
  const file = item.file;
  const kind = file?.kind;
  const folder = diff.folders.find((f) => f.folderId === item.page?.folderId || (kind === 'settings' && f.pageOrder && after.uiFolders.find((u) => u.id === f.folderId)?.settings?.path === file?.path));
  const semantic = item.page ? (
    <ReviewPageDetail before={before} after={after} at={item.page} components={folder?.components ?? []} language={language} beforeLabel={t('review.side.before', { version: names[0] })} afterLabel={t('review.side.after', { version: names[1] })} />
  ) : kind === 'texts' ? (
    <TextsTable texts={diff.texts.filter((x) => after.textFiles.concat(before.textFiles).some((f) => f.file.path === file!.path && f.language === x.language))} />
  ) : kind === 'dataModel' ? (
    <DataModelView models={diff.dataModels.filter((m) => m.path === file!.path)} />
  ) : kind === 'process' && diff.process ? (
    <ProcessView process={diff.process} />
  ) : kind === 'options' ? (
    <OptionsView lists={diff.options.filter((o) => o.path === file!.path)} />
  ) : kind === 'settings' && folder ? (
    <PageOrderView folder={folder} />
  ) : null;
  const textDiff = file && (showText || !semantic) ? <FileTextDiff path={file.path} before={before.texts.get(file.path) ?? null} after={after.texts.get(file.path) ?? null} /> : null;
  return (
    <div className="rv-item-detail">
      <div className="rv-detail-head">
        <h2 className="rv-detail-title">{item.page ? t('review.page.title', { page: item.page.page, folder: item.page.folderId }) : file?.path}</h2>
        {file && semantic ? (
          <Button size="sm" aria-pressed={showText} onClick={() => setShowText((v) => !v)}>
            {t(showText ? 'review.file.hideText' : 'review.file.showText')}
          </Button>
        ) : null}
      </div>
      {semantic}
      {textDiff}
    </div>
  );
}
