/**
 * Which two versions the Review area compares: set from anywhere (a commit in the History area,
 * "what changed since the last push"), read by the Review area. A version is a commit id, branch or
 * tag; `to` null is the working tree.
 */
import { createStore } from 'zustand/vanilla';
import { uiStore } from '../../state/stores';

export interface ReviewRequest {
  readonly from: string | null;
  readonly to: string | null;
}

/** The comparison asked for last. */
export const reviewRequest = createStore<ReviewRequest>(() => ({ from: null, to: null }));

/** Shows the Review area comparing version `from` with `to` (null: the working tree). */
export function openReview(from: string, to: string | null): void {
  reviewRequest.setState({ from, to });
  uiStore.getState().setArea('review');
}
