/** Panel and Alert: coloured notices (Panel `variant`, Alert `severity`) with a title and body. */
import { Alert as DsAlert, Heading } from '@digdir/designsystemet-react';
import type { ComponentProps } from './registry';
import { RichText } from './RichText';
import { useNode } from './useNode';

const colors: Record<string, 'info' | 'warning' | 'success' | 'danger'> = { info: 'info', warning: 'warning', success: 'success', danger: 'danger', error: 'danger' };

function makeNotice(kindProp: 'variant' | 'severity') {
  return function Notice({ node }: ComponentProps) {
    const api = useNode(node);
    const title = api.text('title');
    const body = api.text('body');
    const color = colors[String(api.prop(kindProp) ?? 'info')] ?? 'info';
    return (
      <DsAlert data-color={color} data-componentid={node.id}>
        {title && (
          <Heading level={3} data-size="xs">
            <RichText text={title} inline />
          </Heading>
        )}
        <RichText text={body} />
      </DsAlert>
    );
  };
}

export const Panel = makeNotice('variant');
export const Alert = makeNotice('severity');
