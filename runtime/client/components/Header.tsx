/** Header: a heading sized L/M/S (h2/h3/h4; the page's h1 is the app name). */
import { Heading } from '@digdir/designsystemet-react';
import type { ComponentProps } from './registry';
import { RichText } from './RichText';
import { useNode } from './useNode';

const levels = { L: 2, M: 3, S: 4, h2: 2, h3: 3, h4: 4 } as const;

export function Header({ node }: ComponentProps) {
  const api = useNode(node);
  const size = String(node.config.size ?? 'L') as keyof typeof levels;
  const level = levels[size] ?? 2;
  return (
    <Heading level={level} data-size={level === 2 ? 'md' : level === 3 ? 'sm' : 'xs'} data-componentid={node.id}>
      <RichText text={api.text('title')} inline />
    </Heading>
  );
}
