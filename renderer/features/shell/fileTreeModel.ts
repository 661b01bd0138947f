import type { FileEntry } from '../../../core/api';

/** One visible row of the file tree, with what ARIA needs to describe its place. */
export interface TreeRow {
  readonly path: string;
  readonly name: string;
  readonly kind: 'file' | 'dir';
  /** 1 for top-level entries. */
  readonly level: number;
  /** 1-based position among its siblings, and the number of siblings. */
  readonly posInSet: number;
  readonly setSize: number;
  readonly parent: string | null;
  readonly expanded: boolean;
}

interface Node {
  readonly path: string;
  readonly name: string;
  readonly kind: 'file' | 'dir';
  readonly children: Node[];
}

const compare = (a: Node, b: Node) =>
  a.kind !== b.kind ? (a.kind === 'dir' ? -1 : 1) : a.name.localeCompare(b.name, 'en', { numeric: true, sensitivity: 'base' }) || (a.name < b.name ? -1 : 1);

/** The file list as a tree: folders first, then files, each in natural order. */
export function buildTree(files: readonly FileEntry[]): readonly Node[] {
  const root: Node[] = [];
  const dirs = new Map<string, Node>();
  const ensureDir = (path: string): Node[] => {
    if (path === '') return root;
    const existing = dirs.get(path);
    if (existing) return existing.children;
    const slash = path.lastIndexOf('/');
    const node: Node = { path, name: path.slice(slash + 1), kind: 'dir', children: [] };
    dirs.set(path, node);
    ensureDir(slash < 0 ? '' : path.slice(0, slash)).push(node);
    return node.children;
  };
  for (const file of files) {
    if (file.kind === 'dir') {
      ensureDir(file.path);
      continue;
    }
    const slash = file.path.lastIndexOf('/');
    ensureDir(slash < 0 ? '' : file.path.slice(0, slash)).push({ path: file.path, name: file.path.slice(slash + 1), kind: 'file', children: [] });
  }
  const sortAll = (nodes: Node[]) => {
    nodes.sort(compare);
    for (const n of nodes) if (n.children.length) sortAll(n.children);
  };
  sortAll(root);
  return root;
}

/** The rows a person sees: every top-level entry and the contents of open folders. */
export function visibleRows(tree: readonly Node[], expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (nodes: readonly Node[], level: number, parent: string | null) => {
    nodes.forEach((node, i) => {
      const open = node.kind === 'dir' && expanded.has(node.path);
      rows.push({ path: node.path, name: node.name, kind: node.kind, level, posInSet: i + 1, setSize: nodes.length, parent, expanded: open });
      if (open) walk(node.children, level + 1, node.path);
    });
  };
  walk(tree, 1, null);
  return rows;
}

/** The folders that must be open for `path` to be visible. */
export function ancestorsOf(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

export type TreeKeyAction =
  | { readonly kind: 'focus'; readonly path: string }
  | { readonly kind: 'toggle'; readonly path: string; readonly open: boolean }
  | { readonly kind: 'activate'; readonly path: string }
  | { readonly kind: 'none' };

/** What a key does in the tree (WAI-ARIA tree view pattern), given the focused row. */
export function treeKeyAction(rows: readonly TreeRow[], focused: string, key: string): TreeKeyAction {
  const index = rows.findIndex((r) => r.path === focused);
  const row = rows[index];
  if (!row) return rows[0] ? { kind: 'focus', path: rows[0].path } : { kind: 'none' };
  switch (key) {
    case 'ArrowDown':
      return index + 1 < rows.length ? { kind: 'focus', path: rows[index + 1]!.path } : { kind: 'none' };
    case 'ArrowUp':
      return index > 0 ? { kind: 'focus', path: rows[index - 1]!.path } : { kind: 'none' };
    case 'Home':
      return { kind: 'focus', path: rows[0]!.path };
    case 'End':
      return { kind: 'focus', path: rows[rows.length - 1]!.path };
    case 'ArrowRight':
      if (row.kind !== 'dir') return { kind: 'none' };
      if (!row.expanded) return { kind: 'toggle', path: row.path, open: true };
      return rows[index + 1]?.parent === row.path ? { kind: 'focus', path: rows[index + 1]!.path } : { kind: 'none' };
    case 'ArrowLeft':
      if (row.kind === 'dir' && row.expanded) return { kind: 'toggle', path: row.path, open: false };
      return row.parent ? { kind: 'focus', path: row.parent } : { kind: 'none' };
    case 'Enter':
    case ' ':
      return row.kind === 'dir' ? { kind: 'toggle', path: row.path, open: !row.expanded } : { kind: 'activate', path: row.path };
    default:
      return { kind: 'none' };
  }
}

/**
 * The file list after `changes`: deleted files leave it, created ones join it with their folders.
 * The same array when nothing is added or removed, so the tree does not redraw for a plain edit.
 */
export function withFileChanges(files: readonly FileEntry[], changes: ReadonlyMap<string, string | null>): readonly FileEntry[] {
  const known = new Set(files.map((f) => f.path));
  const removed = new Set([...changes].filter(([path, text]) => text === null && known.has(path)).map(([path]) => path));
  const added: FileEntry[] = [];
  for (const [path, text] of changes) {
    if (text === null || known.has(path)) continue;
    for (const dir of ancestorsOf(path)) {
      if (known.has(dir)) continue;
      known.add(dir);
      added.push({ path: dir, kind: 'dir' });
    }
    known.add(path);
    added.push({ path, kind: 'file', size: new TextEncoder().encode(text).length });
  }
  if (removed.size === 0 && added.length === 0) return files;
  return [...files.filter((f) => !removed.has(f.path)), ...added].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
