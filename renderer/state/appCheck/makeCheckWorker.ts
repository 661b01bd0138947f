/** The app check's worker, bundled by Vite as a file of its own (served from 'self', the CSP's worker-src). */
import CheckWorker from './appCheck.worker?worker';

/** Starts a check worker. */
export const makeCheckWorker = (): Worker => new CheckWorker();
