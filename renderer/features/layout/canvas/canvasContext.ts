/** What every canvas item reads: the page's structure, runtime nodes, texts and problems (changes with the model). */
import { createContext } from 'react';
import type { Diagnostic } from '../../../../core/refs/diagnostic';
import type { ComponentNode as RuntimeNode } from '../../../../core/expressions';
import type { CanvasTree } from './canvasTree';

export interface CanvasData {
  readonly tree: CanvasTree;
  /** The first runtime instance of each layout id (the example row inside repeating groups). */
  readonly nodes: ReadonlyMap<string, RuntimeNode>;
  readonly texts: ReadonlyMap<string, string>;
  readonly problems: ReadonlyMap<string, readonly Diagnostic[]>;
  /** Opens the context menu of component `id` at a point. */
  readonly openMenu: (id: string, x: number, y: number) => void;
}

export const CanvasDataContext = createContext<CanvasData | null>(null);
