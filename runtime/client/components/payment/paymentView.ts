/**
 * What the Payment component shows for a payment's status (pure): the order and Pay button before
 * and while a payment is open, a failed or cancelled payment with "try again", and — Paid or Skipped —
 * the move on with `confirm`, as Altinn's frontend does (§5.7). Money in Norwegian format, and the
 * built-in texts (nb, nn, en) that apps override with resources of the same id.
 */
import type { OrderDetails, PaymentOrderLine, PaymentStatus } from '../../api/paymentApi';

export type PaymentStep =
  /** Nothing started, or a payment open at the provider: show the order and the Pay button. */
  | 'pay'
  /** The provider said no: show why and let the person try again. */
  | 'failed'
  | 'cancelled'
  /** Paid or free: the process moves on with confirm. */
  | 'done';

/** The step a payment status calls for. */
export function paymentStep(status: PaymentStatus): PaymentStep {
  switch (status) {
    case 'Paid':
    case 'Skipped':
      return 'done';
    case 'Failed':
      return 'failed';
    case 'Cancelled':
      return 'cancelled';
    default:
      return 'pay';
  }
}

/** Whether the component should move the process on now: completed, not yet asked, not while moving. */
export function shouldConfirm(status: PaymentStatus | null, alreadyAsked: boolean): boolean {
  return status !== null && paymentStep(status) === 'done' && !alreadyAsked;
}

/** An amount as Norwegians write it: `1 250,00 kr` (the currency code for anything but NOK). */
export function formatMoney(amount: number, currency = 'NOK', language = 'nb'): string {
  const locale = language === 'en' ? 'en-GB' : 'nb-NO';
  return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: currency === 'NOK' && language !== 'en' ? 'symbol' : 'code', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}

/** A line's total including VAT. */
export function lineTotal(line: PaymentOrderLine): number {
  return Math.round(line.priceExVat * line.quantity * (1 + line.vatPercent / 100) * 100) / 100;
}

/** Whether the order has anything to pay (a 0 NOK order is skipped by the server). */
export function hasAmount(order: OrderDetails | null | undefined): boolean {
  return (order?.totalPriceIncVat ?? 0) > 0;
}

const nb: Record<string, string> = {
  'payment.title': 'Betaling',
  'payment.summary': 'Oppsummering',
  'payment.pay': 'Betal',
  'payment.back': 'Tilbake',
  'payment.try_again': 'Prøv igjen',
  'payment.redirecting': 'Du sendes videre til betaling …',
  'payment.loading': 'Henter betalingen …',
  'payment.alert.failed': 'Betalingen gikk ikke gjennom. Prøv igjen, eller gå tilbake.',
  'payment.alert.cancelled': 'Du avbrøt betalingen. Prøv igjen når du er klar.',
  'payment.alert.paid': 'Betalingen er gjennomført.',
  'payment.alert.processing': 'Betalingen er startet. Fullfør den hos betalingstilbyderen.',
  'payment.not_available': 'Betalingen kan bare vises i en betalingsoppgave i en instans.',
  'payment.component.description': 'Beskrivelse',
  'payment.component.quantity': 'Antall',
  'payment.component.price': 'Pris',
  'payment.component.vat': 'MVA',
  'payment.component.total': 'Totalt',
  'payment.component.total_vat': 'Herav MVA',
  'payment.component.paid_on': 'Betalt',
  'payment.receipt.title': 'Betaling',
};

const nn: Record<string, string> = {
  ...nb,
  'payment.pay': 'Betal',
  'payment.try_again': 'Prøv igjen',
  'payment.redirecting': 'Du vert send vidare til betaling …',
  'payment.loading': 'Hentar betalinga …',
  'payment.alert.failed': 'Betalinga gjekk ikkje gjennom. Prøv igjen, eller gå tilbake.',
  'payment.alert.cancelled': 'Du avbraut betalinga. Prøv igjen når du er klar.',
  'payment.alert.paid': 'Betalinga er gjennomført.',
  'payment.alert.processing': 'Betalinga er starta. Fullfør ho hos betalingstilbydaren.',
  'payment.not_available': 'Betalinga kan berre visast i ei betalingsoppgåve i ein instans.',
  'payment.component.description': 'Skildring',
  'payment.component.quantity': 'Tal',
  'payment.component.total_vat': 'Av dette MVA',
};

const en: Record<string, string> = {
  'payment.title': 'Payment',
  'payment.summary': 'Summary',
  'payment.pay': 'Pay',
  'payment.back': 'Back',
  'payment.try_again': 'Try again',
  'payment.redirecting': 'Taking you to the payment …',
  'payment.loading': 'Fetching the payment …',
  'payment.alert.failed': 'The payment did not go through. Try again, or go back.',
  'payment.alert.cancelled': 'You cancelled the payment. Try again when you are ready.',
  'payment.alert.paid': 'The payment is complete.',
  'payment.alert.processing': 'The payment has started. Complete it with the payment provider.',
  'payment.not_available': 'The payment can only be shown in a payment task of an instance.',
  'payment.component.description': 'Description',
  'payment.component.quantity': 'Quantity',
  'payment.component.price': 'Price',
  'payment.component.vat': 'VAT',
  'payment.component.total': 'Total',
  'payment.component.total_vat': 'Of which VAT',
  'payment.component.paid_on': 'Paid',
  'payment.receipt.title': 'Payment',
};

const byLanguage: Readonly<Record<string, Record<string, string>>> = { nb, nn, en };

/** The built-in payment texts of a language (nb for any other), for `builtInTexts` lookups. */
export function paymentTextsFor(language: string): Readonly<Record<string, string>> {
  return byLanguage[language] ?? nb;
}
