/** The app check off the page's main thread: a page of megabytes is checked while typing goes on. */
import { CheckMirror, type CheckRequest } from './checkMirror';

const mirror = new CheckMirror();
const scope = self as unknown as { onmessage: ((event: MessageEvent<CheckRequest>) => void) | null; postMessage(message: unknown): void };
scope.onmessage = (event) => scope.postMessage(mirror.check(event.data));
