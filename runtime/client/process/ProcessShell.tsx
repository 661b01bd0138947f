/**
 * Wraps the form with the instance's process: the form (with the server's issues when process/next
 * refused), or the built-in confirmation, feedback, receipt and instance-selection screens. Stateless
 * apps have no process and get the form as it is.
 */
import { Spinner } from '@digdir/designsystemet-react';
import { type ReactNode, useState } from 'react';
import { resolveText } from '../../../core/expressions';
import type { InstanceDataElement } from '../api/appApi';
import { pagePaymentApi } from '../api/paymentApi';
import { PaymentReceipt, paymentTaskIds } from '../components/payment/PaymentReceipt';
import { printPath } from '../pdf/printRequest';
import { useFormState } from '../state/FormContext';
import { InstanceSelection } from './InstanceSelection';
import { pageAppApi } from './pageApi';
import { ProcessActionContext } from './processActions';
import { ConfirmScreen, FeedbackScreen, NoLayoutScreen, ReceiptScreen } from './ProcessScreens';
import { processText } from './processTexts';
import { ServerIssues } from './ServerIssues';
import { useReceiptElements } from './useReceiptElements';
import { useProcess } from './useProcess';

/** The data types Altinn's receipt leaves out: app-owned bookkeeping, not what the user sent. */
const hiddenOnReceipt = new Set(['signee-states']);

export function ProcessShell({ children }: { children: ReactNode }) {
  const [apis] = useState(pageAppApi);
  const [paymentApi] = useState(pagePaymentApi);
  const hasInstance = useFormState((s) => s.defs?.instance != null);
  const texts = useFormState((s) => s.defs?.texts ?? []);
  const appName = useFormState((s) => s.appName ?? '');
  const base = useState(() => window.location.pathname.replace(/[^/]*$/, ''))[0];
  const { view, process, failure, busy, instanceId, language, moveOn, openInstance, startNew } = useProcess(apis);
  const elements = useReceiptElements(apis.app, view.kind === 'receipt' ? instanceId : null);
  const env = useFormState((s) => s.derived?.env);
  // A text the app defines is resolved like any of its texts (its variables read the data); Altinn's defaults take `params`.
  const t = (key: string, params: readonly string[] = []) =>
    env && params.length === 0 && texts.some((r) => r.id === key) ? resolveText(key, env) : processText(key, language, texts, params);
  if (!hasInstance) return <>{children}</>;
  const failed = failure && (
    <ServerIssues issues={failure.issues} message={failure.message} heading={t('process.failed')} />
  );
  switch (view.kind) {
    case 'starting':
      return failure ? failed : <Spinner aria-label={t('process.moving')} data-size="lg" />;
    case 'select':
      return <InstanceSelection t={t} language={language} instances={view.instances} busy={busy} onOpen={(id) => void openInstance(id)} onNew={() => void startNew()} />;
    case 'confirm': {
      // The answers: the print view of the last task before this one that has a form.
      const tasks = process?.processTasks ?? [];
      const before = tasks.slice(0, Math.max(0, tasks.findIndex((task) => task.elementId === view.taskId)));
      const answersTask = before.reverse()[0]?.elementId;
      const answersHref = instanceId && answersTask ? printPath(base, { instanceId, taskId: answersTask, language }) : null;
      return <ConfirmScreen t={t} appName={appName} answersHref={answersHref} busy={busy} error={failure?.message ?? null} onConfirm={() => void moveOn('confirm')} />;
    }
    case 'feedback':
      return <FeedbackScreen t={t} />;
    case 'receipt':
      if (view.customSetId) return <>{children}</>;
      return (
        <>
          <ReceiptScreen
            t={t}
            appName={appName}
            elements={elements?.filter((e) => !hiddenOnReceipt.has(e.dataType)) ?? null}
            hrefOf={(e: InstanceDataElement) => `${base}instances/${instanceId}/data/${encodeURIComponent(e.id)}`}
          />
          <PaymentReceipt client={paymentApi} instanceId={instanceId} taskIds={paymentTaskIds(process?.processTasks)} language={language} texts={texts} />
        </>
      );
    case 'noLayout':
      return <NoLayoutScreen t={t} taskId={view.taskId} taskType={view.taskType} />;
    case 'form':
      return (
        <ProcessActionContext.Provider value={moveOn}>
          {children}
          {failed}
        </ProcessActionContext.Provider>
      );
  }
}
