/**
 * The form app: header with the app name and language choice, the current page's components, the
 * error report, and the save/sent notices. Focus moves to the page heading on every navigation.
 */
import { Alert, Field, Heading, Label, Paragraph, Select, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { ComponentView } from './components/ComponentView';
import { DataProcessorBanner } from './csharp/CSharpNotices';
import { ErrorReport } from './ErrorReport';
import { PrintView, printRequest } from './pdf/PrintView';
import { ProcessShell } from './process/ProcessShell';
import { useFormState, useFormStore } from './state/FormContext';

/** A language's name in the current language ("Norsk bokmål"), or its code where the browser has none. */
function languageName(code: string, current: string): string {
  try {
    const name = new Intl.DisplayNames([current, 'nb'], { type: 'language' }).of(code);
    return name && name !== code ? name.charAt(0).toLocaleUpperCase(current) + name.slice(1) : code;
  } catch {
    return code;
  }
}

function LanguageSelector() {
  const store = useFormStore();
  const languages = useFormState((s) => s.languages);
  const language = useFormState((s) => s.defs?.language ?? 'nb');
  const label = useFormState((s) => s.derived?.env.builtInTexts?.['general.language'] ?? 'Språk');
  if (languages.length < 2) return null;
  return (
    <Field className="rt-language">
      <Label htmlFor="rt-language">{label}</Label>
      <Select id="rt-language" value={language} onChange={(e) => void store.actions.setLanguage(e.target.value)}>
        {languages.map((l) => (
          <Select.Option key={l} value={l}>
            {languageName(l, language)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

/** The form, or its print view when the address asks for the PDF (`?pdf=1`). */
export function App() {
  return printRequest ? <PrintView request={printRequest} /> : <FormApp />;
}

function FormApp() {
  const status = useFormState((s) => s.status);
  const error = useFormState((s) => s.error);
  const derived = useFormState((s) => s.derived);
  const currentPage = useFormState((s) => s.currentPage);
  const navigationCount = useFormState((s) => s.navigationCount);
  const appName = useFormState((s) => s.appName);
  const saveError = useFormState((s) => s.saveError);
  const sent = useFormState((s) => s.sent);
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (navigationCount === 0) return;
    // The page's first heading gets focus so screen readers announce the new page.
    const heading = mainRef.current?.querySelector<HTMLElement>('h2, h3, h4') ?? mainRef.current?.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [navigationCount]);

  useEffect(() => {
    if (appName) document.title = appName;
  }, [appName]);

  if (status === 'loading') return <Spinner aria-label="Laster skjema" data-size="lg" />;
  if (status === 'error' || !derived) {
    return (
      <Alert data-color="danger" role="alert">
        <Heading level={2} data-size="xs">
          Skjemaet kunne ikke lastes
        </Heading>
        <Paragraph>{error}</Paragraph>
      </Alert>
    );
  }
  const page = derived.hierarchy.pages.find((p) => p.id === currentPage);
  return (
    <div className="rt-app">
      <header className="rt-header">
        <Heading level={1} data-size="lg">
          {appName}
        </Heading>
        <LanguageSelector />
      </header>
      <main ref={mainRef} className="rt-page" data-page={currentPage}>
        <DataProcessorBanner />
        <ProcessShell>
          {page?.children.map((node) => <ComponentView key={node.id} node={node} />)}
          <ErrorReport />
        </ProcessShell>
        {saveError && (
          <Alert data-color="warning" role="status">
            {derived.env.builtInTexts?.['general.saving_failed']} ({saveError})
          </Alert>
        )}
        {sent && (
          <Alert data-color="success" role="status" data-testid="sent">
            {derived.env.builtInTexts?.['general.sent']}
          </Alert>
        )}
      </main>
    </div>
  );
}
