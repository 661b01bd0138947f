/**
 * What NavigationBar and NavigationButtons share: the navigable pages, where the form is, and a move
 * to a page with the validation Altinn runs on the way (the component's own setting, else the
 * page's `validationOnNavigation`, else Settings.json's).
 */
import { navigationValidation } from '../state/formModel';
import { useFormState, useFormStore } from '../state/FormContext';

/** The pages, the current one and its index, and `go(page, ownValidation)`. */
export function usePageNavigation() {
  const store = useFormStore();
  const current = useFormState((s) => s.currentPage);
  const settings = useFormState((s) => s.settings);
  const layouts = useFormState((s) => s.defs?.layouts);
  const pages = store.actions.pages();
  const index = current ? pages.indexOf(current) : -1;
  const pageSetting = current ? layouts?.[current]?.data?.validationOnNavigation : undefined;
  const go = (page: string | undefined, own: unknown) => {
    if (page) void store.actions.navigateValidated(page, navigationValidation(own, pageSetting, settings));
  };
  return { pages, current, index, go };
}
