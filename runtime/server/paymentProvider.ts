/**
 * The preview's test payment provider: the page `pay` redirects to, in place of Nets Easy. Plain HTML
 * and CSS from the runtime, nothing external. It shows the order and three buttons — Pay, Fail, Cancel —
 * that set the payment's status (what the provider would report to the app) and send the user back
 * to the instance, where the form app reads the status again (§5.7).
 */
import { HttpError, type RouteContext, type RouteResult } from './http';
import { paymentTaskOf, readPayment, routeInstance, storePayment, type PaymentInformation, type PaymentStatus } from './paymentModel';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const nok = (value: number) => `${value.toLocaleString('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} NOK`;

const style = `
body { font-family: system-ui, sans-serif; margin: 0; background: #f4f5f6; color: #1e2b3c; }
main { max-width: 40rem; margin: 2rem auto; background: #fff; border-radius: 8px; padding: 1.5rem 2rem; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
h1 { font-size: 1.4rem; margin-top: 0; }
.notice { background: #fff4d6; border-left: 4px solid #e6a700; padding: .75rem 1rem; margin: 1rem 0; }
.problem { background: #fde7e7; border-left: 4px solid #c22; padding: .75rem 1rem; margin: 1rem 0; }
table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #d9dde3; }
td.num, th.num { text-align: right; }
tfoot td { font-weight: 600; border-bottom: none; }
.buttons { display: flex; gap: .75rem; flex-wrap: wrap; margin-top: 1.5rem; }
button { font: inherit; padding: .6rem 1.2rem; border-radius: 4px; border: 2px solid #0062ba; background: #fff; color: #0062ba; cursor: pointer; }
button.pay { background: #0062ba; color: #fff; }
button:focus-visible { outline: 3px solid #1e2b3c; outline-offset: 2px; }
a { color: #0062ba; }`;

/** The page is shown where the form app is: framed by the studio's preview (the form app's own frame-ancestors). */
function page(title: string, body: string, status = 200): RouteResult {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><style>${style}</style></head><body><main>${body}</main></body></html>`;
  return {
    status,
    body: new TextEncoder().encode(html),
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors http://127.0.0.1:* http://localhost:* app://studio; base-uri 'none'" },
  };
}

/** Where the provider sends the user back: the instance in the form app (as Altinn's return URL). */
export function returnUrl(ctx: RouteContext, instanceId: string): string {
  return `/${ctx.org}/${ctx.appName}/#/instance/${instanceId}`;
}

/** The HTML of the provider page for a payment (exported for tests of the wording). */
export function providerPageHtmlBody(ctx: RouteContext, instanceId: string, info: PaymentInformation): string {
  const order = info.orderDetails;
  const rows = order.orderLines
    .map((l) => `<tr><td>${escape(l.name)}</td><td class="num">${l.quantity} ${escape(l.unit)}</td><td class="num">${nok(l.priceExVat)}</td><td class="num">${l.vatPercent} %</td><td class="num">${nok(l.priceExVat * l.quantity * (1 + l.vatPercent / 100))}</td></tr>`)
    .join('');
  const open = info.status === 'Created';
  return `<h1>Test payment provider</h1>
<p>Paying to ${escape(order.receiver.name ?? ctx.org)} for ${escape(ctx.org)}/${escape(ctx.appName)}, instance ${escape(instanceId)}.</p>
<div class="notice" role="note"><strong>This is the Studio preview's test payment provider</strong>, standing in for ${escape('Nets Easy')}: no money is moved.
The order lines below stand in for the app's C# order calculator (<code>IOrderDetailsCalculator</code>), which the preview cannot run;
they are the preview's order lines for this app, which you can change in the studio.</div>
${info.previewProblem ? `<div class="problem" role="alert">${escape(info.previewProblem)}</div>` : ''}
<table><thead><tr><th>Order line</th><th class="num">Quantity</th><th class="num">Price ex. VAT</th><th class="num">VAT</th><th class="num">Total</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><td colspan="4">Total ex. VAT</td><td class="num">${nok(order.totalPriceExVat)}</td></tr><tr><td colspan="4">VAT</td><td class="num">${nok(order.totalVat)}</td></tr><tr><td colspan="4">Total to pay</td><td class="num">${nok(order.totalPriceIncVat)}</td></tr></tfoot></table>
${
  open
    ? `<form method="post"><div class="buttons">
<button class="pay" name="outcome" value="Paid" type="submit">Pay ${nok(order.totalPriceIncVat)}</button>
<button name="outcome" value="Failed" type="submit">Fail the payment</button>
<button name="outcome" value="Cancelled" type="submit">Cancel</button>
</div></form>`
    : `<p role="status">This payment is ${escape(info.status.toLowerCase())}; it can no longer be changed here.</p><p><a href="${escape(returnUrl(ctx, instanceId))}">Back to the form</a></p>`
}`;
}

