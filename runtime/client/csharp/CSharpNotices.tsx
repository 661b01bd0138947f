/**
 * The form app's notices about the app's C#: the data processor banner (once per page load, until
 * dismissed), the signee provider notice of a signing task (likewise) and the free-text entry
 * standing in for an options list only C# can compute.
 */
import { Alert, Button, Input, Paragraph } from '@digdir/designsystemet-react';
import { type ReactNode, useState } from 'react';
import type { ComponentNode } from '../../../core/expressions';
import type { NodeApi } from '../components/useNode';
import { describedBy, FieldShell } from '../components/FieldShell';
import { fieldId } from '../components/useNode';
import { useFormState } from '../state/FormContext';
import { csharpOptionsProvider, dataProcessorNoticeText, optionsNoticeText, signeeProviderNoticeText, useCSharpCode } from './csharpNotices';

let bannerDismissed = false;
let signeeNoticeDismissed = false;

/** The notice that a signing task's signees come from a C# signee provider (`providerId`) the preview cannot run; once per page load, until dismissed. */
export function SigneeProviderNotice({ providerId }: { providerId: string }) {
  const code = useCSharpCode();
  const language = useFormState((s) => s.defs?.language ?? 'nb');
  const [dismissed, setDismissed] = useState(signeeNoticeDismissed);
  if (dismissed) return null;
  return (
    <Alert data-color="info" data-testid="csharp-signee-provider-notice" className="rt-csharp-notice">
      <Paragraph data-size="sm">{signeeProviderNoticeText(code, providerId, language)}</Paragraph>
      <Button
        variant="tertiary"
        data-size="sm"
        onClick={() => {
          signeeNoticeDismissed = true;
          setDismissed(true);
        }}
      >
        {language === 'en' ? 'OK' : 'Greit'}
      </Button>
    </Alert>
  );
}

/** The banner saying the app's data processors do not run here; nothing when the app has none. */
export function DataProcessorBanner() {
  const code = useCSharpCode();
  const language = useFormState((s) => s.defs?.language ?? 'nb');
  const [dismissed, setDismissed] = useState(bannerDismissed);
  const text = dataProcessorNoticeText(code, language);
  if (!text || dismissed) return null;
  return (
    <Alert data-color="info" data-testid="csharp-data-processor-notice" className="rt-csharp-notice">
      <Paragraph>{text}</Paragraph>
      <Button
        variant="tertiary"
        data-size="sm"
        onClick={() => {
          bannerDismissed = true;
          setDismissed(true);
        }}
      >
        {language === 'en' ? 'OK' : 'Greit'}
      </Button>
    </Alert>
  );
}

/**
 * For a selection component whose `optionsId` has no JSON code list but a C# provider: the field with
 * a notice and free-text entry instead of the options (null otherwise, and the component renders as usual).
 */
export function useCSharpOptionsFallback(node: ComponentNode, api: NodeApi): ReactNode | null {
  const code = useCSharpCode();
  const optionsId = typeof node.config.optionsId === 'string' ? node.config.optionsId : undefined;
  const hasJsonList = useFormState((s) => (optionsId ? s.codeLists[optionsId] !== undefined : true));
  const language = useFormState((s) => s.defs?.language ?? 'nb');
  const provider = csharpOptionsProvider(code, optionsId, hasJsonList);
  if (!provider) return null;
  const value = api.value();
  return (
    <FieldShell node={node} api={api}>
      <Paragraph data-size="sm" data-testid="csharp-options-notice">
        {optionsNoticeText(provider, language)}
      </Paragraph>
      <Input
        id={fieldId(node)}
        value={value === undefined || value === null ? '' : String(value)}
        readOnly={api.readOnly}
        required={api.required}
        onChange={(e) => api.setValue(e.target.value === '' ? undefined : e.target.value, 'simpleBinding')}
        {...describedBy(node, api)}
      />
    </FieldShell>
  );
}
