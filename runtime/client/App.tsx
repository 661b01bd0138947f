/**
 * The form app: header with the app name and language choice, the current page's components, the
 * error report, and the save/sent notices. Focus moves to the page heading on every navigation.
 */
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ComponentView } from './components/ComponentView';
import { DataProcessorBanner } from './csharp/CSharpNotices';
import { ErrorReport } from './ErrorReport';
import { PrintView, printRequest } from './pdf/PrintView';
import { NoValidParty, PartySelection } from './process/PartySelection';
import { ProcessShell } from './process/ProcessShell';
import { processText } from './process/processTexts';
import { useFormState, useFormStore } from './state/FormContext';
import { loginAddress } from './state/loginAddress';

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

/** The logged-in person and "Log out", on a runtime host with a login. */
function SessionMenu() {
  const session = useFormState((s) => s.session);
  const language = useFormState((s) => s.defs?.language ?? 'nb');
  const texts = useFormState((s) => s.defs?.texts);
  if (!session) return null;
  return (
    <span className="rt-session">
      <span>{session.name}</span>
      <a href={session.logout}>{processText('login.logout', language, texts)}</a>
    </span>
  );
}

/** A person who must log in first: they are sent to the login (main.tsx); the link is there should that not happen. */
function LoginScreen() {
  const loginUrl = useFormState((s) => s.loginUrl ?? '');
  const t = (key: string) => processText(key, document.documentElement.lang || 'nb');
  return (
    <main className="rt-page">
      <Heading level={1} data-size="md">
        {t('login.title')}
      </Heading>
      <Paragraph>{t('login.body')}</Paragraph>
      <a href={loginAddress(loginUrl, window.location)}>{t('login.button')}</a>
    </main>
  );
}

/** "Change party" in the header, when the user may start the app for more than one party. */
function ChangeParty() {
  const store = useFormStore();
  const choices = useFormState((s) => s.partyChoices ?? 0);
  const hasInstance = useFormState((s) => s.defs?.instance != null);
  const language = useFormState((s) => s.defs?.language ?? 'nb');
  const texts = useFormState((s) => s.defs?.texts);
  if (choices < 2 || !hasInstance) return null;
  return (
    <Button data-variant="tertiary" data-size="sm" onClick={() => void store.actions.changeParty()} data-testid="change-party">
      {processText('party_selection.change_party', language, texts)}
    </Button>
  );
}

/** The party selection, or the no-valid-party message, before an instance is created. */
function PartyScreen() {
  const store = useFormStore();
  const prompt = useFormState((s) => s.partyPrompt);
  const appName = useFormState((s) => s.appName);
  const [busy, setBusy] = useState(false);
  if (!prompt) return null;
  const t = (key: string, params: readonly string[] = []) => processText(key, prompt.language, prompt.texts, params);
  const choose = (partyId: string) => {
    setBusy(true);
    void store.actions.chooseParty(partyId).finally(() => setBusy(false));
  };
  return (
    <div className="rt-app">
      <AppHeader appName={appName} />
      <main className="rt-page">{prompt.entry.kind === 'noValidParty' ? <NoValidParty t={t} prompt={prompt} /> : <PartySelection t={t} prompt={prompt} busy={busy} onChoose={choose} />}</main>
    </div>
  );
}

/** The app's name as the page's heading, with the header's tools beside it. */
function AppHeader({ appName, children }: { readonly appName: string | undefined; readonly children?: ReactNode }) {
  return (
    <header className="rt-header">
      <Heading level={1} data-size="lg">
        {appName}
      </Heading>
      {children}
    </header>
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
  if (status === 'party') return <PartyScreen />;
  if (status === 'login') return <LoginScreen />;
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
      <AppHeader appName={appName}>
        <div className="rt-header-tools">
          <SessionMenu />
          <ChangeParty />
          <LanguageSelector />
        </div>
      </AppHeader>
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
