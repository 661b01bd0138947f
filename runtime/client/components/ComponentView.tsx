/**
 * Renders one node through the registry: hidden nodes render nothing, unknown types a placeholder.
 * In the studio's design mode every node goes through the given wrapper and hidden ones still show.
 */
import { Alert } from '@digdir/designsystemet-react';
import { Component, memo, useContext, type ReactNode } from 'react';
import { isHidden, type ComponentNode } from '../../../core/expressions';
import { DesignModeContext } from './designMode';
import { useNodeState } from './useNode';
import { componentFor } from './registry';

/** One broken component must not take the form down with it. */
class Boundary extends Component<{ id: string; children: ReactNode }, { failed: string | null }> {
  override state = { failed: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    if (this.state.failed) return <Alert data-color="danger">{`${this.props.id}: ${this.state.failed}`}</Alert>;
    return this.props.children;
  }
}

/**
 * Memoised on the node: a page re-rendering (it follows the whole form) must not re-render every
 * component; each one re-renders itself when its own version changes.
 */
export const ComponentView = memo(function ComponentView({ node }: { node: ComponentNode }) {
  const design = useContext(DesignModeContext);
  const derived = useNodeState(node);
  if (!derived) return null;
  const hidden = isHidden(node, derived.env);
  if (hidden && !design) return null;
  const content = renderContent(node, derived.env.builtInTexts?.['general.not_implemented']);
  return design ? design.renderNode(node, content, { hidden }) : content;
});

function renderContent(node: ComponentNode, notImplemented: string | undefined): ReactNode {
  const View = componentFor(node);
  if (!View) {
    const template = notImplemented ?? '{0}';
    return (
      <Alert data-color="neutral" data-size="sm" data-componentid={node.id} data-placeholder={node.type}>
        {template.replace('{0}', node.type)}
      </Alert>
    );
  }
  return (
    <Boundary id={node.id}>
      <div className="rt-component">
        <View node={node} />
      </div>
    </Boundary>
  );
}
