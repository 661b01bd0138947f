/** Button: submit (mode submit/default) validates everything and shows the "sent" message for now. */
import { Button as DsButton } from '@digdir/designsystemet-react';
import { useFormStore } from '../state/FormContext';
import type { ComponentProps } from './registry';
import { useNode } from './useNode';

export function Button({ node }: ComponentProps) {
  const api = useNode(node);
  const store = useFormStore();
  const title = api.text('title') ?? api.derived.env.builtInTexts?.['general.submit'] ?? 'Send inn';
  return (
    <DsButton data-componentid={node.id} onClick={() => void store.actions.submit()}>
      {title}
    </DsButton>
  );
}
