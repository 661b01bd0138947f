import type { PropertyInfo } from '../../../../core/catalog';
import { useT } from '../../../i18n/useT';
import { DraftField } from './DraftField';
import { ExpressionEditor } from './ExpressionEditor';
import { emptyComparison, toJson } from './expressionModel';
import type { ExpressionEditorProps } from './ExpressionEditor';
import { literalText, parseLiteral } from './propertyValues';

export interface PropertyFieldProps {
  readonly info: PropertyInfo;
  readonly value: unknown;
  /** Sets the value (undefined removes it); `live` edits pass a merge key so typing is one undo entry. */
  readonly onChange: (value: unknown, live?: boolean) => void;
  /** What an expression editor needs; absent when the property takes no expressions. */
  readonly expression?: Omit<ExpressionEditorProps, 'label' | 'value' | 'result' | 'onChange'>;
}

/** The expression a property starts with when switched to "expression". */
function startingExpression(info: PropertyInfo, value: unknown): unknown {
  if (info.expression === 'boolean') return toJson(emptyComparison());
  if (info.expression === 'number') return ['plus', typeof value === 'number' ? value : 0];
  return ['concat', typeof value === 'string' ? value : ''];
}

/** One property: a literal editor for its kind, or (where allowed) an expression. */
export function PropertyField({ info, value, onChange, expression }: PropertyFieldProps) {
  const t = useT();
  const isExpression = Array.isArray(value) && info.expression !== undefined;
  const label = (
    <span className="properties-label">
      <code>{info.name}</code>
      {info.description ? <span className="properties-description">{info.description}</span> : null}
    </span>
  );
  const modeSwitch =
    info.expression !== undefined && expression ? (
      <div className="properties-mode" role="group" aria-label={t('properties.valueMode', { property: info.name })}>
        <button type="button" className={`btn btn-sm ${!isExpression ? 'btn-primary' : ''}`} aria-pressed={!isExpression} onClick={() => isExpression && onChange(undefined)}>
          {t('properties.mode.value')}
        </button>
        <button type="button" className={`btn btn-sm ${isExpression ? 'btn-primary' : ''}`} aria-pressed={isExpression} onClick={() => !isExpression && onChange(startingExpression(info, value))}>
          {t('properties.mode.expression')}
        </button>
      </div>
    ) : null;

  if (isExpression && expression) {
    return (
      <div className="properties-property" data-property={info.name}>
        <div className="properties-property-head">
          {label}
          {modeSwitch}
        </div>
        <ExpressionEditor {...expression} label={info.name} value={value} result={info.expression!} onChange={(json) => onChange(json, true)} />
      </div>
    );
  }
  return (
    <div className="properties-property" data-property={info.name}>
      {modeSwitch ? <div className="properties-property-head properties-property-head-end">{modeSwitch}</div> : null}
      <LiteralEditor info={info} value={value} onChange={onChange} label={label} />
    </div>
  );
}

function LiteralEditor({ info, value, onChange, label }: { readonly info: PropertyInfo; readonly value: unknown; readonly onChange: PropertyFieldProps['onChange']; readonly label: React.ReactNode }) {
  const t = useT();
  if (info.editor === 'boolean') {
    const checked = value === true || (value === undefined && info.default === true);
    return (
      <label className="properties-check">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked ? true : info.default === true ? false : value === undefined ? undefined : false)}
        />
        {label}
      </label>
    );
  }
  if (info.editor === 'enum') {
    return (
      <div className="field properties-field">
        <label className="field-label">
          {label}
          <select className="input" value={value === undefined ? '' : String(value)} onChange={(e) => onChange(parseLiteralOrKeep(info, e.target.value))}>
            <option value="">{info.default !== undefined ? t('properties.default', { value: String(info.default) }) : t('properties.notSet')}</option>
            {(info.values ?? []).map((v) => (
              <option key={String(v)} value={String(v)}>
                {String(v)}
              </option>
            ))}
          </select>
        </label>
      </div>
    );
  }
  const structured = info.editor !== 'string' && info.editor !== 'number';
  return (
    <DraftField
      label={label}
      value={literalText(value, structured)}
      multiline={structured}
      live={!structured}
      placeholder={info.default !== undefined ? literalText(info.default) : undefined}
      onCommit={(text) => {
        const parsed = parseLiteral(info, text);
        if (!parsed.ok) return parsed.message;
        onChange(parsed.value, !structured);
        return null;
      }}
    />
  );
}

function parseLiteralOrKeep(info: PropertyInfo, text: string): unknown {
  const parsed = parseLiteral(info, text);
  return parsed.ok ? parsed.value : text;
}
