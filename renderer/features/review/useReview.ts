/**
 * The review the Review area shows: both versions' files read, their models built and compared.
 * Read again when the versions change, and when the working tree's model changes if one side is it.
 */
import { useEffect, useState } from 'react';
import type { AppModel } from '../../../core/app/model/types';
import { reviewVersions, type ReviewDiff } from '../../../core/review';
import { studioApi } from '../../platform';
import { type Version, versionFiles } from './reviewSources';

export type ReviewState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly diff: ReviewDiff; readonly before: AppModel; readonly after: AppModel };

/** The review of `from` against `to` (null: the working tree) in the app at `appPath` of its repository. */
export function useReview(model: AppModel | null, appPath: string | null, from: Version, to: Version): ReviewState {
  const [state, setState] = useState<ReviewState>({ status: 'loading' });
  // Edits move the working tree; they matter only when a side is it (else the model read first fills the unchanged files).
  const [first] = useState(model);
  const base = from === null || to === null ? model : (first ?? model);

  useEffect(() => {
    if (!base || appPath === null) return;
    let live = true;
    setState({ status: 'loading' });
    Promise.all([versionFiles(studioApi, from, base.texts, appPath), versionFiles(studioApi, to, base.texts, appPath)])
      .then(([a, b]) => {
        if (!live) return;
        const result = reviewVersions(a, b);
        setState({ status: 'ready', ...result });
      })
      .catch((error: unknown) => live && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }));
    return () => {
      live = false;
    };
  }, [base, appPath, from, to]);

  return state;
}
