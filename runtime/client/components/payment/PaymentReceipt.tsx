/**
 * The payment on the built-in receipt: for each payment task of the ended process, its order and when
 * it was paid (read with `GET …/payment?taskId=`). Nothing shows for a process without payment tasks.
 */
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import type { TextResource } from '../../../../core/expressions';
import type { PaymentApi, PaymentInformation } from '../../api/paymentApi';
import { OrderTable } from './OrderTable';
import { paymentTextsFor } from './paymentView';

/** The tasks of a process whose type is payment. */
export function paymentTaskIds(processTasks: readonly { elementId: string; altinnTaskType?: string | null }[] | undefined): string[] {
  return (processTasks ?? []).filter((task) => task.altinnTaskType === 'payment').map((task) => task.elementId);
}

export function PaymentReceipt(props: { client: PaymentApi; instanceId: string | null; taskIds: readonly string[]; language: string; texts: readonly TextResource[] }) {
  const { client, instanceId, language } = props;
  const tasks = props.taskIds.join(',');
  const [payments, setPayments] = useState<readonly PaymentInformation[]>([]);
  const t = (key: string) => props.texts.find((r) => r.id === key)?.value ?? paymentTextsFor(language)[key] ?? key;

  useEffect(() => {
    if (!instanceId || tasks === '') return;
    let live = true;
    void Promise.all(tasks.split(',').map((taskId) => client.payment(instanceId, language, taskId).catch(() => null))).then(
      (found) => live && setPayments(found.filter((p): p is PaymentInformation => p !== null && p.status !== 'Uninitialized')),
    );
    return () => {
      live = false;
    };
  }, [client, instanceId, language, tasks]);

  if (payments.length === 0) return null;
  return (
    <section className="rt-process" data-testid="payment-receipt">
      <Heading level={3} data-size="xs">
        {t('payment.receipt.title')}
      </Heading>
      {payments.map((payment) => (
        <div key={payment.taskId}>
          <OrderTable order={payment.orderDetails} language={language} t={t} />
          {payment.paymentDetails?.chargedDate && (
            <Paragraph>
              {t('payment.component.paid_on')}: {new Date(payment.paymentDetails.chargedDate).toLocaleString(language === 'en' ? 'en-GB' : 'nb-NO')}
            </Paragraph>
          )}
        </div>
      ))}
    </section>
  );
}
