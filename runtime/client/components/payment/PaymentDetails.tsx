/**
 * PaymentDetails (§2.6): what the payment will cost, in a data task before the payment task. Reads
 * `GET …/payment/order-details`, again when a value it maps (`mapping`: data path → query name) changes.
 */
import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useState } from 'react';
import { readDataPath } from '../../../../core/expressions';
import type { OrderDetails } from '../../api/paymentApi';
import { pagePaymentApi } from '../../api/paymentApi';
import { useFormState } from '../../state/FormContext';
import type { ComponentProps } from '../registry';
import { useNode } from '../useNode';
import { OrderTable } from './OrderTable';
import { paymentText } from './paymentTexts';

/** The query a PaymentDetails sends: each mapped data path's value under its name (absent values left out). */
export function mappedQuery(mapping: unknown, data: unknown): Record<string, string> {
  if (mapping === null || typeof mapping !== 'object') return {};
  const query: Record<string, string> = {};
  for (const [path, name] of Object.entries(mapping as Record<string, unknown>)) {
    const value = readDataPath(data, path);
    if (typeof name === 'string' && value !== undefined && value !== null) query[name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return query;
}

export function PaymentDetails({ node }: ComponentProps) {
  const api = useNode(node);
  const env = api.derived.env;
  const t = (key: string) => paymentText(env, key);
  const language = env.language ?? 'nb';
  const instanceId = useFormState((s) => s.defs?.instance?.id ?? null);
  const model = env.dataModels[api.derived.hierarchy.defaultDataType];
  const queryText = JSON.stringify(mappedQuery(node.config.mapping, model));
  const [client] = useState(() => (instanceId ? pagePaymentApi() : null));
  const [order, setOrder] = useState<OrderDetails | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = useMemo(() => JSON.parse(queryText) as Record<string, string>, [queryText]);

  useEffect(() => {
    if (!client || !instanceId) return;
    let live = true;
    client
      .orderDetails(instanceId, language, query)
      .then((details) => live && (setOrder(details), setError(null)))
      .catch((caught: unknown) => live && setError(caught instanceof Error ? caught.message : String(caught)));
    return () => {
      live = false;
    };
  }, [client, instanceId, language, query]);

  if (api.hidden) return null;
  const title = api.text('title');
  const description = api.text('description');
  return (
    <section data-componentid={node.id} className="rt-payment-details">
      {title && (
        <Heading level={2} data-size="sm">
          {title}
        </Heading>
      )}
      {description && <Paragraph>{description}</Paragraph>}
      {!instanceId ? (
        <Paragraph>{t('payment.not_available')}</Paragraph>
      ) : error ? (
        <Alert data-color="danger">{error}</Alert>
      ) : order ? (
        <OrderTable order={order} language={language} t={t} />
      ) : (
        <Spinner aria-label={t('payment.loading')} data-size="sm" />
      )}
    </section>
  );
}
