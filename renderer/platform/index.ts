// The only module that touches `window` for the studio API; everything else imports `studioApi` from here.
import type { StudioBridge } from '../../core/api';
import { makeInvokeWorker } from './makeInvokeWorker';
import { createStudioApi, type PlatformApi, type WebWindow } from './studioApi';

export type { PlatformApi } from './studioApi';

/** The studio API of this window, over whichever transport the host provides. */
export const studioApi: PlatformApi = createStudioApi(window as unknown as WebWindow & { studio?: StudioBridge }, makeInvokeWorker);
