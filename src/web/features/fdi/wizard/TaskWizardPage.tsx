// The task wizard (/i/:iid/tasks/new, /i/:iid/tasks/:taskId/edit): source and target → columns
// (mapped by name, editable) → incremental settings → schedule with a next-runs preview. One
// state object for all steps, so Back keeps every value; saving writes the task, then its schedule.
import { useQuery } from '@tanstack/react-query';
import { Button, Flex } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { columnsQuery, dispatchQuery, taskDetailQuery, type Task, type Dispatch } from '../../../api/fdi';
import { ErrorAlert, useShowApiError } from '../../../components/ErrorAlert';
import { feedback } from '../../../components/feedback';
import { PageHeader } from '../../../components/PageHeader';
import { Panel } from '../../../components/Panel';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { useSaveDispatch, useSaveTask } from '../hooks';
import { editsFromMapping, mapByName } from '../logic/mapping';
import { BasicsStep } from './BasicsStep';
import { StepsBar } from './StepsBar';
import { STEPS, initialState, pairsOf, stateFromTask, stepErrors, toDispatchRequest, toTaskRequest, type WizardState } from './wizardState';

// later steps are chunks of their own (the mapping table, croner for the schedule preview):
// opening the wizard needs only the first step
const ColumnsStep = lazy(() => import('./ColumnsStep').then((m) => ({ default: m.ColumnsStep })));
const IncrementalStep = lazy(() => import('./IncrementalStep').then((m) => ({ default: m.IncrementalStep })));
const ScheduleStep = lazy(() => import('./ScheduleStep').then((m) => ({ default: m.ScheduleStep })));

export default function TaskWizardPage() {
  const { instanceId: iid = '', taskId = '' } = useParams();
  const task = useQuery({ ...taskDetailQuery(iid, taskId), enabled: !!taskId });
  const dispatch = useQuery(dispatchQuery(iid, taskId));
  if (taskId && (task.isPending || dispatch.isPending)) return <TableSkeleton rows={8} />;
  if (task.isError) return <ErrorAlert error={task.error} onRetry={() => void task.refetch()} />;
  return <Wizard iid={iid} task={taskId ? task.data : undefined} dispatch={dispatch.data ?? null} />;
}

function Wizard({ iid, task, dispatch }: { iid: string; task?: Task; dispatch: Dispatch | null }) {
  const { t } = useTranslation('fdi');
  const navigate = useNavigate();
  const showError = useShowApiError();
  const [s, setState] = useState<WizardState>(() => (task ? stateFromTask(task, dispatch) : initialState()));
  const [step, setStep] = useState(0);
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<WizardState>) => setState((prev) => ({ ...prev, ...patch }));
  const srcCols = useQuery(columnsQuery(iid, s.sourceId, 'SOURCE', s.sourceTable));
  const tgtCols = useQuery(columnsQuery(iid, s.targetId, 'TARGET', s.targetTable));
  const source = srcCols.data ?? [];
  const target = tgtCols.data ?? [];
  const pairs = pairsOf(s, source, target);
  const saveTask = useSaveTask(iid);
  const saveDispatch = useSaveDispatch(iid);

  // an edited task: its saved mapping becomes edits over the automatic one, once the columns are known
  useEffect(() => {
    if (!s.savedMapping || !srcCols.data || !tgtCols.data) return;
    const auto = mapByName(srcCols.data.map((c) => c.field_name), tgtCols.data.map((c) => c.field_name));
    setState((prev) => ({ ...prev, edits: editsFromMapping(auto, prev.savedMapping ?? []), savedMapping: undefined }));
  }, [s.savedMapping, srcCols.data, tgtCols.data]);

  const current = STEPS[step]!;
  const errors = tried ? stepErrors(current, s, pairs) : {};
  const next = () => {
    if (Object.keys(stepErrors(current, s, pairs)).length) return setTried(true);
    setTried(false);
    setStep(step + 1);
  };

  const save = async () => {
    for (const [i, st] of STEPS.entries()) {
      if (Object.keys(stepErrors(st, s, pairs)).length) {
        setStep(i);
        setTried(true);
        return;
      }
    }
    let saved: Task;
    try {
      saved = await saveTask.mutateAsync({ id: task?.id, body: toTaskRequest(s, pairs, source, target, task?.detailRaw) });
    } catch (err) {
      return showError(err);
    }
    if (s.type === 'TIMING') {
      try {
        await saveDispatch.mutateAsync({ taskId: saved.id, dispatchId: dispatch?.id, body: toDispatchRequest(s) });
      } catch (err) {
        showError(err, t('wizard.scheduleSaveFailed'));
      }
    }
    feedback.success(t('wizard.saved', { name: saved.name }));
    void navigate(`/i/${encodeURIComponent(iid)}/tasks/${encodeURIComponent(saved.id)}/runs`);
  };

  const colsLoading = (srcCols.isFetching && !srcCols.data) || (tgtCols.isFetching && !tgtCols.data);
  const colsError = srcCols.error ?? tgtCols.error;
  const stepProps = { iid, state: s, set, errors };
  return (
    <>
      <PageHeader title={task ? t('wizard.titleEdit', { name: task.name }) : t('wizard.titleNew')} />
      <Panel>
        <StepsBar
          current={step}
          testId="wizard-steps"
          titles={[t('wizard.stepBasics'), t('wizard.stepColumns'), t('wizard.stepIncremental'), t('wizard.stepSchedule')]}
        />
        <div data-testid={`wizard-step-${current}`}>
          <Suspense fallback={<TableSkeleton rows={6} />}>
            {current === 'basics' ? <BasicsStep {...stepProps} /> : null}
            {current !== 'basics' && colsError ? <ErrorAlert error={colsError} onRetry={() => void (srcCols.refetch(), tgtCols.refetch())} /> : null}
            {current !== 'basics' && colsLoading ? <TableSkeleton rows={6} /> : null}
            {current === 'columns' && !colsLoading ? <ColumnsStep {...stepProps} source={source} target={target} pairs={pairs} /> : null}
            {current === 'incremental' && !colsLoading ? <IncrementalStep {...stepProps} source={source} /> : null}
            {current === 'schedule' ? <ScheduleStep {...stepProps} /> : null}
          </Suspense>
        </div>
        <Flex gap={8} justify="end" style={{ marginTop: 24 }}>
          <Button data-testid="wizard-cancel" onClick={() => void navigate(`/i/${encodeURIComponent(iid)}/tasks`)}>
            {t('wizard.cancel')}
          </Button>
          {step > 0 ? (
            <Button data-testid="wizard-back" onClick={() => setStep(step - 1)}>
              {t('wizard.back')}
            </Button>
          ) : null}
          {step < STEPS.length - 1 ? (
            <Button type="primary" data-testid="wizard-next" onClick={next}>
              {t('wizard.next')}
            </Button>
          ) : (
            <Button type="primary" data-testid="wizard-save" loading={saveTask.isPending || saveDispatch.isPending} onClick={() => void save()}>
              {t('wizard.save')}
            </Button>
          )}
        </Flex>
      </Panel>
    </>
  );
}
