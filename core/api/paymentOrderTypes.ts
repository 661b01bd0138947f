/**
 * The preview's payment order as it crosses the API (`payment:getOrder`, `payment:saveOrder`): the
 * order lines and receiver that stand in for the app's C# IOrderDetailsCalculator. The runtime's
 * order (runtime/server/paymentOrderLines.ts) uses these types, so the two cannot drift apart.
 */
import { type Check, list, num, obj, optional, str } from './check';

/** One order line as Altinn's `PaymentOrderLine`: price per unit without VAT, VAT in percent. */
export interface PaymentOrderLine {
  readonly id: string;
  readonly name: string;
  readonly textResourceKey?: string;
  readonly priceExVat: number;
  readonly quantity: number;
  readonly vatPercent: number;
  readonly unit: string;
}

/** Who receives the money (Altinn's `PaymentReceiver`, the subset the preview fills). */
export interface PaymentReceiver {
  readonly organisationNumber?: string;
  readonly name?: string;
  readonly bankAccountNumber?: string;
  readonly email?: string;
}

/** The order lines and, optionally, the receiver (absent: the app owner receives). */
export interface PaymentOrderData {
  readonly orderLines: readonly PaymentOrderLine[];
  readonly receiver?: PaymentReceiver;
}

/** What `payment:getOrder` answers for the open app. */
export interface PaymentOrderInfo {
  /** The app the order is kept for, `org/app` as the preview names it. */
  readonly app: string;
  /** The saved order; the default one (a fee of 1000 NOK) when none is saved or the file is damaged. */
  readonly order: PaymentOrderData;
  /** False while the default order stands in. */
  readonly saved: boolean;
  /** Why the saved file could not be used (then `order` is the default one and saving replaces the file). */
  readonly problem: string | null;
}

const short = optional(str({ maxLength: 500 }));

/**
 * The shape of an order sent to `payment:saveOrder`. Whether its values make sense (a name, a price
 * of 0 or more, a whole quantity) is the store's to say, per line and field.
 */
export const paymentOrderCheck: Check<PaymentOrderData> = obj<PaymentOrderData>({
  orderLines: list(
    obj<PaymentOrderLine>({
      id: str({ maxLength: 200 }),
      name: str({ maxLength: 500 }),
      textResourceKey: short,
      priceExVat: num(-Number.MAX_VALUE, Number.MAX_VALUE),
      quantity: num(-Number.MAX_VALUE, Number.MAX_VALUE),
      vatPercent: num(-Number.MAX_VALUE, Number.MAX_VALUE),
      unit: str({ maxLength: 100 }),
    }),
    1000,
  ),
  receiver: optional(obj<PaymentReceiver>({ organisationNumber: short, name: short, bankAccountNumber: short, email: short })),
});
