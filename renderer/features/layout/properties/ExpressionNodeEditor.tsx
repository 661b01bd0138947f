import { useState } from 'react';
import { expressionFunctions, functionSignature } from '../../../../core/expressions';
import { useT } from '../../../i18n/useT';
import { type BuilderKind, type BuilderNode, comparisonNames, defaultArgs, emptyComparison, type Literal, nodeOfKind, parseRawJson } from './expressionModel';
import type { FieldChoice } from './bindingFields';

/** What operand pickers offer: data fields and component ids of the layout set. */
export interface OperandChoices {
  readonly fields: readonly FieldChoice[];
  readonly componentIds: readonly string[];
}

interface NodeProps {
  readonly node: BuilderNode;
  readonly onChange: (node: BuilderNode) => void;
  readonly choices: OperandChoices;
  /** Shown before the kind picker, e.g. "remove" for group items. */
  readonly onRemove?: () => void;
}

const kinds: readonly BuilderKind[] = ['compare', 'group', 'not', 'dataModel', 'component', 'literal', 'call', 'raw'];
const functionNames = Object.keys(expressionFunctions).sort();

function literalType(value: Literal): 'string' | 'number' | 'boolean' | 'null' {
  return value === null ? 'null' : (typeof value as 'string' | 'number' | 'boolean');
}

/** One node of the expression builder and, inside it, its operands and items. */
export function ExpressionNodeEditor({ node, onChange, choices, onRemove }: NodeProps) {
  const t = useT();
  const kindPicker = (
    <select className="input expr-kind" aria-label={t('properties.expr.kind')} value={node.kind} onChange={(e) => onChange(nodeOfKind(e.target.value as BuilderKind, node))}>
      {kinds.map((k) => (
        <option key={k} value={k}>
          {t(`properties.expr.kind.${k}`)}
        </option>
      ))}
    </select>
  );
  const remove = onRemove ? (
    <button type="button" className="btn btn-ghost btn-sm" onClick={onRemove} aria-label={t('properties.expr.remove')}>
      ×
    </button>
  ) : null;
  return (
    <div className={`expr-node expr-${node.kind}`}>
      <div className="expr-head">
        {kindPicker}
        {node.kind === 'group' ? (
          <select className="input" aria-label={t('properties.expr.groupOp')} value={node.op} onChange={(e) => onChange({ ...node, op: e.target.value as 'and' | 'or' })}>
            <option value="and">{t('properties.expr.and')}</option>
            <option value="or">{t('properties.expr.or')}</option>
          </select>
        ) : null}
        <NodeInline node={node} onChange={onChange} choices={choices} />
        {remove}
      </div>
      <NodeBody node={node} onChange={onChange} choices={choices} />
    </div>
  );
}

