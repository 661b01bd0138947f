/** Option: the label of the option whose value `value` (usually an expression) holds. */
import { Label, Paragraph } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { optionValue, resolveOptions } from '../options/options';
import { useFormState, useFormStore } from '../state/FormContext';
import type { ComponentProps } from './registry';
import { RichText } from './RichText';
import { useNode } from './useNode';

export function Option({ node }: ComponentProps) {
  const api = useNode(node);
  const store = useFormStore();
  const codeLists = useFormState((s) => s.codeLists);
  const optionsId = typeof node.config.optionsId === 'string' ? node.config.optionsId : undefined;
  useEffect(() => {
    if (optionsId) void store.actions.ensureCodeList(optionsId);
  }, [optionsId, store]);
  const value = optionValue(api.prop('value'));
  const option = resolveOptions(node, api.derived.env, codeLists)?.find((o) => o.value === value);
  const title = api.text('title');
  const direction = node.config.direction === 'horizontal' ? 'row' : 'column';
  return (
    <div className="rt-field" data-componentid={node.id} style={{ flexDirection: direction }}>
      {title && (
        <Label asChild>
          <div>
            <RichText text={title} inline />
          </div>
        </Label>
      )}
      <Paragraph>{option ? <RichText text={option.label} inline /> : value}</Paragraph>
    </div>
  );
}
