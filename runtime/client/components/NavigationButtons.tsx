/** NavigationButtons: Next/Back through the navigable pages, with the page validation of §4.6. */
import { Button } from '@digdir/designsystemet-react';
import type { ComponentProps } from './registry';
import { useNode } from './useNode';
import { usePageNavigation } from './usePageNavigation';

export function NavigationButtons({ node }: ComponentProps) {
  const api = useNode(node);
  const { pages, index, go } = usePageNavigation();
  const builtIn = api.derived.env.builtInTexts ?? {};
  const move = (to: number, own: unknown) => go(pages[to], own);
  const showBack = node.config.showBackButton === true && index > 0;
  return (
    <div className="rt-navigation" data-componentid={node.id}>
      {showBack && (
        <Button variant="secondary" onClick={() => move(index - 1, node.config.validateOnPrevious)}>
          {api.text('back') ?? builtIn['general.back']}
        </Button>
      )}
      {index >= 0 && index < pages.length - 1 && <Button onClick={() => move(index + 1, node.config.validateOnNext)}>{api.text('next') ?? builtIn['general.next']}</Button>}
    </div>
  );
}
