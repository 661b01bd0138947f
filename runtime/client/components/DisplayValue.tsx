/** Text, Number and Date: a read-only value (`value`, usually an expression) with its title. */
import { Label, Paragraph } from '@digdir/designsystemet-react';
import type { ComponentProps } from './registry';
import { RichText } from './RichText';
import { useNode } from './useNode';

/** A value as the runtime shows it: numbers in the locale, ISO dates as dd.mm.yyyy. */
export function displayText(kind: 'Text' | 'Number' | 'Date', value: unknown, language: string): string {
  if (value === null || value === undefined) return '';
  if (kind === 'Number') {
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) ? new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nb-NO').format(n) : String(value);
  }
  if (kind === 'Date' && typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    if (m) return `${m[3]}.${m[2]}.${m[1]}`;
  }
  return String(value);
}

function makeDisplay(kind: 'Text' | 'Number' | 'Date') {
  return function DisplayValue({ node }: ComponentProps) {
    const api = useNode(node);
    const title = api.text('title');
    const text = displayText(kind, api.prop('value'), api.derived.env.language ?? 'nb');
    return (
      <div className="rt-field" data-componentid={node.id}>
        {title && (
          <Label asChild>
            <div>
              <RichText text={title} inline />
            </div>
          </Label>
        )}
        <Paragraph>{text}</Paragraph>
      </div>
    );
  };
}

export const Text = makeDisplay('Text');
export const NumberValue = makeDisplay('Number');
export const DateValue = makeDisplay('Date');
