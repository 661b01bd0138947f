/**
 * The payment routes (§5.7, §8.5) as the Payment and PaymentDetails components call them: the payment's
 * status, the order details, and the `pay` user action, whose `redirectUrl` leads to the provider.
 */
import type { PaymentOrderLine } from '../../../core/api/paymentOrderTypes';
import { appLocationOf } from './appApi';
import { previewHeaders, takePreviewToken } from './previewToken';

export type PaymentStatus = 'Uninitialized' | 'Created' | 'Paid' | 'Failed' | 'Cancelled' | 'Skipped';

export type { PaymentOrderLine };

/** Altinn's OrderDetails (with totals). */
export interface OrderDetails {
  readonly paymentProcessorId?: string;
  readonly receiver?: { readonly name?: string; readonly organisationNumber?: string };
  readonly currency: string;
  readonly orderLines: readonly PaymentOrderLine[];
  readonly totalPriceExVat: number;
  readonly totalVat: number;
  readonly totalPriceIncVat: number;
}

/** Altinn's PaymentInformation. */
export interface PaymentInformation {
  readonly taskId: string;
  readonly status: PaymentStatus;
  readonly orderDetails: OrderDetails;
  readonly paymentDetails?: { readonly paymentId: string; readonly redirectUrl?: string; readonly chargedDate?: string; readonly createdDate?: string; readonly paymentMethod?: string };
}

/** The answer of `pay`: where to send the user, or why it was refused. */
export type PayResult = { readonly ok: true; readonly redirectUrl: string | null } | { readonly ok: false; readonly status: number; readonly code: string | null; readonly message: string };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

async function readJson(res: Response): Promise<Record<string, unknown>> {
  const text = await res.text();
  try {
    const value = text ? (JSON.parse(text) as unknown) : {};
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A client of the payment routes under `base` (`/{org}/{app}/`). */
export function createPaymentApi(base: string, fetchFn: Fetch = (i, init) => fetch(i, init), token: string | null = null) {
  const headers = () => ({ Accept: 'application/json', ...previewHeaders(token) });
  const enc = encodeURIComponent;
  async function get<T>(path: string): Promise<T> {
    const res = await fetchFn(`${base}${path}`, { headers: headers() });
    const body = await readJson(res);
    if (!res.ok) throw new Error(typeof body.message === 'string' ? body.message : `GET ${path} failed with ${res.status}`);
    return body as T;
  }
  return {
    /** The payment of the current task, or of `taskId` (the receipt after the process ended). */
    payment: (instanceId: string, language: string, taskId?: string) => get<PaymentInformation>(`instances/${instanceId}/payment?language=${enc(language)}${taskId ? `&taskId=${enc(taskId)}` : ''}`),
    /** What a payment would cost now (PaymentDetails in a data task); `query` carries its mapped values. */
    orderDetails: (instanceId: string, language: string, query: Readonly<Record<string, string>> = {}) =>
      get<OrderDetails>(`instances/${instanceId}/payment/order-details?${new URLSearchParams({ language, ...query }).toString()}`),
    /** The `pay` user action. */
    async pay(instanceId: string, language: string): Promise<PayResult> {
      const res = await fetchFn(`${base}instances/${instanceId}/actions?language=${enc(language)}`, { method: 'POST', headers: { ...headers(), 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'pay' }) });
      const body = await readJson(res);
      if (res.ok) return { ok: true, redirectUrl: typeof body.redirectUrl === 'string' ? body.redirectUrl : null };
      const error = (body.error ?? {}) as { code?: unknown; message?: unknown };
      const message = typeof error.message === 'string' ? error.message : typeof body.message === 'string' ? body.message : `pay failed with ${res.status}`;
      return { ok: false, status: res.status, code: typeof error.code === 'string' ? error.code : null, message };
    },
  };
}

export type PaymentApi = ReturnType<typeof createPaymentApi>;

/** The payment client of this page (the same base, preview token and persona as the form app's own client). */
export function pagePaymentApi(): PaymentApi {
  const location = appLocationOf(window.location.pathname);
  const token = takePreviewToken({
    href: window.location.href,
    sessionStorage: { getItem: (key) => window.sessionStorage.getItem(key), setItem: (key, value) => window.sessionStorage.setItem(key, value) },
    replaceUrl: (url) => window.history.replaceState(null, '', url),
  });
  return createPaymentApi(location?.base ?? './', undefined, token);
}
