/**
 * Monaco, bundled with the app (no network): the worker setup of toolchain.md §4. Vite emits each
 * worker as a file of its own, served by both hosts from 'self' (the CSP's worker-src).
 */
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import CssWorker from 'monaco-editor/languages/features/css/css.worker?worker';
import HtmlWorker from 'monaco-editor/languages/features/html/html.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';

interface MonacoEnvironmentHolder {
  MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
}

// Once getWorker is defined it must handle every label: the core worker for the rest.
(self as unknown as MonacoEnvironmentHolder).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'json') return new JsonWorker();
    if (label === 'css' || label === 'scss' || label === 'less') return new CssWorker();
    if (label === 'html' || label === 'handlebars' || label === 'razor') return new HtmlWorker();
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    return new EditorWorker();
  },
};

// JSON options (comments and trailing commas allowed, no schema fetching, the catalogue's schemas) are set by
// intelligence/registerIntelligence.ts when the code view starts.

export { monaco };
