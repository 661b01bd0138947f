/** Datepicker: the browser's date input; the model holds an ISO date (`YYYY-MM-DD`). */
import { Input as DsInput } from '@digdir/designsystemet-react';
import type { ComponentProps } from './registry';
import { describedBy, FieldShell } from './FieldShell';
import { fieldId, useNode } from './useNode';

/** The date part of a stored value (the model may hold a full timestamp). */
export function isoDatePart(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 10) : '';
}

export function Datepicker({ node }: ComponentProps) {
  const api = useNode(node);
  const min = api.prop('minDate');
  const max = api.prop('maxDate');
  return (
    <FieldShell node={node} api={api}>
      <DsInput
        id={fieldId(node)}
        type="date"
        value={isoDatePart(api.value())}
        min={typeof min === 'string' && /^\d{4}-\d{2}-\d{2}/.test(min) ? min.slice(0, 10) : undefined}
        max={typeof max === 'string' && /^\d{4}-\d{2}-\d{2}/.test(max) ? max.slice(0, 10) : undefined}
        readOnly={api.readOnly}
        required={api.required}
        onChange={(e) => api.setValue(e.target.value, 'simpleBinding', true)}
        {...describedBy(node, api)}
      />
    </FieldShell>
  );
}
