/**
 * The browser host's requests with large texts go through a worker: handing a 5 MB string to a
 * worker takes the page about 5 ms, sending it with fetch from the page 50–150 ms (typing would
 * stall). Each answer finds its request by id; a worker that cannot start or fails makes every
 * later request go from the page again.
 */
import { StudioError, type RequestChannel } from '../../core/api';
import type { InvokeReply, InvokeRequest } from './invoke.worker';

export function createOffThreadInvoke(
  origin: string,
  token: string | null,
  makeWorker: () => Worker,
): (channel: RequestChannel, args: unknown) => Promise<unknown> | null {
  let worker: Worker | null | undefined;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (answer: unknown) => void; reject: (error: Error) => void }>();

  const failAll = (message: string) => {
    for (const { reject } of waiting.values()) reject(new StudioError('io', message));
    waiting.clear();
  };
  const start = (): Worker | null => {
    try {
      const made = makeWorker();
      made.onmessage = (event: MessageEvent<InvokeReply>) => {
        const reply = event.data;
        const pending = waiting.get(reply.id);
        if (!pending) return;
        waiting.delete(reply.id);
        if ('answer' in reply) pending.resolve(reply.answer);
        else pending.reject(new StudioError('io', reply.failure));
      };
      made.onerror = (event) => {
        event.preventDefault();
        made.terminate();
        worker = null;
        failAll('The studio could not send a large change to its host (its sending worker stopped). Try again.');
      };
      return made;
    } catch {
      return null;
    }
  };

  return (channel, args) => {
    if (worker === undefined) worker = start();
    if (!worker) return null;
    const id = nextId++;
    const request: InvokeRequest = { id, origin, token, channel, args };
    const answer = new Promise<unknown>((resolve, reject) => waiting.set(id, { resolve, reject }));
    try {
      worker.postMessage(request);
    } catch {
      // Arguments a worker cannot take (none of the studio's are like that) go from the page.
      waiting.delete(id);
      return null;
    }
    return answer;
  };
}
