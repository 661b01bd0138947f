/** Group (non-repeating): a titled section around its children. */
import { Fieldset } from '@digdir/designsystemet-react';
import { ComponentView } from './ComponentView';
import type { ComponentProps } from './registry';
import { RichText } from './RichText';
import { useNode } from './useNode';

export function Group({ node }: ComponentProps) {
  const api = useNode(node);
  const title = api.text('title');
  const description = api.text('description');
  const children = node.children.map((child) => <ComponentView key={child.id} node={child} />);
  if (!title) return <div className="rt-group" data-componentid={node.id}>{children}</div>;
  return (
    <Fieldset className="rt-group" data-componentid={node.id}>
      <Fieldset.Legend>
        <RichText text={title} inline />
      </Fieldset.Legend>
      {description && (
        <Fieldset.Description>
          <RichText text={description} inline />
        </Fieldset.Description>
      )}
      {children}
    </Fieldset>
  );
}
