/**
 * The print view (Altinn's `?pdf=1`): every page of the task's layout set in order (or only
 * `pdfLayoutName`), no navigation or buttons, form components as read-only summaries, and the
 * readiness signal on <html> a headless browser waits for before printing (printRequest.ts).
 */
import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useState, type CSSProperties } from 'react';
import type { ComponentNode } from '../../../core/expressions';
import { appLocationOf, createAppApi, type AppApi } from '../api/appApi';
import { takePreviewToken } from '../api/previewToken';
import { ComponentView } from '../components/ComponentView';
import { SummaryOf } from '../components/summaryParts';
import { deriveAll, type Derived } from '../state/derive';
import { FormContext, useFormState } from '../state/FormContext';
import { createFormStore } from '../state/formStore';
import { loadPrintForm } from './loadPrint';
import { excludedComponents, hidesAppName, pageBreakStyle, pdfPages, printModeOf, type PdfSettings } from './pdfPages';
import { pdfErrorAttribute, pdfReadyAttribute, printRequestOf, type PrintRequest } from './printRequest';
import './print.css';

/** The print request of this page's address, or null: the form app shows the form then. */
export const printRequest: PrintRequest | null = typeof window === 'undefined' ? null : printRequestOf(window.location.href);

/** The app API with the preview token the form app keeps (a deployment authenticates by cookie instead). */
function printApi(): AppApi {
  const location = appLocationOf(window.location.pathname);
  const token = takePreviewToken({
    href: window.location.href,
    sessionStorage: { getItem: (key) => window.sessionStorage.getItem(key), setItem: (key, value) => window.sessionStorage.setItem(key, value) },
    replaceUrl: (url) => window.history.replaceState(null, '', url),
  });
  return createAppApi(location?.base ?? './', undefined, token);
}

/** Resolves once fonts and images are in and two frames have been drawn. */
async function settled(): Promise<void> {
  await document.fonts.ready;
  const pending = [...document.images].filter((img) => !img.complete);
  await Promise.all(
    pending.map(
      (img) =>
        new Promise((done) => {
          img.addEventListener('load', done, { once: true });
          img.addEventListener('error', done, { once: true });
        }),
    ),
  );
  for (let i = 0; i < 2; i++) await new Promise((done) => requestAnimationFrame(() => done(undefined)));
}

function PrintNode({ derived, node, excluded, custom }: { derived: Derived; node: ComponentNode; excluded: readonly string[]; custom: boolean }) {
  const mode = printModeOf(node, derived.env, excluded, custom);
  if (mode === 'omit') return null;
  const style = pageBreakStyle(node, derived.env) as CSSProperties;
  return (
    <div className="rt-pdf-component" style={style} data-pdf-component={node.id}>
      {mode === 'summary' ? <SummaryOf derived={derived} node={node} options={{ hideEmpty: false, hideChange: true, excluded }} level={2} /> : <ComponentView node={node} />}
    </div>
  );
}

function PrintPages() {
  const derived = useFormState((s) => s.derived);
  const defs = useFormState((s) => s.defs);
  const settings = useFormState((s) => s.settings) as PdfSettings | undefined;
  const appName = useFormState((s) => s.appName);
  if (!derived || !defs) return null;
  const { pages, custom } = pdfPages(settings, defs.pageOrder, derived.hierarchy, derived.env);
  const excluded = excludedComponents(settings);
  return (
    <main className="rt-pdf">
      {!hidesAppName(settings, derived.env) && (
        <Heading level={1} data-size="lg" className="rt-pdf-title">
          {appName}
        </Heading>
      )}
      {pages.map((page) => (
        <section key={page.id} className="rt-pdf-page" data-pdf-page={page.id}>
          {page.children.map((node) => (
            <PrintNode key={node.id} derived={derived} node={node} excluded={excluded} custom={custom} />
          ))}
        </section>
      ))}
    </main>
  );
}

/** The print view of `request`; loads the instance itself and marks <html> ready (or failed) for the PDF service. */
export function PrintView({ request }: { request: PrintRequest }) {
  const [{ api, store }] = useState(() => {
    const client = printApi();
    return { api: client, store: createFormStore(client) };
  });
  const [status, setStatus] = useState<{ kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string }>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    // The print view never edits, so the store is filled once and its saving is never triggered.
    loadPrintForm(api, request)
      .then((form) => {
        if (!live) return;
        const derived = deriveAll(form.defs, form.data, form.codeLists);
        store.setState({ status: 'ready', ...form, derived, currentPage: form.defs.pageOrder[0] });
        document.documentElement.lang = request.language;
        if (form.appName) document.title = form.appName;
        setStatus({ kind: 'ready' });
      })
      .catch((caught: unknown) => {
        const message = caught instanceof Error ? caught.message : String(caught);
        if (live) setStatus({ kind: 'error', message });
        document.documentElement.setAttribute(pdfErrorAttribute, message);
      });
    return () => {
      live = false;
    };
  }, [api, request, store]);

  useEffect(() => {
    if (status.kind !== 'ready') return;
    void settled().then(() => {
      document.documentElement.setAttribute(pdfReadyAttribute, 'true');
      (window as unknown as { __pdfReady?: boolean }).__pdfReady = true;
    });
  }, [status]);

  if (status.kind === 'loading') return <Spinner aria-label="Laster utskrift" data-size="lg" />;
  if (status.kind === 'error') {
    return (
      <Alert data-color="danger" role="alert">
        <Heading level={2} data-size="xs">
          Utskriften kunne ikke lages
        </Heading>
        <Paragraph>{status.message}</Paragraph>
      </Alert>
    );
  }
  return (
    <FormContext.Provider value={store}>
      <PrintPages />
    </FormContext.Provider>
  );
}
