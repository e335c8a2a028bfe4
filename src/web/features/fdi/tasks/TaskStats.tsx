// Statistics cards: running, abnormal, stopped and completed common tasks.
import { useQuery } from '@tanstack/react-query';
import { Flex } from 'antd';
import { useToken } from '../../../components/themeToken';
import { useTranslation } from 'react-i18next';
import { taskStatsQuery } from '../../../api/fdi';
import { statusPoll, ACTIVE_POLL_MS, IDLE_POLL_MS } from '../../../api/fdiRuns';
import { Panel } from '../../../components/Panel';
import { Muted } from '../../../components/ui';

const CARDS = [
  { key: 'running', field: 'running_tasks_count', tone: 'colorInfoText' },
  { key: 'abnormal', field: 'abnormal_tasks_count', tone: 'colorErrorText' },
  { key: 'terminated', field: 'terminated_tasks_count', tone: 'colorTextSecondary' },
  { key: 'completed', field: 'completed_tasks_count', tone: 'colorSuccessText' },
] as const;

export function TaskStats({ iid }: { iid: string }) {
  const { t } = useTranslation('fdi');
  const { token } = useToken();
  const q = useQuery({ ...taskStatsQuery(iid), ...statusPoll<{ running_tasks_count: number } | undefined>((d) => (d?.running_tasks_count ? ACTIVE_POLL_MS * 5 : IDLE_POLL_MS)) });
  return (
    <Flex gap={16} wrap style={{ marginBottom: 16 }} data-testid="task-stats">
      {CARDS.map((c) => (
        <Panel key={c.key} style={{ flex: '1 1 160px', padding: 16 }} testId={`stat-${c.key}`}>
          <Muted>{t(`tasks.stats.${c.key}`)}</Muted>
          <div style={{ fontSize: token.fontSizeHeading3, fontWeight: 600, color: token[c.tone] }} aria-busy={q.isPending}>
            {q.data ? q.data[c.field] : '—'}
          </div>
        </Panel>
      ))}
    </Flex>
  );
}
