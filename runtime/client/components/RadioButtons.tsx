/** RadioButtons: one choice stored in `simpleBinding`. */
import { Radio } from '@digdir/designsystemet-react';
import { optionValue } from '../options/options';
import type { ComponentProps } from './registry';
import { OptionGroup } from './OptionGroup';
import { RichText } from './RichText';
import { useNode } from './useNode';
import { useOptions } from './useOptions';
import { useCSharpOptionsFallback } from '../csharp/CSharpNotices';

export function RadioButtons({ node }: ComponentProps) {
  const api = useNode(node);
  const options = useOptions(node, api, false);
  const csharpFallback = useCSharpOptionsFallback(node, api);
  const selected = optionValue(api.value());
  if (csharpFallback) return csharpFallback;
  return (
    <OptionGroup node={node} api={api}>
      {(options ?? []).map((o) => (
        <Radio
          key={o.value}
          name={node.id}
          label={<RichText text={o.label} inline />}
          description={o.description ? <RichText text={o.description} inline /> : undefined}
          value={o.value}
          checked={selected === o.value}
          readOnly={api.readOnly}
          onChange={() => api.setValue(o.value, 'simpleBinding', true)}
        />
      ))}
    </OptionGroup>
  );
}
