import '../../styles/paymentOrder.css';
import { useRef, useState } from 'react';
import type { PaymentOrderData, PaymentOrderInfo } from '../../../core/api';
import type { TextKey } from '../../i18n/texts';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/stores';
import { Alert } from '../../ui/Alert';
import { Button, IconButton } from '../../ui/Button';
import { FormDialog } from '../../ui/FormDialog';
import { TextField } from '../../ui/TextField';
import {
  addLine,
  draftOfOrder,
  draftTotals,
  type OrderDraft,
  type OrderDraftProblem,
  type OrderLineField,
  orderDraftProblems,
  receiverFields,
  removeLine,
  savableOrder,
  updateLine,
  updateReceiver,
} from './paymentOrderDraft';
import type { SaveResult } from './testPeopleStore';

export interface PaymentOrderDialogProps {
  readonly info: PaymentOrderInfo;
  readonly save: (order: PaymentOrderData) => Promise<SaveResult>;
  readonly onSaved: () => void;
  readonly onClose: () => void;
}

/** The id of a field of line `key` (or of the receiver), so a problem in the summary can lead to it. */
const fieldId = (key: string | null, field: string) => `payment-order-${key ?? 'receiver'}-${field}`;

/** The cells of a line, in order; amounts are right-aligned and narrow. */
const columns: readonly { readonly field: OrderLineField; readonly numeric?: boolean }[] = [
  { field: 'name' },
  { field: 'textResourceKey' },
  { field: 'priceExVat', numeric: true },
  { field: 'quantity', numeric: true },
  { field: 'vatPercent', numeric: true },
  { field: 'unit' },
];

