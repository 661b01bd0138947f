/** SigneeList: who signs in the signing task and where each one is (§2.6); in the preview, a notice when a C# signee provider would choose them. */
import { Alert, Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { SigneeProviderNotice } from '../../csharp/CSharpNotices';
import type { ComponentProps } from '../registry';
import { useNode } from '../useNode';
import { signeeStatus, signingText, statusKeys } from './signingModel';
import { useSigning } from './useSigning';

export function SigneeList({ node }: ComponentProps) {
  const api = useNode(node);
  const env = api.derived.env;
  const { signees, signeeProviderId, error } = useSigning(env);
  const t = (key: string) => signingText(env, key);
  return (
    <section data-componentid={node.id} className="rt-field">
      <Heading level={3} data-size="xs">
        {api.text('title') ?? t('signee_list.header')}
      </Heading>
      {api.text('description') && <Paragraph data-size="sm">{api.text('description')}</Paragraph>}
      {signeeProviderId && <SigneeProviderNotice providerId={signeeProviderId} />}
      {error ? (
        <Alert data-color="danger">{error}</Alert>
      ) : !signees ? (
        <Spinner aria-label={t('signing.loading')} />
      ) : signees.length === 0 ? (
        <Paragraph data-size="sm">{t('signee_list.no_signees')}</Paragraph>
      ) : (
        <Table>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('signee_list.header_name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('signee_list.header_on_behalf_of')}</Table.HeaderCell>
              <Table.HeaderCell>{t('signee_list.header_status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {signees.map((s, i) => {
              const status = signeeStatus(s);
              return (
                <Table.Row key={`${s.partyId ?? ''}-${i}`} data-status={status}>
                  <Table.Cell>{s.name ?? ''}</Table.Cell>
                  <Table.Cell>{s.organization ?? s.organisation ?? ''}</Table.Cell>
                  <Table.Cell>{t(statusKeys[status])}</Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
