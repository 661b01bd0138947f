/** Dropdown: a native select (accessible everywhere) with the component's options. */
import { Select } from '@digdir/designsystemet-react';
import { optionValue } from '../options/options';
import type { ComponentProps } from './registry';
import { describedBy, FieldShell } from './FieldShell';
import { fieldId, useNode } from './useNode';
import { useOptions } from './useOptions';
import { useCSharpOptionsFallback } from '../csharp/CSharpNotices';

export function Dropdown({ node }: ComponentProps) {
  const api = useNode(node);
  const options = useOptions(node, api, false);
  const csharpFallback = useCSharpOptionsFallback(node, api);
  if (csharpFallback) return csharpFallback;
  return (
    <FieldShell node={node} api={api}>
      <Select
        id={fieldId(node)}
        value={optionValue(api.value())}
        readOnly={api.readOnly}
        required={api.required}
        onChange={(e) => api.setValue(e.target.value, 'simpleBinding', true)}
        {...describedBy(node, api)}
      >
        <Select.Option value="">{api.derived.env.builtInTexts?.['general.choose'] ?? ''}</Select.Option>
        {(options ?? []).map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </FieldShell>
  );
}