/** The payment order editor: the lines the preview's payments use, with totals as Altinn computes them, and an optional receiver. */
export function PaymentOrderDialog({ info, save, onSaved, onClose }: PaymentOrderDialogProps) {
  const t = useT();
  const language = useUi((s) => s.language);
  const [draft, setDraft] = useState<OrderDraft>(() => draftOfOrder(info.order));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const problems = orderDraftProblems(draft);
  const shown = (p: OrderDraftProblem) => submitted || touched.has(fieldId(p.key, p.field));
  const visible = problems.filter(shown);
  const error = (key: string | null, field: string) => {
    const found = visible.find((p) => p.key === key && p.field === field);
    return found ? t(found.message) : null;
  };
  const totals = draftTotals(draft);
  const money = new Intl.NumberFormat(language === 'nb' ? 'nb-NO' : 'en-GB', { style: 'currency', currency: 'NOK' });
  const lineNumber = (key: string | null) => draft.lines.findIndex((l) => l.key === key) + 1;

  const touch = (id: string) => setTouched((prev) => new Set([...prev, id]));
  const add = () => {
    const made = addLine(draft);
    setDraft(made.draft);
    requestAnimationFrame(() => document.getElementById(fieldId(made.key, 'name'))?.focus());
  };
  const where = (p: OrderDraftProblem) => {
    if (p.key === null) return t('paymentOrder.receiverWhere');
    const line = draft.lines.find((l) => l.key === p.key);
    return line?.name.trim() ? t('paymentOrder.lineNamed', { n: lineNumber(p.key), name: line.name.trim() }) : t('paymentOrder.line', { n: lineNumber(p.key) });
  };

  const submit = async () => {
    setSubmitted(true);
    setRefusal(null);
    const order = savableOrder(draft);
    if (!order) {
      requestAnimationFrame(() => summaryRef.current?.querySelector('button')?.focus());
      return;
    }
    setBusy(true);
    const result = await save(order);
    setBusy(false);
    // A refusal keeps the lines as typed; the message says what the store found.
    if (result.ok) onSaved();
    else setRefusal(result.message);
  };

  return (
    <FormDialog
      title={t('paymentOrder.dialog.title')}
      submitLabel={t('paymentOrder.dialog.save')}
      canSubmit
      busy={busy}
      onSubmit={() => void submit()}
      onClose={onClose}
      width="lg"
    >
      <div className="payment-order-editor">
        <p className="small muted">
          {t('paymentOrder.dialog.intro', { app: info.app })}
          {!info.saved && !info.problem ? ` ${t('paymentOrder.dialog.default')}` : null}
        </p>
        {info.problem ? (
          <Alert tone="warning">
            <p>{t('paymentOrder.damaged')}</p>
            <pre className="people-message">{info.problem}</pre>
          </Alert>
        ) : null}
        {refusal ? (
          <Alert>
            <p>{t('paymentOrder.saveRefused')}</p>
            <pre className="people-message">{refusal}</pre>
          </Alert>
        ) : null}
        {submitted && visible.length > 0 ? (
          <div className="alert alert-error people-summary" role="alert" ref={summaryRef}>
            <p>{t('paymentOrder.problems.summary', { count: visible.length })}</p>
            <ul>
              {visible.map((p) => (
                <li key={`${p.key ?? 'receiver'}.${p.field}`}>
                  <button type="button" className="people-summary-link" onClick={() => document.getElementById(fieldId(p.key, p.field))?.focus()}>
                    {t('paymentOrder.problems.item', { where: where(p), field: t(`paymentOrder.field.${p.field}` as TextKey), message: t(p.message) })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <table className="payment-order-lines" aria-label={t('paymentOrder.lines')}>
          <thead>
            <tr>
              {columns.map(({ field, numeric }) => (
                <th key={field} scope="col" className={numeric ? 'payment-order-num' : undefined}>
                  {t(`paymentOrder.field.${field}`)}
                </th>
              ))}
              <th scope="col" className="payment-order-num">
                {t('paymentOrder.field.lineTotal')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('paymentOrder.removeColumn')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.lines.length === 0 ? (
              <tr>
                <td colSpan={columns.length + 2} className="muted">
                  {t('paymentOrder.empty')}
                </td>
              </tr>
            ) : null}
            {draft.lines.map((line, i) => {
              const lineTotal = totals.lines[line.key];
              return (
                <tr key={line.key}>
                  {columns.map(({ field, numeric }) => {
                    const id = fieldId(line.key, field);
                    const message = error(line.key, field);
                    return (
                      <td key={field} className={[`payment-order-cell-${field}`, message ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
                        <input
                          id={id}
                          className={numeric ? 'input payment-order-num' : 'input'}
                          value={line[field]}
                          inputMode={numeric ? 'decimal' : undefined}
                          placeholder={field === 'textResourceKey' ? t('paymentOrder.optional') : undefined}
                          title={field === 'textResourceKey' ? t('paymentOrder.hint.textResourceKey') : undefined}
                          aria-label={t('paymentOrder.fieldOfLine', { field: t(`paymentOrder.field.${field}`), n: i + 1 })}
                          aria-invalid={message ? true : undefined}
                          aria-describedby={message ? `${id}-error` : undefined}
                          spellCheck={false}
                          autoComplete="off"
                          onChange={(event) => setDraft((d) => updateLine(d, line.key, { [field]: event.target.value }))}
                          onBlur={() => touch(id)}
                        />
                        {message ? (
                          <p className="field-error" id={`${id}-error`}>
                            {message}
                          </p>
                        ) : null}
                      </td>
                    );
                  })}
                  <td className="payment-order-num payment-order-total" data-testid="payment-order-line-total">
                    {lineTotal === null || lineTotal === undefined ? '—' : money.format(lineTotal)}
                  </td>
                  <td>
                    <IconButton icon="close" label={t('paymentOrder.remove', { n: i + 1 })} onClick={() => setDraft((d) => removeLine(d, line.key))} />
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={columns.length}>
                {t('paymentOrder.total.exVat')}
              </th>
              <td className="payment-order-num">{money.format(totals.totalPriceExVat)}</td>
              <td />
            </tr>
            <tr>
              <th scope="row" colSpan={columns.length}>
                {t('paymentOrder.total.vat')}
              </th>
              <td className="payment-order-num">{money.format(totals.totalVat)}</td>
              <td />
            </tr>
            <tr className="payment-order-grand">
              <th scope="row" colSpan={columns.length}>
                {t('paymentOrder.total.incVat')}
              </th>
              <td className="payment-order-num" data-testid="payment-order-total">
                {money.format(totals.totalPriceIncVat)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
        <div>
          <Button size="sm" icon="plus" onClick={add}>
            {t('paymentOrder.add')}
          </Button>
        </div>

        <fieldset className="payment-order-receiver">
          <legend>{t('paymentOrder.receiver')}</legend>
          <p className="small muted">{t('paymentOrder.receiver.hint')}</p>
          <div className="payment-order-receiver-fields">
            {receiverFields.map((field) => (
              <TextField
                key={field}
                id={fieldId(null, field)}
                label={t(`paymentOrder.field.${field}`)}
                value={draft.receiver[field]}
                error={error(null, field)}
                onChange={(value) => setDraft((d) => updateReceiver(d, field, value))}
                onBlur={() => touch(fieldId(null, field))}
              />
            ))}
          </div>
        </fieldset>
      </div>
    </FormDialog>
  );
}
