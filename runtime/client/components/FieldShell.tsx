/**
 * The frame of a labelled form component: label with required/optional marker, description, help
 * text, and the validation messages the input points at through aria-describedby.
 */
import { Details, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import type { ComponentNode } from '../../../core/expressions';
import { RichText } from './RichText';
import { fieldId, type NodeApi } from './useNode';

/** The ids an input's aria-describedby lists, and whether it is invalid. */
export function describedBy(node: ComponentNode, api: NodeApi): { 'aria-describedby'?: string; 'aria-invalid'?: boolean } {
  const ids = [api.text('description') ? `${fieldId(node)}-description` : '', api.issues.length > 0 ? `${fieldId(node)}-error` : ''].filter(Boolean);
  return { ...(ids.length > 0 ? { 'aria-describedby': ids.join(' ') } : {}), ...(api.issues.some((i) => i.severity === 'error') ? { 'aria-invalid': true } : {}) };
}

export function RequiredMarker({ api }: { api: NodeApi }) {
  if (api.required) return <span className="rt-required" aria-hidden="true"> *</span>;
  return null;
}

export function HelpText({ api }: { api: NodeApi }) {
  const help = api.text('help');
  if (!help) return null;
  return (
    <Details data-size="sm">
      <Details.Summary>{api.derived.env.builtInTexts?.['general.help'] ?? 'Hjelp'}</Details.Summary>
      <Details.Content>
        <RichText text={help} />
      </Details.Content>
    </Details>
  );
}

export function Issues({ node, api }: { node: ComponentNode; api: NodeApi }) {
  if (api.issues.length === 0) return null;
  return (
    <div id={`${fieldId(node)}-error`}>
      {api.issues.map((issue, i) => (
        <ValidationMessage key={i} data-color={issue.severity === 'error' ? 'danger' : issue.severity === 'warning' ? 'warning' : 'info'}>
          {issue.text}
        </ValidationMessage>
      ))}
    </div>
  );
}

/** A label + description + help + input + messages block. `asLegend` is for option groups (their frame is a fieldset). */
export function FieldShell({ node, api, children }: { node: ComponentNode; api: NodeApi; children: ReactNode }) {
  const description = api.text('description');
  return (
    <div className="rt-field" data-componentid={node.id}>
      <Label htmlFor={fieldId(node)}>
        <RichText text={api.text('title')} inline />
        <RequiredMarker api={api} />
      </Label>
      {description && (
        <Paragraph id={`${fieldId(node)}-description`} data-size="sm" asChild>
          <div>
            <RichText text={description} />
          </div>
        </Paragraph>
      )}
      <HelpText api={api} />
      {children}
      <Issues node={node} api={api} />
    </div>
  );
}
