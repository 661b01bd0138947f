/** Paragraph: body text (Markdown allowed). */
import { Paragraph as DsParagraph } from '@digdir/designsystemet-react';
import type { ComponentProps } from './registry';
import { HelpText } from './FieldShell';
import { RichText } from './RichText';
import { useNode } from './useNode';

export function Paragraph({ node }: ComponentProps) {
  const api = useNode(node);
  return (
    <DsParagraph asChild data-componentid={node.id}>
      <div>
        <RichText text={api.text('title')} />
        <HelpText api={api} />
      </div>
    </DsParagraph>
  );
}
