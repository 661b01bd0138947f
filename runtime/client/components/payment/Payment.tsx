/**
 * Payment (§2.6, §5.7): in a payment task, the order and a Pay button. Pay runs the `pay` user action
 * and follows its `redirectUrl` to the payment provider; back from there the status is read again:
 * Failed or Cancelled show why and let the person try again, Paid (or a free order, Skipped) moves
 * the process on with `confirm`. `renderAsSummary` shows the order and its status only.
 */
import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { pagePaymentApi, type PaymentInformation } from '../../api/paymentApi';
import { useProcessAction } from '../../process/processActions';
import { useFormState } from '../../state/FormContext';
import type { ComponentProps } from '../registry';
import { useNode } from '../useNode';
import { OrderTable } from './OrderTable';
import { paymentStep, shouldConfirm } from './paymentView';
import { paymentText } from './paymentTexts';

export function Payment({ node }: ComponentProps) {
  const api = useNode(node);
  const env = api.derived.env;
  const t = (key: string) => paymentText(env, key);
  const language = env.language ?? 'nb';
  const summary = node.config.renderAsSummary === true;
  const instanceId = useFormState((s) => s.defs?.instance?.id ?? null);
  const moveOn = useProcessAction();
  const [client] = useState(() => (instanceId ? pagePaymentApi() : null));
  const [info, setInfo] = useState<PaymentInformation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [redirecting, setRedirecting] = useState(false);
  const confirmed = useRef(false);

  const load = useCallback(async () => {
    if (!client || !instanceId) return;
    try {
      setInfo(await client.payment(instanceId, language));
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, [client, instanceId, language]);

  useEffect(() => {
    void load();
  }, [load]);

  // Paid (or nothing to pay): the frontend moves the process on with confirm, once.
  useEffect(() => {
    if (summary || !moveOn || !shouldConfirm(info?.status ?? null, confirmed.current)) return;
    confirmed.current = true;
    void moveOn('confirm');
  }, [info, moveOn, summary]);

  const pay = async () => {
    if (!client || !instanceId) return;
    setBusy(true);
    setError(null);
    try {
      const result = await client.pay(instanceId, language);
      if (result.ok && result.redirectUrl) {
        setRedirecting(true);
        window.location.assign(result.redirectUrl);
        return;
      }
      // No provider to visit (a free order), or paid already: the status says what comes next.
      if (!result.ok && result.code !== 'PaymentAlreadyCompleted') setError(result.message);
      await load();
    } finally {
      setBusy(false);
    }
  };

  if (api.hidden) return null;
  const title = api.text('title') ?? t('payment.summary');
  const description = api.text('description');
  const step = info ? paymentStep(info.status) : null;
  return (
    <section data-componentid={node.id} className="rt-payment" data-testid="payment" aria-busy={busy || redirecting}>
      <Heading level={2} data-size="sm">
        {title}
      </Heading>
      {description && <Paragraph>{description}</Paragraph>}
      {!instanceId ? (
        <Paragraph>{t('payment.not_available')}</Paragraph>
      ) : !info ? (
        error ? <Alert data-color="danger">{error}</Alert> : <Spinner aria-label={t('payment.loading')} data-size="sm" />
      ) : (
        <>
          <OrderTable order={info.orderDetails} language={language} t={t} />
          {step === 'failed' && <Alert data-color="danger">{t('payment.alert.failed')}</Alert>}
          {step === 'cancelled' && <Alert data-color="warning">{t('payment.alert.cancelled')}</Alert>}
          {step === 'done' && <Alert data-color="success">{t('payment.alert.paid')}</Alert>}
          {step === 'pay' && info.status === 'Created' && !summary && <Alert data-color="info">{t('payment.alert.processing')}</Alert>}
          {error && (
            <Alert data-color="danger" role="alert">
              {error}
            </Alert>
          )}
          {!summary && step !== 'done' && (
            <div className="rt-payment-buttons">
              <Button onClick={() => void pay()} disabled={busy || redirecting} aria-busy={busy || redirecting}>
                {redirecting ? t('payment.redirecting') : step === 'failed' || step === 'cancelled' ? t('payment.try_again') : t('payment.pay')}
              </Button>
              {moveOn && (
                <Button variant="secondary" onClick={() => void moveOn('reject')} disabled={busy || redirecting}>
                  {t('payment.back')}
                </Button>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
