// The live progress of a task's run in progress: rows so far (and the share when the total is
// known); "Starting…" rather than 0 while nothing is counted yet. Only running rows poll.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ExecuteStatus } from '../../../api/fdi';
import { isActive, runListQuery } from '../../../api/fdiRuns';
import { Muted } from '../../../components/ui';
import { progressOf } from '../logic/eta';

export function ProgressCell({ iid, taskId, status }: { iid: string; taskId: string; status: ExecuteStatus }) {
  const { t, i18n } = useTranslation('fdi');
  const active = isActive(status);
  const q = useQuery({ ...runListQuery(iid, taskId, { offset: 0, limit: 1 }), enabled: active });
  if (!active) return <Muted>—</Muted>;
  const run = q.data?.items[0];
  const done = run ? run.written + run.dirty : 0;
  if (!run || done === 0) return <Muted testId="task-progress">{t('tasks.starting')}</Muted>;
  const p = progressOf(done, run.expected);
  const rows = new Intl.NumberFormat(i18n.language).format(run.written);
  return (
    <span data-testid="task-progress" style={{ fontVariantNumeric: 'tabular-nums' }}>
      {t('tasks.rows', { rows })}
      {p !== undefined ? ` · ${Math.round(p * 100)} %` : ''}
    </span>
  );
}
