/** Input: a one-line text field bound to `simpleBinding`; saves after `saveWhileTyping` ms. */
import { Input as DsInput } from '@digdir/designsystemet-react';
import type { ComponentProps } from './registry';
import { describedBy, FieldShell } from './FieldShell';
import { fieldId, useNode } from './useNode';

export function Input({ node }: ComponentProps) {
  const api = useNode(node);
  const value = api.value();
  const variant = node.config.variant === 'search' ? 'search' : 'text';
  return (
    <FieldShell node={node} api={api}>
      <DsInput
        id={fieldId(node)}
        type={variant}
        value={value === undefined || value === null ? '' : String(value)}
        readOnly={api.readOnly}
        required={api.required}
        autoComplete={typeof node.config.autocomplete === 'string' ? node.config.autocomplete : undefined}
        maxLength={typeof node.config.maxLength === 'number' ? node.config.maxLength : undefined}
        onChange={(e) => api.setValue(e.target.value)}
        {...describedBy(node, api)}
      />
    </FieldShell>
  );
}
