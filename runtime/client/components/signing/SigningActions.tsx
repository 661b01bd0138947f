/**
 * SigningActions: Sign and Reject as the persona may (the process state's `actions`); signing posts
 * the `sign` action, then moves the process on when that completed the signatures; refusals are shown.
 * Moving on goes through the form's submit, as a data task's submit button does: the form's own
 * validation first, then process/next, whose refusal (409: MissingSignatures, the default validation
 * a task with `runDefaultValidator` runs, changed documents…) the process shell shows with the
 * server's issues.
 */
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useProcessAction } from '../../process/processActions';
import { useFormStore } from '../../state/FormContext';
import type { ComponentProps } from '../registry';
import { useNode } from '../useNode';
import { movesOnAfterSigning, signingPanel, signingText } from './signingModel';
import { useSigning } from './useSigning';

/** The component's own text bindings (Altinn's names) for the built-in texts they replace. */
const bindings: Readonly<Record<string, string>> = {
  'signing.sign_button': 'signingButton',
  'signing.submit_button': 'submitButton',
  'signing.reject_button': 'rejectModalTriggerButton',
  'signing.awaiting_signature_panel_title': 'awaitingSignaturePanelTitle',
  'signing.sign_panel_title': 'signingPanelTitle',
  'signing.submit_panel_title': 'submitPanelTitle',
};

export function SigningActions({ node }: ComponentProps) {
  const api = useNode(node);
  const env = api.derived.env;
  const moveOn = useProcessAction();
  const store = useFormStore();
  // The form's submit: its own validation, then process/next (no action) through the process shell.
  const submit = async () => {
    await store.actions.submit();
  };
  const { signees, userPartyId, api: signing, instanceId, reload, error: loadError } = useSigning(env, { user: true });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const actions = env.process?.currentTask?.actions ?? {};
  const t = (key: string) => (bindings[key] ? api.text(bindings[key]) : undefined) ?? signingText(env, key);
  const panel = signingPanel({ signees: signees ?? [], userPartyId, maySign: actions.sign === true, mayWrite: actions.write === true });
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  const sign = () =>
    run(async () => {
      if (!signing || !instanceId) return;
      const result = await signing.sign(instanceId, env.language ?? 'nb');
      if (!result.ok) {
        setError(result.message);
        return;
      }
      if (movesOnAfterSigning(await reload()) && moveOn) await submit();
    });
  const reject = () => run(async () => moveOn?.('reject'));
  const rejectButton = actions.reject === true && (
    <Button variant="secondary" data-color="danger" disabled={busy || !moveOn} onClick={() => void reject()}>
      {t('signing.reject_button')}
    </Button>
  );
  return (
    <section data-componentid={node.id} className="rt-field">
      {(error ?? loadError) && (
        <Alert data-color="danger">
          <Heading level={3} data-size="2xs">
            {t('signing.error')}
          </Heading>
          <Paragraph data-size="sm">{error ?? loadError}</Paragraph>
        </Alert>
      )}
      {panel === 'sign' && (
        <div className="rt-button-row">
          <Button disabled={busy || !signing} aria-busy={busy} onClick={() => void sign()}>
            {t('signing.sign_button')}
          </Button>
          {rejectButton}
        </div>
      )}
      {panel === 'awaiting' && (
        <Alert data-color="info">
          <Heading level={3} data-size="2xs">
            {t('signing.awaiting_signature_panel_title')}
          </Heading>
          <Paragraph data-size="sm">{t('signing.awaiting_signature_panel_body')}</Paragraph>
          {rejectButton}
        </Alert>
      )}
      {panel === 'submit' && (
        <div className="rt-button-row">
          <Paragraph data-size="sm">{t('signing.submit_panel_title')}</Paragraph>
          <Button disabled={busy || !moveOn} onClick={() => void run(submit)}>
            {t('signing.submit_button')}
          </Button>
          {rejectButton}
        </div>
      )}
    </section>
  );
}