/** The payment `:paymentId` of the instance's current payment task, 404 when it is not that task's payment. */
async function paymentOfRoute(ctx: RouteContext) {
  const instance = await routeInstance(ctx);
  const payment = paymentTaskOf(ctx, instance);
  const stored = payment ? await readPayment(ctx, instance, payment) : null;
  if (!payment || !stored || stored.info.paymentDetails?.paymentId !== ctx.params.paymentId) {
    throw new HttpError(404, `The instance ${instance.id} has no open payment ${ctx.params.paymentId ?? ''}; start a new one with the Pay button in the form`);
  }
  return { instance, payment, stored };
}

/** GET: the provider page. */
export async function showProviderPage(ctx: RouteContext): Promise<RouteResult> {
  try {
    const { instance, stored } = await paymentOfRoute(ctx);
    return page('Test payment provider', providerPageHtmlBody(ctx, instance.id, stored.info));
  } catch (caught) {
    if (!(caught instanceof HttpError)) throw caught;
    return page('Payment not found', `<h1>Payment not found</h1><p>${escape(caught.message)}</p>`, caught.status);
  }
}

const outcomes: readonly PaymentStatus[] = ['Paid', 'Failed', 'Cancelled'];

/** POST (the page's buttons): sets the status of the open payment and sends the user back to the instance. */
export async function answerProviderPage(ctx: RouteContext): Promise<RouteResult> {
  const form = new URLSearchParams((await ctx.rawBody()).toString('utf8'));
  const outcome = form.get('outcome') as PaymentStatus | null;
  if (!outcome || !outcomes.includes(outcome)) return page('Unknown choice', `<h1>Unknown choice</h1><p>Choose Pay, Fail or Cancel on the payment page.</p>`, 400);
  let found;
  try {
    found = await paymentOfRoute(ctx);
  } catch (caught) {
    if (!(caught instanceof HttpError)) throw caught;
    return page('Payment not found', `<h1>Payment not found</h1><p>${escape(caught.message)}</p>`, caught.status);
  }
  const { instance, payment, stored } = found;
  if (stored.info.status !== 'Created') {
    return page('Payment closed', providerPageHtmlBody(ctx, instance.id, stored.info), 409);
  }
  const now = new Date().toISOString();
  const user = ctx.user;
  const [firstName, ...rest] = (user?.name ?? '').split(' ');
  const payer = user?.organisationNumber && user.userId === undefined ? { company: { organisationNumber: user.organisationNumber, name: user.name } } : user ? { privatePerson: { firstName: firstName ?? '', lastName: rest.join(' ') } } : undefined;
  const details = stored.info.paymentDetails!;
  const info: PaymentInformation = {
    ...stored.info,
    status: outcome,
    paymentDetails: outcome === 'Paid' ? { ...details, chargedDate: now, paymentType: 'CARD', paymentMethod: 'Visa', cardDetails: { maskedPan: '492500******0004', expiryDate: '12/30' }, ...(payer ? { payer } : {}) } : details,
  };
  await storePayment(ctx, instance, payment, info, stored.element);
  return { status: 303, headers: { Location: returnUrl(ctx, instance.id) } };
}
