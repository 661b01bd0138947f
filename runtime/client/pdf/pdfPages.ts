/**
 * What goes into the PDF (§2.8, §2.14 step 8): the pages in order (or only `pdfLayoutName`), less
 * `pages.excludeFromPdf`, hidden pages and `components.excludeFromPdf`; how each component is drawn
 * (as its summary, as itself, or not at all); and `pageBreak` as CSS.
 */
import { evaluateExpression, isHidden, isPageHidden, type ComponentNode, type ExprEnvironment, type Hierarchy, type PageNode } from '../../../core/expressions';
import { hasDisplayValue } from '../../../core/expressions/displayValue';

/** The PDF-related parts of Settings.json. */
export interface PdfSettings {
  readonly pages?: { readonly excludeFromPdf?: unknown; readonly pdfLayoutName?: unknown; readonly hideAppNameInPdf?: unknown };
  readonly components?: { readonly excludeFromPdf?: unknown };
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The PDF's pages: `pdfLayoutName` alone when it names a page, else the ordered pages less the excluded and hidden ones. */
export function pdfPages(settings: PdfSettings | undefined, pageOrder: readonly string[], hierarchy: Hierarchy, env: ExprEnvironment): { pages: PageNode[]; custom: boolean } {
  const custom = settings?.pages?.pdfLayoutName;
  const byId = (id: string) => hierarchy.pages.find((p) => p.id === id);
  if (typeof custom === 'string' && byId(custom)) return { pages: [byId(custom)!], custom: true };
  const excluded = strings(settings?.pages?.excludeFromPdf);
  const pages = pageOrder.filter((id) => !excluded.includes(id)).map(byId).filter((p): p is PageNode => p !== undefined && !isPageHidden(p, env));
  return { pages, custom: false };
}

/** Components that only act (buttons, navigation): never printed. */
const interactive = new Set(['Button', 'NavigationButtons', 'NavigationBar', 'CustomButton', 'ActionButton', 'PrintButton', 'InstantiationButton', 'PDFPreviewButton', 'ButtonGroup', 'Link', 'SigningActions', 'Payment']);
/** Summaries repeat what the generated PDF already shows; a custom PDF page prints them as they are. */
const summaries = new Set(['Summary', 'Summary2']);

export type PrintMode = 'omit' | 'summary' | 'component';

/** How a top-level component is printed. */
export function printModeOf(node: ComponentNode, env: ExprEnvironment, excludedIds: readonly string[], custom: boolean): PrintMode {
  const type = node.canonicalType ?? node.type;
  if (excludedIds.includes(node.baseId) || isHidden(node, env) || interactive.has(type)) return 'omit';
  if (summaries.has(type)) return custom ? 'component' : 'omit';
  if (hasDisplayValue(node.config) || node.children.length > 0) return 'summary';
  return 'component';
}

/** `components.excludeFromPdf` of Settings.json. */
export function excludedComponents(settings: PdfSettings | undefined): string[] {
  return strings(settings?.components?.excludeFromPdf);
}

/** Whether the app name heading is left out (`hideAppNameInPdf`, may be an expression). */
export function hidesAppName(settings: PdfSettings | undefined, env: ExprEnvironment): boolean {
  return evaluateExpression(settings?.pages?.hideAppNameInPdf, { env }, { returnType: 'boolean', defaultValue: false }) === true;
}

const breakValues: Record<string, string> = { always: 'page', avoid: 'avoid-page', auto: 'auto' };

/** A component's `pageBreak` (`breakBefore`/`breakAfter`: auto, always, avoid or an expression) as CSS. */
export function pageBreakStyle(node: ComponentNode, env: ExprEnvironment): { breakBefore?: string; breakAfter?: string } {
  const pageBreak = node.config.pageBreak;
  if (pageBreak === null || typeof pageBreak !== 'object') return {};
  const read = (key: 'breakBefore' | 'breakAfter') => {
    const value = evaluateExpression((pageBreak as Record<string, unknown>)[key], { env, node, ...(node.location ? { location: node.location } : {}) }, { returnType: 'string', defaultValue: 'auto' });
    return typeof value === 'string' ? breakValues[value] : undefined;
  };
  const before = read('breakBefore');
  const after = read('breakAfter');
  return { ...(before && before !== 'auto' ? { breakBefore: before } : {}), ...(after && after !== 'auto' ? { breakAfter: after } : {}) };
}
