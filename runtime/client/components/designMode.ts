/**
 * Design mode: the studio's layout editor renders the form app's components as a picture of the page.
 * When a DesignMode is given, ComponentView hands every node's rendering to `renderNode` (the studio
 * wraps it in a selectable item), and components hidden by their expressions still render, marked as
 * hidden, so they can be selected. Without it the form app renders as it always does.
 */
import { createContext, type ReactNode } from 'react';
import type { ComponentNode } from '../../../core/expressions';

export interface DesignNodeState {
  /** The node's `hidden` expression hides it at runtime. */
  readonly hidden: boolean;
}

export interface DesignMode {
  /** Wraps what a node renders (`content`); called for every node ComponentView renders. */
  readonly renderNode: (node: ComponentNode, content: ReactNode, state: DesignNodeState) => ReactNode;
}

/** Present only in the studio's layout canvas. */
export const DesignModeContext = createContext<DesignMode | null>(null);
