/**
 * The form data the running preview last reported, for evaluating expressions against it. The
 * preview frame posts its state to this window (runtime/client/previewBridge.ts); a message counts
 * only when it comes from a frame on the page and from that frame's own origin.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { isFromPreview, previewStateOf } from '../../preview/previewMessages';

interface PreviewData {
  readonly data: unknown;
  readonly setId: string | null;
  /** The frame that reported it; the data counts only while that frame is still on the page. */
  readonly source: MessageEventSource | null;
}

const store = createStore<PreviewData>(() => ({ data: null, setId: null, source: null }));
let listening = false;

function onMessage(event: MessageEvent): void {
  const state = previewStateOf(event.data);
  if (!state) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (isFromPreview(event, frame.contentWindow, frame.src)) {
      store.setState({ data: state.data, setId: state.setId, source: event.source });
      return;
    }
  }
}

/** The preview's current form data for layout set `setId`, or null when no running preview has reported it. */
export function usePreviewFormData(setId: string | null): { readonly data: unknown } | null {
  useEffect(() => {
    if (listening) return;
    listening = true;
    window.addEventListener('message', onMessage);
  }, []);
  const state = useStore(store);
  if (!state.source || (state.setId !== null && state.setId !== setId)) return null;
  const alive = [...document.querySelectorAll('iframe')].some((f) => f.contentWindow === state.source);
  return alive ? { data: state.data } : null;
}
