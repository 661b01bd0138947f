/**
 * Address: street address, zip code and post place (plus care-of and house number when
 * `simplified` is false), each bound to its own key. The post place is typed, not looked up.
 */
import { Field, Fieldset, Input, Label } from '@digdir/designsystemet-react';
import { HelpText, Issues, RequiredMarker } from './FieldShell';
import type { ComponentProps } from './registry';
import { RichText } from './RichText';
import { uiText } from './componentTexts';
import { fieldId, useNode } from './useNode';

interface Part {
  readonly binding: string;
  readonly textBinding: string;
  readonly builtIn: string;
  readonly autoComplete: string;
  readonly width?: string;
}

const simple: Part[] = [
  { binding: 'address', textBinding: 'title', builtIn: 'address.address', autoComplete: 'street-address' },
  { binding: 'zipCode', textBinding: 'zipCodeTitle', builtIn: 'address.zip_code', autoComplete: 'postal-code', width: '8rem' },
  { binding: 'postPlace', textBinding: 'postPlaceTitle', builtIn: 'address.post_place', autoComplete: 'address-level2' },
];
const extra: Part[] = [
  { binding: 'careOf', textBinding: 'careOfTitle', builtIn: 'address.care_of', autoComplete: 'off' },
  { binding: 'houseNumber', textBinding: 'houseNumberTitle', builtIn: 'address.house_number', autoComplete: 'off', width: '8rem' },
];

export function Address({ node }: ComponentProps) {
  const api = useNode(node);
  const env = api.derived.env;
  const parts = node.config.simplified === false ? [simple[0]!, extra[0]!, simple[1]!, simple[2]!, extra[1]!] : simple;
  const errorId = api.issues.length > 0 ? `${fieldId(node)}-error` : undefined;
  return (
    <Fieldset data-componentid={node.id}>
      <Fieldset.Legend>{uiText(env, 'address.legend')}</Fieldset.Legend>
      <HelpText api={api} />
      {parts
        .filter((p) => p.binding === 'address' || p.binding === 'zipCode' || p.binding === 'postPlace' || api.binding(p.binding))
        .map((p) => {
          const id = p.binding === 'address' ? fieldId(node) : `${fieldId(node)}-${p.binding}`;
          const value = api.value(p.binding);
          return (
            <Field key={p.binding}>
              <Label htmlFor={id}>
                <RichText text={api.text(p.textBinding) ?? uiText(env, p.builtIn)} inline />
                {p.binding !== 'careOf' && p.binding !== 'houseNumber' && <RequiredMarker api={api} />}
              </Label>
              <Input
                id={id}
                value={value === undefined || value === null ? '' : String(value)}
                readOnly={api.readOnly}
                required={api.required && p.binding !== 'careOf' && p.binding !== 'houseNumber'}
                autoComplete={p.autoComplete}
                inputMode={p.binding === 'zipCode' ? 'numeric' : undefined}
                style={p.width ? { maxWidth: p.width } : undefined}
                aria-describedby={errorId}
                aria-invalid={api.issues.some((i) => i.severity === 'error') || undefined}
                onChange={(e) => api.setValue(e.target.value, p.binding)}
              />
            </Field>
          );
        })}
      <Issues node={node} api={api} />
    </Fieldset>
  );
}
