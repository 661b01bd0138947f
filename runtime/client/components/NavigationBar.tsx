/** NavigationBar: the navigable pages (hidden ones skipped) as a list of buttons; the current one is marked. */
import { Button } from '@digdir/designsystemet-react';
import { resolveText } from '../../../core/expressions';
import { uiText } from './componentTexts';
import type { ComponentProps } from './registry';
import { useNode } from './useNode';
import { usePageNavigation } from './usePageNavigation';

export function NavigationBar({ node }: ComponentProps) {
  const api = useNode(node);
  const { pages, current, index, go: goTo } = usePageNavigation();
  const env = api.derived.env;
  const go = (page: string, to: number) => goTo(page, to > index ? node.config.validateOnForward : node.config.validateOnBackward);
  return (
    <nav data-componentid={node.id} aria-label={uiText(env, 'general.navigation_form')}>
      <ol style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--ds-size-2)', listStyle: 'none', margin: 0, padding: 0 }}>
        {pages.map((page, i) => (
          <li key={page}>
            <Button
              variant={page === current ? 'primary' : 'secondary'}
              data-size="sm"
              aria-current={page === current ? 'page' : undefined}
              onClick={() => (page === current ? undefined : go(page, i))}
            >
              {`${i + 1}. ${resolveText(page, env)}`}
            </Button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
