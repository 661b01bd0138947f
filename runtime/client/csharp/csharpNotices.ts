/**
 * What the form app says about the app's C# that the preview cannot run (§1.3): the listing from
 * `GET api/preview/csharp`, fetched once per page load, and the notice texts. An options list whose
 * id has no JSON code list but a C# provider, and data processors, are where it matters to a user.
 */
import { useEffect, useState } from 'react';
import { type CSharpCode, optionsProviderFor } from '../../../core/app/csharpCode';
import { pageRequest } from './pageRequests';

let listing: Promise<readonly CSharpCode[]> | null = null;

/** The app's C# classes (fetched once per page load; an older server or a refusal gives none). */
export function loadCSharpCode(): Promise<readonly CSharpCode[]> {
  listing ??= pageRequest<CSharpCode[]>('GET', 'api/preview/csharp').then(
    (found) => (Array.isArray(found) ? found : []),
    () => [],
  );
  return listing;
}

/** The listing once loaded; null until then. */
export function useCSharpCode(): readonly CSharpCode[] | null {
  const [code, setCode] = useState<readonly CSharpCode[] | null>(null);
  useEffect(() => {
    let live = true;
    void loadCSharpCode().then((found) => live && setCode(found));
    return () => {
      live = false;
    };
  }, []);
  return code;
}

const fileName = (path: string) => path.split('/').pop() ?? path;

/** The C# provider behind `optionsId` when the app has no JSON code list for it (`hasJsonList` false), else null. */
export function csharpOptionsProvider(code: readonly CSharpCode[] | null, optionsId: string | undefined, hasJsonList: boolean): CSharpCode | null {
  if (!code || !optionsId || hasJsonList) return null;
  return optionsProviderFor(code, optionsId) ?? null;
}

/** The notice over the free-text entry that stands in for a C# options list. */
export function optionsNoticeText(provider: CSharpCode, language: string): string {
  const file = fileName(provider.file);
  return language === 'en'
    ? `This list comes from C# code (${file}) that the preview cannot run — pick a value:`
    : `Denne listen kommer fra C#-kode (${file}) som forhåndsvisningen ikke kan kjøre — skriv inn en verdi:`;
}

/** The notice that the task's signees come from a C# signee provider the preview cannot run (named by `providerId`, its file when the app has it). */
export function signeeProviderNoticeText(code: readonly CSharpCode[] | null, providerId: string, language: string): string {
  const provider = (code ?? []).find((c) => c.kind === 'signeeProvider' && c.id?.toLowerCase() === providerId.toLowerCase());
  const where = provider ? `${fileName(provider.file)}, "${providerId}"` : `"${providerId}"`;
  return language === 'en'
    ? `The signees come from C# code (${where}) that the preview cannot run: the persons the app's policy lets sign are listed instead.`
    : `Signatarene kommer fra C#-kode (${where}) som forhåndsvisningen ikke kan kjøre: personene appens tilgangsregler lar signere, vises i stedet.`;
}

/** The one banner per page load about data processors, naming their files; null when the app has none. */
export function dataProcessorNoticeText(code: readonly CSharpCode[] | null, language: string): string | null {
  const files = [...new Set((code ?? []).filter((c) => c.kind === 'dataProcessor' || c.kind === 'dataWriteProcessor').map((c) => fileName(c.file)))];
  if (files.length === 0) return null;
  const list = files.join(', ');
  return language === 'en'
    ? `Calculations in ${list} do not run in the preview: values the app computes in C# stay as they are typed.`
    : `Beregninger i ${list} kjører ikke i forhåndsvisningen: verdier appen regner ut i C# blir stående slik de er skrevet inn.`;
}
