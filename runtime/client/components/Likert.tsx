/**
 * Likert: a table with one question per row (the generated LikertItem of each data row) and one
 * radio per answer option; the answer is stored in the row's `answer` binding. The Likert's version
 * follows its rows (runtime/client/state/nodeChanges.ts); each row re-renders on its own changes.
 */
import { Table } from '@digdir/designsystemet-react';
import { memo } from 'react';
import type { ComponentNode } from '../../../core/expressions';
import { resolveOptions } from '../options/options';
import { useFormState } from '../state/FormContext';
import { likertQuestion } from './containerTexts';
import { Issues, RequiredMarker } from './FieldShell';
import type { ComponentProps } from './registry';
import { RichText } from './RichText';
import { visuallyHidden } from './RepeatingGroupTable';
import { fieldId, useNode } from './useNode';
import { useOptions } from './useOptions';
import { optionValue } from '../options/options';

/** One question, memoised: it re-renders when its own node changes (its answer, its question text). */
const LikertRow = memo(function LikertRow({ item }: { item: ComponentNode }) {
  const api = useNode(item);
  const options = useOptions(item, api, false) ?? [];
  const selected = optionValue(api.value());
  const question = likertQuestion(api.derived, item) ?? item.id;
  const questionId = `${fieldId(item)}-question`;
  if (api.hidden) return null;
  return (
    <Table.Row data-componentid={item.id}>
      <Table.HeaderCell scope="row" id={questionId}>
        <RichText text={question} inline />
        <RequiredMarker api={api} />
        <Issues node={item} api={api} />
      </Table.HeaderCell>
      {options.map((o, i) => (
        <Table.Cell key={o.value} style={{ textAlign: 'center' }}>
          <input
            type="radio"
            id={i === 0 ? fieldId(item) : undefined}
            name={item.id}
            value={o.value}
            checked={selected === o.value}
            disabled={api.readOnly}
            aria-label={`${question}: ${o.label}`}
            aria-invalid={api.issues.some((x) => x.severity === 'error') || undefined}
            onChange={() => api.setValue(o.value, 'simpleBinding', true)}
          />
        </Table.Cell>
      ))}
    </Table.Row>
  );
});

export function Likert({ node }: ComponentProps) {
  const api = useNode(node);
  const codeLists = useFormState((s) => s.codeLists);
  const options = resolveOptions(node, api.derived.env, codeLists) ?? [];
  const title = api.text('title');
  const left = api.text('leftColumnHeader');
  return (
    <div className="rt-likert" data-componentid={node.id}>
      <Table data-size="sm" zebra>
        {title && <caption style={{ textAlign: 'left' }}><RichText text={title} inline /></caption>}
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{left ? <RichText text={left} inline /> : <span style={visuallyHidden}>{title}</span>}</Table.HeaderCell>
            {options.map((o) => (
              <Table.HeaderCell key={o.value} style={{ textAlign: 'center' }}>
                <RichText text={o.label} inline />
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {node.children.map((item) => (
            <LikertRow key={item.id} item={item} />
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
