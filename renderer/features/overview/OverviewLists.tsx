import type { AppProblem, DataModelOverview } from '../../../core/app/overview';
import type { ProcessTask } from '../../../core/app/bpmnTasks';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/stores';
import { Icon } from '../../ui/Icon';

/** The data models with their files. */
export function DataModelsTable({ models }: { readonly models: readonly DataModelOverview[] }) {
  const t = useT();
  if (models.length === 0) return <p className="muted">{t('overview.noDataModels')}</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('overview.model')}</th>
          <th scope="col">{t('overview.modelUse')}</th>
          <th scope="col">{t('overview.files')}</th>
        </tr>
      </thead>
      <tbody>
        {models.map((model) => (
          <tr key={model.id} data-model-id={model.id}>
            <th scope="row" className="mono cell-name">
              {model.id}
            </th>
            <td className="nowrap">
              <span className={model.isFormModel ? 'badge badge-accent' : 'badge'}>{t(model.isFormModel ? 'overview.formModel' : 'overview.otherModel')}</span>
            </td>
            <td className="muted small">{model.files.map((f) => f.slice(f.lastIndexOf('/') + 1)).join(', ') || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The app's languages with their names in the UI language. */
export function LanguageList({ languages }: { readonly languages: readonly string[] }) {
  const t = useT();
  const uiLanguage = useUi((s) => s.language);
  if (languages.length === 0) return <p className="muted">{t('overview.noLanguages')}</p>;
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([uiLanguage === 'nb' ? 'nb-NO' : 'en-GB'], { type: 'language' });
  } catch {
    names = null;
  }
  return (
    <ul className="chips" aria-label={t('overview.languages')}>
      {languages.map((code) => (
        <li key={code} className="chip chip-lang" data-lang={code}>
          <span className="mono">{code}</span>
          {names?.of(code) && names.of(code) !== code ? <span className="chip-note">{names.of(code)}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** The process tasks in file order. */
export function ProcessTasksTable({ tasks }: { readonly tasks: readonly ProcessTask[] }) {
  const t = useT();
  if (tasks.length === 0) return <p className="muted">{t('overview.noTasks')}</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('overview.taskId')}</th>
          <th scope="col">{t('overview.taskName')}</th>
          <th scope="col">{t('overview.taskType')}</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task, i) => (
          <tr key={`${task.id}-${i}`} data-task-id={task.id}>
            <th scope="row" className="mono cell-name">
              {task.id}
            </th>
            <td>{task.name || '—'}</td>
            <td>{task.taskType ? <span className={`badge badge-task-${task.taskType}`}>{task.taskType}</span> : <span className="muted">{t('overview.noTaskType')}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What is wrong with the app, by file. */
export function ProblemList({ problems }: { readonly problems: readonly AppProblem[] }) {
  const t = useT();
  if (problems.length === 0) {
    return (
      <p className="ok-line">
        <Icon name="check" /> {t('overview.noProblems')}
      </p>
    );
  }
  return (
    <ul className="problem-list">
      {problems.map((problem, i) => (
        <li key={i} className={`problem problem-${problem.severity}`}>
          <Icon name={problem.severity === 'error' ? 'error' : 'warning'} className="problem-icon" />
          <span className="visually-hidden">{t(problem.severity === 'error' ? 'overview.error' : 'overview.warning')}</span>
          <span className="problem-file mono">{problem.file}</span>
          <span className="problem-message">{problem.message}</span>
        </li>
      ))}
    </ul>
  );
}