/** The parts of a leaf node that fit on its head line. */
function NodeInline({ node, onChange, choices }: NodeProps) {
  const t = useT();
  switch (node.kind) {
    case 'dataModel': {
      const known = choices.fields.some((f) => f.path === node.path);
      return (
        <select className="input" aria-label={t('properties.expr.field')} value={node.path} onChange={(e) => onChange({ ...node, path: e.target.value })}>
          <option value="">{t('properties.expr.pickField')}</option>
          {!known && node.path !== '' ? <option value={node.path}>{t('properties.binding.missingOption', { path: node.path })}</option> : null}
          {choices.fields.map((f) => (
            <option key={f.path} value={f.path}>
              {`${f.path} (${f.typeLabel})`}
            </option>
          ))}
        </select>
      );
    }
    case 'component': {
      const known = choices.componentIds.includes(node.id);
      return (
        <select className="input" aria-label={t('properties.expr.component')} value={node.id} onChange={(e) => onChange({ ...node, id: e.target.value })}>
          <option value="">{t('properties.expr.pickComponent')}</option>
          {!known && node.id !== '' ? <option value={node.id}>{node.id}</option> : null}
          {choices.componentIds.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      );
    }
    case 'literal':
      return <LiteralEditor value={node.value} onChange={(value) => onChange({ kind: 'literal', value })} />;
    case 'call':
      return (
        <select className="input" aria-label={t('properties.expr.function')} value={node.name} onChange={(e) => onChange({ kind: 'call', name: e.target.value, args: defaultArgs(e.target.value) })}>
          {functionNames.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      );
    case 'raw':
      return <RawEditor json={node.json} onChange={(json) => onChange({ kind: 'raw', json })} />;
    default:
      return null;
  }
}

/** The nested parts of a node: group items, the negated condition, comparison operands, call arguments. */
function NodeBody({ node, onChange, choices }: NodeProps) {
  const t = useT();
  switch (node.kind) {
    case 'group': {
      const setItem = (i: number, item: BuilderNode) => onChange({ ...node, items: node.items.map((x, j) => (j === i ? item : x)) });
      return (
        <div className="expr-children">
          {node.items.map((item, i) => (
            <ExpressionNodeEditor key={i} node={item} choices={choices} onChange={(next) => setItem(i, next)} onRemove={() => onChange({ ...node, items: node.items.filter((_, j) => j !== i) })} />
          ))}
          <div className="expr-actions">
            <button type="button" className="btn btn-sm" onClick={() => onChange({ ...node, items: [...node.items, emptyComparison()] })}>
              {t('properties.expr.addCondition')}
            </button>
            <button type="button" className="btn btn-sm" onClick={() => onChange({ ...node, items: [...node.items, { kind: 'group', op: node.op === 'and' ? 'or' : 'and', items: [emptyComparison()] }] })}>
              {t('properties.expr.addGroup')}
            </button>
          </div>
        </div>
      );
    }
    case 'not':
      return (
        <div className="expr-children">
          <ExpressionNodeEditor node={node.item} choices={choices} onChange={(item) => onChange({ ...node, item })} />
        </div>
      );
    case 'compare':
      return (
        <div className="expr-children expr-compare-parts">
          <ExpressionNodeEditor node={node.left} choices={choices} onChange={(left) => onChange({ ...node, left })} />
          <select className="input expr-op" aria-label={t('properties.expr.operator')} value={node.op} onChange={(e) => onChange({ ...node, op: e.target.value as typeof node.op })}>
            {comparisonNames.map((op) => (
              <option key={op} value={op}>
                {t(`properties.expr.op.${op}`)}
              </option>
            ))}
          </select>
          <ExpressionNodeEditor node={node.right} choices={choices} onChange={(right) => onChange({ ...node, right })} />
        </div>
      );
    case 'call': {
      const signature = functionSignature(node.name);
      const canAdd = signature ? signature.rest !== undefined || node.args.length < signature.args.length : true;
      const setArg = (i: number, arg: BuilderNode) => onChange({ ...node, args: node.args.map((x, j) => (j === i ? arg : x)) });
      return (
        <div className="expr-children">
          {node.args.map((arg, i) => (
            <ExpressionNodeEditor key={i} node={arg} choices={choices} onChange={(next) => setArg(i, next)} onRemove={() => onChange({ ...node, args: node.args.filter((_, j) => j !== i) })} />
          ))}
          {canAdd ? (
            <div className="expr-actions">
              <button type="button" className="btn btn-sm" onClick={() => onChange({ ...node, args: [...node.args, { kind: 'literal', value: '' }] })}>
                {t('properties.expr.addArgument')}
              </button>
            </div>
          ) : null}
        </div>
      );
    }
    default:
      return null;
  }
}

/** A literal of any JSON scalar type: text, number, yes/no or null. */
function LiteralEditor({ value, onChange }: { readonly value: Literal; readonly onChange: (value: Literal) => void }) {
  const t = useT();
  const type = literalType(value);
  const [numberText, setNumberText] = useState<string | null>(null);
  const retype = (next: string) => {
    if (next === 'null') onChange(null);
    else if (next === 'boolean') onChange(true);
    else if (next === 'number') onChange(Number.isFinite(Number(value)) && value !== '' && value !== null ? Number(value) : 0);
    else onChange(value === null ? '' : String(value));
  };
  return (
    <>
      <select className="input expr-literal-type" aria-label={t('properties.expr.literalType')} value={type} onChange={(e) => retype(e.target.value)}>
        <option value="string">{t('properties.expr.literal.string')}</option>
        <option value="number">{t('properties.expr.literal.number')}</option>
        <option value="boolean">{t('properties.expr.literal.boolean')}</option>
        <option value="null">{t('properties.expr.literal.null')}</option>
      </select>
      {type === 'string' ? <input className="input" aria-label={t('properties.expr.value')} value={value as string} onChange={(e) => onChange(e.target.value)} /> : null}
      {type === 'number' ? (
        <input
          className="input"
          inputMode="decimal"
          aria-label={t('properties.expr.value')}
          value={numberText ?? String(value)}
          onChange={(e) => {
            setNumberText(e.target.value);
            const parsed = Number(e.target.value);
            if (e.target.value.trim() !== '' && Number.isFinite(parsed)) onChange(parsed);
          }}
          onBlur={() => setNumberText(null)}
        />
      ) : null}
      {type === 'boolean' ? (
        <select className="input" aria-label={t('properties.expr.value')} value={String(value)} onChange={(e) => onChange(e.target.value === 'true')}>
          <option value="true">{t('properties.expr.true')}</option>
          <option value="false">{t('properties.expr.false')}</option>
        </select>
      ) : null}
    </>
  );
}

/** JSON the builder has no form for, edited as text; kept as it is until the text is valid JSON. */
export function RawEditor({ json, onChange, label }: { readonly json: unknown; readonly onChange: (json: unknown) => void; readonly label?: string }) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="expr-raw">
      <textarea
        className="input properties-textarea"
        aria-label={label ?? t('properties.expr.json')}
        spellCheck={false}
        rows={3}
        value={draft ?? JSON.stringify(json)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          const parsed = parseRawJson(e.target.value);
          setError(parsed.ok ? null : parsed.message);
          if (parsed.ok) onChange(parsed.json);
        }}
        onBlur={() => {
          if (!error) setDraft(null);
        }}
      />
      {error ? (
        <p className="field-error" role="alert">
          {t('properties.expr.invalidJson', { message: error })}
        </p>
      ) : null}
    </div>
  );
}
