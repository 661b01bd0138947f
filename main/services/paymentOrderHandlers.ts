/**
 * The `payment:getOrder` and `payment:saveOrder` channels: the open app's preview payment order, kept per app in the studio's
 * config folder and read by the preview on every payment (no restart needed after a save).
 */
import type { StudioHandlers } from '../../core/api';
import { StudioError } from '../../core/api';
import { defaultPreviewOrder } from '../../core/payment/previewOrder';
import { type OrderApp, PaymentOrderFileError, readPaymentOrderStore, writePaymentOrderStore } from './paymentOrderStore';

type PaymentOrderChannels = 'payment:getOrder' | 'payment:saveOrder';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The handlers of the payment order channels, on the files in `configDir`, for the app `openApp` names (throws when none is open). */
export function paymentOrderHandlers(configDir: string, openApp: () => Promise<OrderApp>): Pick<StudioHandlers, PaymentOrderChannels> {
  return {
    'payment:getOrder': async () => {
      const app = await openApp();
      const id = `${app.org}/${app.appName}`;
      try {
        const order = await readPaymentOrderStore(configDir, app);
        return { app: id, order: order ?? defaultPreviewOrder, saved: order !== null, problem: null };
      } catch (error) {
        // The damaged file stays as it is; payments use the default order, and the editor says why.
        if (error instanceof PaymentOrderFileError) return { app: id, order: defaultPreviewOrder, saved: false, problem: error.message };
        throw new StudioError('io', `The payment order of ${id} could not be read: ${messageOf(error)}`);
      }
    },
    'payment:saveOrder': async ({ order }) => {
      const app = await openApp();
      try {
        await writePaymentOrderStore(configDir, app, order);
      } catch (error) {
        if (error instanceof PaymentOrderFileError) {
          throw new StudioError('invalid-argument', `The payment order was not saved:\n${error.problems.map((p) => `- ${p}`).join('\n')}\nCorrect these and save again.`);
        }
        throw new StudioError('io', `The payment order could not be saved: ${messageOf(error)}. Your lines are still in the editor; try again.`);
      }
      return null;
    },
  };
}
