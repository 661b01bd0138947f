/** Sends the studio's large requests (a page file of megabytes) so that the page's main thread does not encode them. */
import type { RequestChannel } from '../../core/api';
import { StudioError } from '../../core/api';
import { postInvoke } from './webInvoke';

/** One request from the page. */
export interface InvokeRequest {
  readonly id: number;
  readonly origin: string;
  readonly token: string | null;
  readonly channel: RequestChannel;
  readonly args: unknown;
}

/** The answer: the host's envelope, or why there is none. */
export type InvokeReply = { readonly id: number; readonly answer: unknown } | { readonly id: number; readonly failure: string };

const scope = self as unknown as { onmessage: ((event: MessageEvent<InvokeRequest>) => void) | null; postMessage(message: InvokeReply): void };
scope.onmessage = (event) => {
  const { id, origin, token, channel, args } = event.data;
  postInvoke({ origin, token, fetch: (input, init) => fetch(input, init) }, channel, args).then(
    (answer) => scope.postMessage({ id, answer }),
    (error: unknown) => scope.postMessage({ id, failure: error instanceof StudioError ? error.message : String(error) }),
  );
};
