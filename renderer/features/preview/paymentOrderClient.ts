/** The open app's preview payment order through the studio API, as the payment order editor uses it. */
import type { PaymentOrderData, PaymentOrderInfo, StudioApi } from '../../../core/api';
import { errorData } from '../../state/workspaceStore';
import type { SaveResult } from './testPeopleStore';

export interface PaymentOrderClient {
  /** The saved order (or the default one, and why a saved file cannot be used); a message when it cannot be read at all. */
  load(): Promise<{ readonly ok: true; readonly info: PaymentOrderInfo } | { readonly ok: false; readonly message: string }>;
  /** Saves the order; a refusal says what is wrong, line by line. */
  save(order: PaymentOrderData): Promise<SaveResult>;
}

/** The payment order client on `api`. */
export function paymentOrderClient(api: StudioApi): PaymentOrderClient {
  return {
    load: async () => {
      try {
        return { ok: true, info: await api.invoke('payment:getOrder') };
      } catch (error) {
        return { ok: false, message: errorData(error).message };
      }
    },
    save: async (order) => {
      try {
        await api.invoke('payment:saveOrder', { order });
        return { ok: true };
      } catch (error) {
        return { ok: false, message: errorData(error).message };
      }
    },
  };
}
