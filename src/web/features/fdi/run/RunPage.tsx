// The run page (/i/:iid/tasks/:taskId/runs?run=…): the shown run's counters, stage timeline,
// rows/s chart (uPlot, loaded only here), detail logs with every status code explained, dirty
// rows with their reasons, and the run history. Polls every second while a run is in progress,
// slower when not, not at all in a hidden tab (api/fdiRuns.ts).
import { useQuery } from '@tanstack/react-query';
import { Button, Flex } from 'antd';
import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { taskDetailQuery } from '../../../api/fdi';
import { isActive, runListQuery, runPollInterval, runStepsQuery, ACTIVE_POLL_MS } from '../../../api/fdiRuns';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { Panel, PanelTitle } from '../../../components/Panel';
import { QueryView } from '../../../components/QueryView';
import { useSearchState } from '../../../components/searchState';
import { Bone, Muted } from '../../../components/ui';
import { feedback } from '../../../components/feedback';
import { useShowApiError } from '../../../components/ErrorAlert';
import { useRunTask, useTerminateTask } from '../hooks';
import { DetailLogs } from './DetailLogs';
import { DirtyRows } from './DirtyRows';
import { RunHistory } from './RunHistory';
import { RunSummary } from './RunSummary';
import { StageTimeline } from './StageTimeline';
import { useRunSamples } from './useRunSamples';

const loadChart = () => import('./RateChart');
const RateChart = lazy(loadChart);

const searchSchema = z.object({
  run: z.string().max(128).catch(''),
  hoff: z.coerce.number().int().min(0).max(100_000).catch(0),
  doff: z.coerce.number().int().min(0).max(1_000_000).catch(0),
});
const HISTORY_LIMIT = 10;

const visibility = {
  subscribe: (cb: () => void) => {
    document.addEventListener('visibilitychange', cb);
    return () => document.removeEventListener('visibilitychange', cb);
  },
  get: () => document.visibilityState,
};

export default function RunPage() {
  const { t } = useTranslation('fdi');
  const { instanceId: iid = '', taskId = '' } = useParams();
  const [search, setSearch] = useSearchState(searchSchema);
  const task = useQuery(taskDetailQuery(iid, taskId));
  const runs = useQuery(runListQuery(iid, taskId, { offset: search.hoff, limit: HISTORY_LIMIT }));
  const items = runs.data?.items ?? [];
  const run = items.find((r) => r.id === search.run) ?? (search.run ? undefined : items[0]);
  const active = run ? isActive(run.executeStatus) : false;
  const stepsQ = useQuery(runStepsQuery(iid, taskId, run?.id ?? '', !!run && run.steps.length === 0, active));
  const steps = run && run.steps.length > 0 ? run.steps : (stepsQ.data ?? []);
  const samples = useRunSamples(run);
  const hidden = useSyncExternalStore(visibility.subscribe, visibility.get) === 'hidden';
  const showError = useShowApiError();
  const runNow = useRunTask(iid);
  const terminate = useTerminateTask(iid);
  const name = task.data?.name ?? taskId;
  const pollMs = runPollInterval(items[0]);
  // the chart's chunk (uPlot) loads with the page, not after the first run shows up
  useEffect(() => void loadChart(), []);

  const actions = (
    <>
      <Button
        type="primary"
        data-testid="run-now"
        loading={runNow.isPending}
        disabled={active}
        onClick={() =>
          runNow.mutate(taskId, {
            onSuccess: () => {
              feedback.success(t('tasks.runStarted', { name }));
              setSearch({ run: '', hoff: 0, doff: 0 });
              void runs.refetch();
            },
            onError: showError,
          })
        }
      >
        {t('tasks.run')}
      </Button>
      {active ? (
        <Button
          danger
          data-testid="terminate"
          onClick={() =>
            feedback.confirm({
              title: t('tasks.terminateTitle', { name }),
              content: t('tasks.terminateBody'),
              okText: t('tasks.terminate'),
              cancelText: t('wizard.cancel'),
              danger: true,
              onOk: () => terminate.mutateAsync(taskId).then(() => feedback.success(t('tasks.terminated', { name })), (e: unknown) => showError(e)),
            })
          }
        >
          {t('tasks.terminate')}
        </Button>
      ) : null}
      <Link to={`/i/${encodeURIComponent(iid)}/tasks/${encodeURIComponent(taskId)}/edit`}>
        <Button data-testid="edit-task">{t('tasks.edit')}</Button>
      </Link>
    </>
  );

  return (
    <>
      <PageHeader
        title={t('run.title', { name })}
        subtitle={
          <span data-testid="poll-state">
            <Link to={`/i/${encodeURIComponent(iid)}/tasks`}>{t('run.backToTasks')}</Link> · {hidden ? t('run.paused') : pollMs === ACTIVE_POLL_MS ? t('run.live') : t('run.idle')}
          </span>
        }
        extra={actions}
      />
      <QueryView query={runs} rows={6}>
        {(page) =>
          page.total === 0 || !run ? (
            <Panel>
              <EmptyState title={t('run.noRuns')} hint={t('run.noRunsHint')} testId="no-runs" />
            </Panel>
          ) : (
            <Flex vertical gap={16}>
              <Panel testId="run-panel">
                <RunSummary run={run} samples={samples} />
                <div style={{ marginTop: 20 }}>
                  <PanelTitle>{t('run.timeline')}</PanelTitle>
                  <StageTimeline run={{ ...run, steps }} />
                </div>
              </Panel>
              <Panel>
                <PanelTitle>{t('run.chart')}</PanelTitle>
                {samples.length < 2 ? <Muted>{t('run.chartWaiting')}</Muted> : null}
                <Suspense fallback={<Bone height={200} />}>
                  <RateChart samples={samples} label={t('run.rate')} />
                </Suspense>
              </Panel>
              <Panel>
                <PanelTitle>{t('run.logs')}</PanelTitle>
                <DetailLogs steps={steps} />
              </Panel>
              <Panel testId="dirty-panel">
                <PanelTitle>{t('run.dirtyRows')}</PanelTitle>
                <DirtyRows iid={iid} taskId={taskId} runId={run.id} active={active} offset={search.doff} onOffset={(doff) => setSearch({ doff })} />
              </Panel>
              <Panel>
                <PanelTitle>{t('run.history')}</PanelTitle>
                <RunHistory
                  page={page}
                  shown={run.id}
                  offset={search.hoff}
                  limit={HISTORY_LIMIT}
                  onOpen={(id) => setSearch({ run: id, doff: 0 })}
                  onOffset={(hoff) => setSearch({ hoff, run: '' })}
                />
              </Panel>
            </Flex>
          )
        }
      </QueryView>
    </>
  );
}
