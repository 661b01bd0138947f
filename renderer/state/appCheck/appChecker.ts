/**
 * Runs the app check for the document store: in a worker (the page stays responsive while a large
 * app is checked), one check at a time, always of the newest model; where no worker can be made
 * (no worker given, as in unit tests, or a refused one), the same check runs in the page in a later task.
 */
import type { AppModel } from '../../../core/app/model/types';
import type { PlacedDiagnostic } from '../../../core/refs/placedCheck';
import { CheckMirror, type CheckReply, type CheckRequest, requestFor } from './checkMirror';

/** The findings of the check of one model. */
export interface AppCheckResult {
  readonly model: AppModel;
  readonly diagnostics: readonly PlacedDiagnostic[];
}

export interface AppChecker {
  /** Asks for the check of `model`; a newer call before it starts replaces it. */
  check(model: AppModel): void;
  /** Resolves when no check is running or waiting. */
  idle(): Promise<void>;
  /** Stops the worker; a later `check` starts a new one. */
  dispose(): void;
}

/** Where checks run: a worker, or the page. */
interface CheckChannel {
  post(request: CheckRequest): void;
  stop(): void;
}

function inPage(reply: (r: CheckReply) => void): CheckChannel {
  const mirror = new CheckMirror();
  return { post: (request) => void setTimeout(() => reply(mirror.check(request)), 0), stop: () => undefined };
}

function inWorker(makeWorker: () => Worker, reply: (r: CheckReply) => void, failed: () => void): CheckChannel | null {
  try {
    const worker = makeWorker();
    worker.onmessage = (event: MessageEvent<CheckReply>) => reply(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      failed();
    };
    return { post: (request) => worker.postMessage(request), stop: () => worker.terminate() };
  } catch {
    return null;
  }
}

/** Creates a checker that hands each result to `onResult`. */
export function createAppChecker(onResult: (result: AppCheckResult) => void, makeWorker?: () => Worker): AppChecker {
  let channel: CheckChannel | null = null;
  let sent = new Map<string, string>();
  let seq = 0;
  let running: { seq: number; model: AppModel } | null = null;
  let waiting: AppModel | null = null;
  let waiters: (() => void)[] = [];

  const start = (model: AppModel) => {
    channel ??= open();
    running = { seq: ++seq, model };
    channel.post(requestFor(running.seq, model, sent));
  };
  const reply = (r: CheckReply) => {
    if (!running || r.seq !== running.seq) return;
    const { model } = running;
    running = null;
    if (r.error) console.error(`The app check failed: ${r.error}`);
    onResult({ model, diagnostics: r.diagnostics });
    const next = waiting;
    waiting = null;
    if (next) start(next);
    else {
      for (const resolve of waiters) resolve();
      waiters = [];
    }
  };
  const open = (): CheckChannel => {
    const worker = makeWorker ? inWorker(makeWorker, reply, () => {
      // The worker died (a defect or no memory): the page checks from now on, from scratch.
      channel?.stop();
      channel = inPage(reply);
      sent = new Map();
      const again = waiting ?? running?.model ?? null;
      running = null;
      waiting = null;
      if (again) start(again);
    }) : null;
    return worker ?? inPage(reply);
  };

  return {
    check: (model) => {
      if (running) waiting = model;
      else start(model);
    },
    idle: () => (running || waiting ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve()),
    dispose: () => {
      channel?.stop();
      channel = null;
      sent = new Map();
      running = null;
      waiting = null;
      for (const resolve of waiters) resolve();
      waiters = [];
    },
  };
}
