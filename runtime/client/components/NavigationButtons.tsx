/** NavigationButtons: Next/Back through the navigable pages, with the page validation of §4.6. */
import { Button } from '@digdir/designsystemet-react';
import type { PageValidation } from '../api/appApi';
import { navigationValidation } from '../state/formModel';
import { useFormState, useFormStore } from '../state/FormContext';
import type { ComponentProps } from './registry';
import { useNode } from './useNode';

export function NavigationButtons({ node }: ComponentProps) {
  const api = useNode(node);
  const store = useFormStore();
  const current = useFormState((s) => s.currentPage);
  const settings = useFormState((s) => s.settings);
  const layouts = useFormState((s) => s.defs?.layouts);
  const pages = store.actions.pages();
  const index = current ? pages.indexOf(current) : -1;
  const builtIn = api.derived.env.builtInTexts ?? {};
  const pageSetting = current ? layouts?.[current]?.data?.validationOnNavigation : undefined;
  const move = (to: number, own: unknown) => {
    const target = pages[to];
    const validation: PageValidation | undefined = navigationValidation(own, pageSetting, settings);
    if (target) void store.actions.navigateValidated(target, validation);
  };
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
