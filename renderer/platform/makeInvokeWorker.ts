/** The invoke worker, bundled by Vite as a file of its own (served from 'self', the CSP's worker-src). */
import InvokeWorker from './invoke.worker?worker';

/** Starts an invoke worker. */
export const makeInvokeWorker = (): Worker => new InvokeWorker();
