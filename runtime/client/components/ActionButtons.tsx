/**
 * CustomButton, PrintButton, ActionButton and InstantiationButton. Client actions, process actions
 * (through the process shell) and instantiation run here; server actions, which run the app's C#,
 * are shown, unavailable, with a tooltip saying why.
 */
import { Button, Spinner, Tooltip, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { InstanceDocument, PageValidation } from '../api/appApi';
import { instanceCreation, instantiationPrefill } from '../csharp/instantiation';
import { pageRequest } from '../csharp/pageRequests';
import { loadTaskForm, showTaskForm } from '../process/openTask';
import { pageAppApi } from '../process/pageApi';
import { useProcessAction } from '../process/processActions';
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

/**
 * ActionButton (§5.5): process/next with its `action` (sign, reject, confirm, pay …), enabled when the
 * current task gives this person that action (the process state's `actions`); an action the app
 * runs in C# on the server (a ServerAction) is shown, unavailable, with why.
 */
export function ActionButton({ node }: ComponentProps) {
  const api = useNode(node);
  const moveOn = useProcessAction();
  const [busy, setBusy] = useState(false);
  const action = typeof node.config.action === 'string' ? node.config.action : 'confirm';
  const title = api.text('title') ?? uiText(api.derived.env, `actions.${action}`);
  const variant = variantOf(node.config.buttonStyle);
  const task = api.derived.env.process?.currentTask as { actions?: Readonly<Record<string, boolean>>; userActions?: readonly { id: string; type: string }[] } | null | undefined;
  if (task?.userActions?.some((a) => a.id === action && a.type.toLowerCase() === 'serveraction')) {
    return <Unavailable id={node.id} title={title} reason={previewNotices.serverAction} variant={variant} />;
  }
  if (!moveOn) return <Unavailable id={node.id} title={title} reason={previewNotices.processAction} variant={variant} />;
  const allowed = task?.actions?.[action] === true;
  const run = async () => {
    setBusy(true);
    try {
      await moveOn(action);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-componentid={node.id}>
      <Button variant={variant} disabled={!allowed || busy} aria-busy={busy} onClick={() => void run()}>
        {busy && <Spinner aria-hidden data-size="xs" />}
        {title}
      </Button>
    </div>
  );
}

/**
 * InstantiationButton (§6.4): creates an instance (`POST instances/create`) with the stateless form's
 * values its `mapping` names as `prefill`, then opens the instance's first task in this page.
 */
export function InstantiationButton({ node }: ComponentProps) {
  const api = useNode(node);
  const store = useFormStore();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const start = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const state = store.getState();
      const language = state.defs?.language ?? 'nb';
      const prefill = instantiationPrefill(node.config.mapping, state.data[state.defs?.defaultDataType ?? '']);
      // The owner is left to the server: the party the user chose, else their own (as Altinn's frontend does).
      const created = await pageRequest<InstanceDocument>('POST', `instances/create?language=${encodeURIComponent(language)}`, instanceCreation(null, prefill));
      const taskId = created.process?.currentTask?.elementId;
      if (!taskId) throw new Error(`The new instance ${created.id} is not in a task the form can show`);
      // The stateless values went with the instance (its mapping); a save still waiting for them must not follow.
      store.actions.cancelPendingSaves();
      const { app } = pageAppApi();
      const metadata = (await app.applicationMetadata()) ?? {};
      // With the instance in the store, the process shell takes over (its screens, process/next).
      showTaskForm(store, await loadTaskForm(app, metadata, created.id, taskId, language));
    } catch (caught) {
      setFailure(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  };
  return (
    <div data-componentid={node.id}>
      <Button variant={variantOf(node.config.buttonStyle)} aria-busy={busy} disabled={busy} onClick={() => void start()}>
        {busy && <Spinner aria-hidden data-size="xs" />}
        {api.text('title') ?? node.id}
      </Button>
      {failure && (
        <ValidationMessage data-color="danger" role="alert">
          {failure}
        </ValidationMessage>
      )}
    </div>
  );
}
