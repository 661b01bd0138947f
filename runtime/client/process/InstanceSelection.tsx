/** The instance selection (`onEntry.show: select-instance`, §2.14): continue an active instance or start over. */
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { ActiveInstance } from '../api/appApi';
import type { ProcessTextFn } from './ProcessScreens';

/** A date-time as the user's language writes it; the text as given when it is no date. */
function when(value: string | undefined, language: string): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString(language === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'short', timeStyle: 'short' });
}

export function InstanceSelection(props: { t: ProcessTextFn; language: string; instances: readonly ActiveInstance[]; busy: boolean; onOpen: (id: string) => void; onNew: () => void }) {
  const { t } = props;
  return (
    <section className="rt-process" data-testid="instance-selection">
      <Heading level={2} data-size="md">
        {t('instance_selection.header')}
      </Heading>
      <Paragraph>{t('instance_selection.description')}</Paragraph>
      <Table>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('instance_selection.last_changed')}</Table.HeaderCell>
            <Table.HeaderCell>{t('instance_selection.changed_by')}</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {props.instances.map((instance) => (
            <Table.Row key={instance.id}>
              <Table.Cell>{when(instance.lastChanged, props.language)}</Table.Cell>
              <Table.Cell>{instance.lastChangedBy ?? ''}</Table.Cell>
              <Table.Cell>
                <Button data-variant="secondary" disabled={props.busy} onClick={() => props.onOpen(instance.id)}>
                  {t('instance_selection.continue')}
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Button disabled={props.busy} onClick={props.onNew}>
        {t('instance_selection.new_instance')}
      </Button>
    </section>
  );
}
