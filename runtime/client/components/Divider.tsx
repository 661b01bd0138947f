/** Divider: a horizontal rule. */
import { Divider as DsDivider } from '@digdir/designsystemet-react';
import type { ComponentProps } from './registry';

export function Divider({ node }: ComponentProps) {
  return <DsDivider data-componentid={node.id} />;
}
