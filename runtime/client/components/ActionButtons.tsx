/**
 * CustomButton, PrintButton, ActionButton and InstantiationButton. Client actions run here;
 * whatever needs the app's server (server actions, process actions, instantiation) is shown,
 * unavailable, with a tooltip saying why.
 */
import { Button, Tooltip } from '@digdir/designsystemet-react';
import type { PageValidation } from '../api/appApi';
import { navigationValidation } from '../state/formModel';
import { useFormState, useFormStore } from '../state/FormContext';
import { previewNotices, uiText } from './componentTexts';
import type { ComponentProps } from './registry';
import { useNode } from './useNode';

type Variant = 'primary' | 'secondary' | 'tertiary';
const variantOf = (v: unknown): Variant => (v === 'secondary' || v === 'tertiary' ? v : 'primary');

/** A button that cannot run in the preview: focusable (so its tooltip is reachable) but inert. */
function Unavailable({ id, title, reason, variant }: { id: string; title: string; reason: string; variant: Variant }) {
  return (
    <div data-componentid={id}>
      <Tooltip content={reason}>
        <Button variant={variant} aria-disabled="true" data-unavailable="true" onClick={(e) => e.preventDefault()}>
          {title}
        </Button>
      </Tooltip>
    </div>
  );
}

interface Action {
  readonly type?: unknown;
  readonly id?: unknown;
  readonly metadata?: { page?: unknown };
  readonly validation?: PageValidation;
}

export function CustomButton({ node }: ComponentProps) {
  const api = useNode(node);
  const store = useFormStore();
  const current = useFormState((s) => s.currentPage);
  const settings = useFormState((s) => s.settings);
  const actions = (Array.isArray(node.config.actions) ? node.config.actions : []) as Action[];
  const title = api.text('title') ?? node.id;
  const variant = variantOf(node.config.buttonStyle);
  if (actions.some((a) => a.type === 'ServerAction')) return <Unavailable id={node.id} title={title} reason={previewNotices.serverAction} variant={variant} />;
  if (actions.some((a) => a.id === 'closeSubform')) return <Unavailable id={node.id} title={title} reason={previewNotices.closeSubform} variant={variant} />;
  const run = async () => {
    for (const action of actions) {
      const pages = store.actions.pages();
      const index = current ? pages.indexOf(current) : -1;
      const target =
        action.id === 'nextPage' ? pages[index + 1] : action.id === 'previousPage' ? pages[index - 1] : action.id === 'navigateToPage' && typeof action.metadata?.page === 'string' ? action.metadata.page : undefined;
      if (!target || !pages.includes(target)) continue;
      if (!(await store.actions.navigateValidated(target, navigationValidation(action.validation, undefined, settings)))) return;
    }
  };
  return (
    <div data-componentid={node.id}>
      <Button variant={variant} data-size={node.config.buttonSize === 'sm' || node.config.buttonSize === 'lg' ? node.config.buttonSize : undefined} onClick={() => void run()}>
        {title}
      </Button>
    </div>
  );
}

export function PrintButton({ node }: ComponentProps) {
  const api = useNode(node);
  return (
    <div data-componentid={node.id}>
      <Button variant="secondary" onClick={() => window.print()}>
        {api.text('title') ?? uiText(api.derived.env, 'general.print_button_text')}
      </Button>
    </div>
  );
}

export function ActionButton({ node }: ComponentProps) {
  const api = useNode(node);
  const action = typeof node.config.action === 'string' ? node.config.action : 'confirm';
  const title = api.text('title') ?? uiText(api.derived.env, `actions.${action}`);
  return <Unavailable id={node.id} title={title} reason={previewNotices.processAction} variant={variantOf(node.config.buttonStyle)} />;
}

export function InstantiationButton({ node }: ComponentProps) {
  const api = useNode(node);
  return <Unavailable id={node.id} title={api.text('title') ?? node.id} reason={previewNotices.instantiation} variant="primary" />;
}
