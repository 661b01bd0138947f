/** TimePicker: a native time field bound to `simpleBinding` (`HH:mm`, or `HH:mm:ss` with seconds in `format`), limited by `minTime`/`maxTime`. */
import { Input as DsInput } from '@digdir/designsystemet-react';
import { describedBy, FieldShell } from './FieldShell';
import type { ComponentProps } from './registry';
import { fieldId, useNode } from './useNode';

const timeOf = (v: unknown): string | undefined => (typeof v === 'string' && /^\d{2}:\d{2}(:\d{2})?$/.test(v) ? v : undefined);

export function TimePicker({ node }: ComponentProps) {
  const api = useNode(node);
  const value = api.value();
  const format = typeof node.config.format === 'string' ? node.config.format : 'HH:mm';
  const withSeconds = format.includes('ss');
  return (
    <FieldShell node={node} api={api}>
      <DsInput
        id={fieldId(node)}
        type="time"
        value={typeof value === 'string' ? value : ''}
        min={timeOf(api.prop('minTime'))}
        max={timeOf(api.prop('maxTime'))}
        step={withSeconds ? 1 : 60}
        readOnly={api.readOnly}
        required={api.required}
        autoComplete="off"
        onChange={(e) => api.setValue(e.target.value === '' ? undefined : e.target.value)}
        style={{ maxWidth: '12rem' }}
        {...describedBy(node, api)}
      />
    </FieldShell>
  );
}
