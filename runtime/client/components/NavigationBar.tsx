/** NavigationBar: the navigable pages (hidden ones skipped) as a list of buttons; the current one is marked. */
import { Button } from '@digdir/designsystemet-react';
import { resolveText } from '../../../core/expressions';
import { navigationValidation } from '../state/formModel';
import { useFormState, useFormStore } from '../state/FormContext';
import { uiText } from './componentTexts';
import type { ComponentProps } from './registry';
import { useNode } from './useNode';

export function NavigationBar({ node }: ComponentProps) {
  const api = useNode(node);
  const store = useFormStore();
  const current = useFormState((s) => s.currentPage);
  const settings = useFormState((s) => s.settings);
  const layouts = useFormState((s) => s.defs?.layouts);
  const pages = store.actions.pages();
  const index = current ? pages.indexOf(current) : -1;
  const env = api.derived.env;
  const pageSetting = current ? layouts?.[current]?.data?.validationOnNavigation : undefined;
  const go = (page: string, to: number) => {
    const own = to > index ? node.config.validateOnForward : node.config.validateOnBackward;
    void store.actions.navigateValidated(page, navigationValidation(own, pageSetting, settings));
  };
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
