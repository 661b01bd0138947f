import { useState } from 'react';
import type { AppModel } from '../../../../core/app/model/types';
import type { ExprResult } from '../../../../core/catalog';
import { useT } from '../../../i18n/useT';
import { evaluateAt, expressionProblems } from './expressionResult';
import { toBuilder, toJson } from './expressionModel';
import { ExpressionNodeEditor, type OperandChoices, RawEditor } from './ExpressionNodeEditor';
import type { LayoutSetContext } from './layoutSetContext';
import { usePreviewFormData } from './previewFormData';

export interface ExpressionEditorProps {
  readonly label: string;
  readonly value: unknown;
  readonly result: ExprResult;
  readonly onChange: (json: unknown) => void;
  readonly model: AppModel;
  readonly context: LayoutSetContext;
  readonly componentId: string;
  readonly choices: OperandChoices;
  readonly language: string;
}

/**
 * An expression as a builder (groups, comparisons, operands, any function) or as JSON text, with its
 * static check in words and its value for the preview's current data (or empty data).
 */
export function ExpressionEditor({ label, value, result, onChange, model, context, componentId, choices, language }: ExpressionEditorProps) {
  const t = useT();
  const [mode, setMode] = useState<'builder' | 'json'>('builder');
  const preview = usePreviewFormData(context.folder.id);
  const problems = expressionProblems(value, result);
  const evaluation = evaluateAt(model, context, componentId, value, result, preview?.data ?? {}, language);
  return (
    <fieldset className="expr-editor" aria-label={t('properties.expr.editorFor', { property: label })}>
      <div className="expr-modes" role="group" aria-label={t('properties.expr.mode')}>
        <button type="button" className={`btn btn-sm ${mode === 'builder' ? 'btn-primary' : ''}`} aria-pressed={mode === 'builder'} onClick={() => setMode('builder')}>
          {t('properties.expr.builder')}
        </button>
        <button type="button" className={`btn btn-sm ${mode === 'json' ? 'btn-primary' : ''}`} aria-pressed={mode === 'json'} onClick={() => setMode('json')}>
          {t('properties.expr.jsonMode')}
        </button>
      </div>
      {mode === 'builder' ? (
        <ExpressionNodeEditor node={toBuilder(value)} choices={choices} onChange={(node) => onChange(toJson(node))} />
      ) : (
        <RawEditor json={value} onChange={onChange} label={t('properties.expr.jsonFor', { property: label })} />
      )}
      {problems.length === 0 ? (
        <p className="expr-check expr-ok">{t('properties.expr.noProblems')}</p>
      ) : (
        <ul className="expr-check" aria-label={t('properties.expr.problems')}>
          {problems.map((p, i) => (
            <li key={i} className={`expr-problem expr-problem-${p.severity}`}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
      <p className="expr-value" data-testid="expression-value">
        {preview ? t('properties.expr.valueInPreview') : t('properties.expr.valueEmptyData')}{' '}
        {evaluation.ok ? <code>{JSON.stringify(evaluation.value)}</code> : <span className="expr-eval-error">{t('properties.expr.evalFailed', { message: evaluation.message })}</span>}
      </p>
    </fieldset>
  );
}
