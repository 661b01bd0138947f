/** Button: submit (mode submit/default) validates everything and sends the form on; mode "instantiate" is an InstantiationButton (§6.4). */
import { Button as DsButton } from '@digdir/designsystemet-react';
import { useFormStore } from '../state/FormContext';
import { InstantiationButton } from './ActionButtons';
import type { ComponentProps } from './registry';
import { useNode } from './useNode';

export function Button({ node }: ComponentProps) {
  return node.config.mode === 'instantiate' ? <InstantiationButton node={node} /> : <SubmitButton node={node} />;
}

function SubmitButton({ node }: ComponentProps) {
  const api = useNode(node);
  const store = useFormStore();
  const title = api.text('title') ?? api.derived.env.builtInTexts?.['general.submit'] ?? 'Send inn';
  return (
    <DsButton data-componentid={node.id} onClick={() => void store.actions.submit()}>
      {title}
    </DsButton>
  );
}
