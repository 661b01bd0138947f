/** The fieldset frame of Checkboxes and RadioButtons: legend with marker, description, help, messages. */
import { Fieldset } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import type { ComponentNode } from '../../../core/expressions';
import { HelpText, Issues, RequiredMarker } from './FieldShell';
import { RichText } from './RichText';
import { fieldId, type NodeApi } from './useNode';

export function OptionGroup({ node, api, children }: { node: ComponentNode; api: NodeApi; children: ReactNode }) {
  const description = api.text('description');
  return (
    <Fieldset id={fieldId(node)} tabIndex={-1} data-componentid={node.id} aria-invalid={api.issues.some((i) => i.severity === 'error') || undefined}>
      <Fieldset.Legend>
        <RichText text={api.text('title')} inline />
        <RequiredMarker api={api} />
      </Fieldset.Legend>
      {description && (
        <Fieldset.Description>
          <RichText text={description} inline />
        </Fieldset.Description>
      )}
      <HelpText api={api} />
      {children}
      <Issues node={node} api={api} />
    </Fieldset>
  );
}
