/**
 * Input: a one-line text field bound to `simpleBinding`; saves after `saveWhileTyping` ms. What the
 * user types stays untouched while the field has focus; with number `formatting` (§2.5) the value
 * is shown formatted otherwise and stored canonically.
 */
import { Input as DsInput } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { ComponentProps } from './registry';
import { describedBy, FieldShell } from './FieldShell';
import { formatNumber, numberFormatOf, parseNumber } from './numberFormat';
import { fieldId, useNode } from './useNode';

export function Input({ node }: ComponentProps) {
  const api = useNode(node);
  const [draft, setDraft] = useState<string | null>(null);
  const value = api.value();
  const variant = node.config.variant === 'search' ? 'search' : 'text';
  const format = numberFormatOf(api.prop('formatting'), api.derived.env.language);
  const shown = value === undefined || value === null ? '' : format ? formatNumber(value, format) : String(value);
  const align = (api.prop('formatting.align') as string | undefined) ?? undefined;
  return (
    <FieldShell node={node} api={api}>
      <DsInput
        id={fieldId(node)}
        type={variant}
        value={draft !== null ? draft : shown}
        readOnly={api.readOnly}
        required={api.required}
        inputMode={format ? 'decimal' : undefined}
        autoComplete={typeof node.config.autocomplete === 'string' ? node.config.autocomplete : undefined}
        maxLength={typeof node.config.maxLength === 'number' ? node.config.maxLength : undefined}
        style={align === 'left' || align === 'center' || align === 'right' ? { textAlign: align } : undefined}
        onChange={(e) => {
          // What is typed stays as typed while the field has focus, even where the model stores a
          // number ("1.50" would otherwise jump to 1.5 while typing).
          setDraft(e.target.value);
          api.setValue(format ? parseNumber(e.target.value, format) : e.target.value);
        }}
        onBlur={() => setDraft(null)}
        {...describedBy(node, api)}
      />
    </FieldShell>
  );
}
