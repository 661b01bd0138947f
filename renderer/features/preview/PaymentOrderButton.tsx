import { useState } from 'react';
import type { PaymentOrderInfo } from '../../../core/api';
import { useT } from '../../i18n/useT';
import { studioApi } from '../../platform';
import { Button } from '../../ui/Button';
import { PaymentOrderDialog } from './PaymentOrderDialog';
import { paymentOrderClient } from './paymentOrderClient';

const client = paymentOrderClient(studioApi);

/**
 * The way into the payment order editor, in the Preview toolbar of an app with a payment task. The
 * order is read when the editor opens, so it is always the saved one; a save applies to the next payment.
 */
export function PaymentOrderButton() {
  const t = useT();
  const [info, setInfo] = useState<PaymentOrderInfo | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const open = async () => {
    setLoading(true);
    const loaded = await client.load();
    setLoading(false);
    if (loaded.ok) {
      setFailure(null);
      setInfo(loaded.info);
    } else {
      setFailure(loaded.message);
    }
  };

  return (
    <>
      <Button size="sm" disabled={loading} aria-busy={loading || undefined} title={t('paymentOrder.openTitle')} onClick={() => void open()}>
        {t('paymentOrder.open')}
      </Button>
      {failure ? (
        <span className="badge badge-warning" role="status" title={failure}>
          {t('paymentOrder.loadFailed', { message: failure })}
        </span>
      ) : null}
      {info ? <PaymentOrderDialog info={info} save={client.save} onSaved={() => setInfo(null)} onClose={() => setInfo(null)} /> : null}
    </>
  );
}
