/**
 * Altinn's built-in process screens (§5.3): confirmation (the app title, a link to the answers and a
 * confirm button), the feedback wait, the receipt listing the instance's data elements, and a task
 * the form app has no pages for. Texts come through `t` (app texts first, then Altinn's defaults); an
 * app's body texts may hold Markdown or HTML, shown sanitised.
 */
import { Alert, Button, Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import type { InstanceDataElement } from '../api/appApi';
import { RichText } from '../components/RichText';

export type ProcessTextFn = (key: string, params?: readonly string[]) => string;

export function ConfirmScreen(props: { t: ProcessTextFn; appName: string; answersHref: string | null; busy: boolean; error: string | null; onConfirm: () => void }) {
  const { t } = props;
  return (
    <section className="rt-process" data-testid="confirm-screen">
      <Heading level={2} data-size="md">
        {props.appName}
      </Heading>
      <Heading level={3} data-size="sm">
        {t('confirm.title')}
      </Heading>
      <Paragraph asChild>
        <div>
          <RichText text={t('confirm.body')} />
        </div>
      </Paragraph>
      {props.answersHref && (
        <Paragraph>
          <Link href={props.answersHref} target="_blank" rel="noopener">
            {t('confirm.answers')}
          </Link>
        </Paragraph>
      )}
      {props.error && (
        <Alert data-color="danger" role="alert">
          {props.error}
        </Alert>
      )}
      <Button onClick={props.onConfirm} disabled={props.busy} aria-busy={props.busy}>
        {props.busy ? t('process.moving') : t('confirm.button_text')}
      </Button>
    </section>
  );
}

export function FeedbackScreen({ t }: { t: ProcessTextFn }) {
  return (
    <section className="rt-process" data-testid="feedback-screen" aria-live="polite">
      <Heading level={2} data-size="md">
        {t('feedback.title')}
      </Heading>
      <Paragraph asChild>
        <div>
          <RichText text={t('feedback.body')} />
        </div>
      </Paragraph>
      <Spinner aria-hidden data-size="md" />
    </section>
  );
}

/** A data element's name in the receipt: the file name, else the data type. */
function elementName(element: InstanceDataElement): string {
  return element.filename ?? element.dataType;
}

export function ReceiptScreen(props: { t: ProcessTextFn; appName: string; elements: readonly InstanceDataElement[] | null; hrefOf: (element: InstanceDataElement) => string }) {
  const { t, elements } = props;
  return (
    <section className="rt-process" data-testid="receipt-screen">
      <Heading level={2} data-size="md">
        {t('receipt.title')}
      </Heading>
      <Paragraph>{props.appName}</Paragraph>
      <Paragraph>{t('receipt.body')}</Paragraph>
      <Heading level={3} data-size="xs">
        {t('receipt.attachments')}
      </Heading>
      {elements === null ? (
        <Spinner aria-label={t('process.moving')} data-size="sm" />
      ) : elements.length === 0 ? (
        <Paragraph>{t('receipt.no_data')}</Paragraph>
      ) : (
        <Table>
          <Table.Body>
            {elements.map((element) => (
              <Table.Row key={element.id}>
                <Table.Cell>
                  <Link href={props.hrefOf(element)} target="_blank" rel="noopener">
                    {elementName(element)}
                  </Link>
                </Table.Cell>
                <Table.Cell>{element.contentType ?? ''}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}

export function NoLayoutScreen({ t, taskId, taskType }: { t: ProcessTextFn; taskId: string; taskType: string | null }) {
  return (
    <Alert data-color="info" data-testid="no-layout-screen">
      {t('process.no_layout', [taskId, taskType ?? '?'])}
    </Alert>
  );
}
