// The task's runs, newest first; the shown one is marked, another opens with its id in the URL.
import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../api/factories';
import type { Run } from '../../../api/fdiRuns';
import { Time } from '../../../components/Time';
import { Tag } from '../../../components/ui';
import { ExecTag } from '../components/StatusTags';
import { formatDuration } from '../logic/eta';

export function RunHistory({ page, shown, offset, limit, onOpen, onOffset }: {
  page: Page<Run>;
  shown: string | undefined;
  offset: number;
  limit: number;
  onOpen: (id: string) => void;
  onOffset: (offset: number) => void;
}) {
  const { t } = useTranslation('fdi');
  const columns: TableColumnsType<Run> = [
    { title: t('run.startedAt'), key: 'start', render: (_, r) => <Time value={r.startedAt} /> },
    { title: t('run.status'), key: 'status', render: (_, r) => <ExecTag status={r.executeStatus} /> },
    { title: t('run.written'), dataIndex: 'written', key: 'written', align: 'right' },
    { title: t('run.dirty'), dataIndex: 'dirty', key: 'dirty', align: 'right' },
    { title: t('run.duration'), key: 'duration', render: (_, r) => (r.spendMs ? formatDuration(r.spendMs) : '—') },
    {
      title: '',
      key: 'open',
      render: (_, r) =>
        r.id === shown ? (
          <Tag tone="blue">{t('run.current')}</Tag>
        ) : (
          <a
            href={`?run=${encodeURIComponent(r.id)}`}
            data-testid="open-run"
            onClick={(e) => {
              e.preventDefault();
              onOpen(r.id);
            }}
          >
            {t('run.open')}
          </a>
        ),
    },
  ];
  return (
    <Table<Run>
      rowKey="id"
      size="small"
      data-testid="run-history"
      columns={columns}
      dataSource={page.items}
      scroll={{ x: 700 }}
      pagination={{ current: Math.floor(offset / limit) + 1, pageSize: limit, total: page.total, showSizeChanger: false, onChange: (p) => onOffset((p - 1) * limit) }}
    />
  );
}
