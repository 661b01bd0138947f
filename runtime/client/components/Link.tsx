/** Link: a link or link-styled button to `target` (a URL or a text key); only http(s) and mailto are shown. */
import { Button, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { uiText } from './componentTexts';
import type { ComponentProps } from './registry';
import { safeLinkUrl } from './safeUrl';
import { useNode } from './useNode';

export function Link({ node }: ComponentProps) {
  const api = useNode(node);
  const title = api.text('title') ?? api.text('target') ?? '';
  const href = safeLinkUrl(api.text('target'));
  const download = api.text('download');
  if (!href) {
    return (
      <Paragraph data-componentid={node.id} data-size="sm">
        {title}: {uiText(api.derived.env, 'general.link_blocked')}
      </Paragraph>
    );
  }
  const newTab = node.config.openInNewTab === true ? { target: '_blank', rel: 'noopener noreferrer' } : {};
  const anchor = (
    <a href={href} {...newTab} {...(download !== undefined ? { download } : {})}>
      {title}
    </a>
  );
  const style = node.config.style;
  if (style === 'primary' || style === 'secondary') {
    return (
      <div data-componentid={node.id}>
        <Button asChild variant={style} data-size={node.config.size === 'sm' || node.config.size === 'lg' ? node.config.size : undefined}>
          {anchor}
        </Button>
      </div>
    );
  }
  return (
    <div data-componentid={node.id}>
      <DsLink asChild>{anchor}</DsLink>
    </div>
  );
}
