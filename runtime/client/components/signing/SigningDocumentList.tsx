/** SigningDocumentList: the documents being signed, each with a link to download it (§2.6). */
import { Alert, Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { fileSize } from '../componentTexts';
import type { ComponentProps } from '../registry';
import { useNode } from '../useNode';
import { documentName, signingText } from './signingModel';
import { useSigning } from './useSigning';

export function SigningDocumentList({ node }: ComponentProps) {
  const api = useNode(node);
  const env = api.derived.env;
  const { documents, error, api: signing, instanceId } = useSigning(env, { documents: true });
  const t = (key: string, ...params: string[]) => signingText(env, key, ...params);
  return (
    <section data-componentid={node.id} className="rt-field">
      <Heading level={3} data-size="xs">
        {api.text('title') ?? t('signing_document_list.header')}
      </Heading>
      {api.text('description') && <Paragraph data-size="sm">{api.text('description')}</Paragraph>}
      {error ? (
        <Alert data-color="danger">{error}</Alert>
      ) : !documents ? (
        signing && <Spinner aria-label={t('signing.loading')} />
      ) : (
        <Table>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('signing_document_list.header_filename')}</Table.HeaderCell>
              <Table.HeaderCell>{t('signing_document_list.header_type')}</Table.HeaderCell>
              <Table.HeaderCell>{t('signing_document_list.header_size')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {documents.map((d) => (
              <Table.Row key={d.id}>
                <Table.Cell>
                  {signing && instanceId ? (
                    <Link href={signing.documentHref(instanceId, d.id)} download={documentName(d)} aria-label={t('signing_document_list.download', documentName(d))}>
                      {documentName(d)}
                    </Link>
                  ) : (
                    documentName(d)
                  )}
                </Table.Cell>
                <Table.Cell>{d.contentType}</Table.Cell>
                <Table.Cell>{fileSize(d.size)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
