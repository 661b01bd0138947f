/**
 * The clone form's rules: the folder name a repository address suggests, and what the form still
 * needs before a clone can start. Pure, so they are unit-tested.
 */

/** The folder name an address suggests: its last path segment without `.git` ('' when there is none). */
export function folderNameOf(url: string): string {
  let pathname: string;
  try {
    pathname = new URL(url.trim()).pathname;
  } catch {
    return '';
  }
  const last = pathname.split('/').filter(Boolean).pop() ?? '';
  return decodeURIComponent(last).replace(/\.git$/i, '');
}

/** What is wrong with an address to clone from, or null when it can be tried. */
export function urlProblem(url: string): 'missing' | 'notAnAddress' | 'notHttp' | null {
  const value = url.trim();
  if (value === '') return 'missing';
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return 'notAnAddress';
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? null : 'notHttp';
}

/** The full path of the new folder `name` inside `parent`, with the host's separator. */
export function targetDir(parent: string, name: string): string {
  const separator = parent.includes('\\') && !parent.includes('/') ? '\\' : '/';
  return parent.endsWith(separator) ? `${parent}${name}` : `${parent}${separator}${name}`;
}
