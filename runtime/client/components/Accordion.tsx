/** Accordion (a titled, collapsible section; `openByDefault`) and AccordionGroup (a stack of them). */
import { Details } from '@digdir/designsystemet-react';
import { ComponentView } from './ComponentView';
import type { ComponentProps } from './registry';
import { RichText } from './RichText';
import { useNode } from './useNode';

export function Accordion({ node }: ComponentProps) {
  const api = useNode(node);
  const level = typeof node.config.headingLevel === 'number' ? Math.min(6, Math.max(2, node.config.headingLevel)) : 2;
  return (
    <Details className="rt-accordion" data-componentid={node.id} defaultOpen={api.prop('openByDefault') === true}>
      <Details.Summary>
        <span role="heading" aria-level={level}>
          <RichText text={api.text('title')} inline />
        </span>
      </Details.Summary>
      <Details.Content>
        {node.children.map((child) => (
          <ComponentView key={child.id} node={child} />
        ))}
      </Details.Content>
    </Details>
  );
}

export function AccordionGroup({ node }: ComponentProps) {
  const api = useNode(node);
  const title = api.text('title');
  return (
    <section className="rt-accordion-group" data-componentid={node.id} aria-label={title}>
      {node.children.map((child) => (
        <ComponentView key={child.id} node={child} />
      ))}
    </section>
  );
}
