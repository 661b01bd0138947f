/** MultipleSelect: a searchable multi-choice Combobox storing values comma-separated. */
import { Combobox } from '@digdir/designsystemet-react';
import { splitValues } from '../options/options';
import type { ComponentProps } from './registry';
import { describedBy, FieldShell } from './FieldShell';
import { fieldId, useNode } from './useNode';
import { useOptions } from './useOptions';
import { useCSharpOptionsFallback } from '../csharp/CSharpNotices';

export function MultipleSelect({ node }: ComponentProps) {
  const api = useNode(node);
  const options = useOptions(node, api, true);
  const csharpFallback = useCSharpOptionsFallback(node, api);
  if (csharpFallback) return csharpFallback;
  return (
    <FieldShell node={node} api={api}>
      <Combobox
        id={fieldId(node)}
        multiple
        hideLabel
        label={api.text('title') ?? node.id}
        value={splitValues(api.value())}
        readOnly={api.readOnly}
        onValueChange={(values) => api.setValue(values.length > 0 ? values.join(',') : undefined, 'simpleBinding', true)}
        {...describedBy(node, api)}
      >
        {(options ?? []).map((o) => (
          <Combobox.Option key={o.value} value={o.value} displayValue={o.label}>
            {o.label}
          </Combobox.Option>
        ))}
      </Combobox>
    </FieldShell>
  );
}
