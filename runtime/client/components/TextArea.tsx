/** TextArea: multi-line text bound to `simpleBinding`. */
import { Textarea } from '@digdir/designsystemet-react';
import type { ComponentProps } from './registry';
import { describedBy, FieldShell } from './FieldShell';
import { fieldId, useNode } from './useNode';

export function TextArea({ node }: ComponentProps) {
  const api = useNode(node);
  const value = api.value();
  return (
    <FieldShell node={node} api={api}>
      <Textarea
        id={fieldId(node)}
        rows={4}
        value={value === undefined || value === null ? '' : String(value)}
        readOnly={api.readOnly}
        required={api.required}
        onChange={(e) => api.setValue(e.target.value)}
        {...describedBy(node, api)}
      />
    </FieldShell>
  );
}
