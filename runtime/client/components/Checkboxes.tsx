/** Checkboxes: several choices stored comma-separated in `simpleBinding` (§2.4). */
import { Checkbox } from '@digdir/designsystemet-react';
import { splitValues } from '../options/options';
import type { ComponentProps } from './registry';
import { OptionGroup } from './OptionGroup';
import { RichText } from './RichText';
import { useNode } from './useNode';
import { useOptions } from './useOptions';
import { useCSharpOptionsFallback } from '../csharp/CSharpNotices';

export function Checkboxes({ node }: ComponentProps) {
  const api = useNode(node);
  const options = useOptions(node, api, true);
  const csharpFallback = useCSharpOptionsFallback(node, api);
  const selected = splitValues(api.value());
  const toggle = (value: string, checked: boolean) => {
    const next = checked ? [...selected, value] : selected.filter((v) => v !== value);
    // Keep the options' order, as the runtime stores them.
    const ordered = (options ?? []).map((o) => o.value).filter((v) => next.includes(v));
    api.setValue(ordered.length > 0 ? ordered.join(',') : undefined, 'simpleBinding', true);
  };
  if (csharpFallback) return csharpFallback;
  return (
    <OptionGroup node={node} api={api}>
      {(options ?? []).map((o) => (
        <Checkbox
          key={o.value}
          label={<RichText text={o.label} inline />}
          description={o.description ? <RichText text={o.description} inline /> : undefined}
          value={o.value}
          checked={selected.includes(o.value)}
          readOnly={api.readOnly}
          onChange={(e) => toggle(o.value, e.target.checked)}
        />
      ))}
    </OptionGroup>
  );
}
