/** ButtonGroup: button-like children side by side, as one labelled group. */
import { ComponentView } from './ComponentView';
import type { ComponentProps } from './registry';
import { useNode } from './useNode';

export function ButtonGroup({ node }: ComponentProps) {
  const api = useNode(node);
  return (
    <div className="rt-button-group" role="group" aria-label={api.text('title')} data-componentid={node.id} style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--ds-size-2, 0.5rem)', alignItems: 'center' }}>
      {node.children.map((child) => (
        <ComponentView key={child.id} node={child} />
      ))}
    </div>
  );
}
