/** The order lines of a payment with VAT and totals (Altinn's PaymentDetailsTable). */
import { Table } from '@digdir/designsystemet-react';
import type { OrderDetails } from '../../api/paymentApi';
import { formatMoney, lineTotal } from './paymentView';

export function OrderTable({ order, language, t, caption }: { order: OrderDetails; language: string; t: (key: string) => string; caption?: string }) {
  const money = (amount: number) => formatMoney(amount, order.currency, language);
  return (
    <Table data-testid="payment-order" className="rt-payment-order">
      {caption && <caption>{caption}</caption>}
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('payment.component.description')}</Table.HeaderCell>
          <Table.HeaderCell>{t('payment.component.quantity')}</Table.HeaderCell>
          <Table.HeaderCell>{t('payment.component.price')}</Table.HeaderCell>
          <Table.HeaderCell>{t('payment.component.vat')}</Table.HeaderCell>
          <Table.HeaderCell>{t('payment.component.total')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {order.orderLines.map((line) => (
          <Table.Row key={line.id}>
            <Table.Cell>{line.textResourceKey ? t(line.textResourceKey) : line.name}</Table.Cell>
            <Table.Cell>{line.quantity}</Table.Cell>
            <Table.Cell>{money(line.priceExVat)}</Table.Cell>
            <Table.Cell>{line.vatPercent} %</Table.Cell>
            <Table.Cell>{money(lineTotal(line))}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
      <tfoot>
        <Table.Row>
          <Table.Cell colSpan={4}>{t('payment.component.total_vat')}</Table.Cell>
          <Table.Cell>{money(order.totalVat)}</Table.Cell>
        </Table.Row>
        <Table.Row>
          <Table.HeaderCell colSpan={4}>{t('payment.component.total')}</Table.HeaderCell>
          <Table.HeaderCell>{money(order.totalPriceIncVat)}</Table.HeaderCell>
        </Table.Row>
      </tfoot>
    </Table>
  );
}
