/**
 * List: pick one row of a table. Columns from `tableHeaders` ({prop: textKey}); rows from a static
 * data source in the layout (`dataList`, an array of objects) – a `dataListId` served by app code
 * cannot run in the preview and shows the placeholder. Choosing a row writes each bound property.
 */
import { Alert, Table } from '@digdir/designsystemet-react';
import { resolveText } from '../../../core/expressions';
import { uiText } from './containerTexts';
import { FieldShell } from './FieldShell';
import type { ComponentProps } from './registry';
import { fieldId, useNode } from './useNode';

export function List({ node }: ComponentProps) {
  const api = useNode(node);
  const { derived } = api;
  const headers = Object.entries((node.config.tableHeaders ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string');
  const rows = Array.isArray(node.config.dataList) ? (node.config.dataList as unknown[]).filter((r): r is Record<string, unknown> => r !== null && typeof r === 'object') : undefined;
  if (!rows) {
    const template = derived.env.builtInTexts?.['general.not_implemented'] ?? '{0}';
    return (
      <Alert data-color="neutral" data-size="sm" data-componentid={node.id} data-placeholder={node.type}>
        {template.replace('{0}', node.type)}
      </Alert>
    );
  }
  const bindings = Object.keys((node.config.dataModelBindings ?? {}) as Record<string, unknown>).filter((k) => k !== 'group' && k !== 'checked');
  const isSelected = (row: Record<string, unknown>) => bindings.length > 0 && bindings.every((k) => String(api.value(k) ?? '') === String(row[k] ?? ''));
  const choose = (row: Record<string, unknown>) => bindings.forEach((k) => api.setValue(row[k], k, true));
  return (
    <FieldShell node={node} api={api}>
      <Table id={fieldId(node)} data-size="sm" border>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>
              <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{api.text('title')}</span>
            </Table.HeaderCell>
            {headers.map(([prop, key]) => (
              <Table.HeaderCell key={prop}>{resolveText(key, derived.env, node.location)}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.length === 0 && (
            <Table.Row>
              <Table.Cell colSpan={headers.length + 1}>{uiText(derived, 'list.no_data')}</Table.Cell>
            </Table.Row>
          )}
          {rows.map((row, i) => (
            <Table.Row key={i} onClick={() => !api.readOnly && choose(row)}>
              <Table.Cell>
                <input
                  type="radio"
                  name={node.id}
                  checked={isSelected(row)}
                  disabled={api.readOnly}
                  aria-label={headers.map(([prop]) => String(row[prop] ?? '')).join(' ')}
                  onChange={() => choose(row)}
                />
              </Table.Cell>
              {headers.map(([prop]) => (
                <Table.Cell key={prop}>{String(row[prop] ?? '')}</Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </FieldShell>
  );
}
