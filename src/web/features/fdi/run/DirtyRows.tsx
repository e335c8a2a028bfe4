// Rows the run could not convert or write, each with the reason (paged on the server).
import { useQuery } from '@tanstack/react-query';
import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { dirtyRowsQuery, type DirtyRow } from '../../../api/fdiRuns';
import { QueryView } from '../../../components/QueryView';
import { Code, Muted } from '../../../components/ui';

export function DirtyRows({ iid, taskId, runId, active, offset, onOffset }: {
  iid: string;
  taskId: string;
  runId: string;
  active: boolean;
  offset: number;
  onOffset: (offset: number) => void;
}) {
  const { t } = useTranslation('fdi');
  const limit = 10;
  const q = useQuery(dirtyRowsQuery(iid, taskId, runId, { offset, limit }, active));
  const columns: TableColumnsType<DirtyRow> = [
    { title: t('run.stage'), dataIndex: 'position', key: 'position', width: 110, render: (p: string) => t(`position.${p}` as 'position.ADAPTER', { defaultValue: p }) },
    { title: t('run.reason'), dataIndex: 'reason', key: 'reason', render: (r: string) => <span data-testid="dirty-reason">{r}</span> },
    { title: t('run.row'), key: 'row', render: (_, d) => <Code style={{ wordBreak: 'break-all' }}>{JSON.stringify(d.row)}</Code> },
  ];
  return (
    <QueryView query={q} rows={3}>
      {(page) =>
        page.total === 0 ? (
          <Muted testId="dirty-none">{t('run.dirtyNone')}</Muted>
        ) : (
          <Table<DirtyRow>
            rowKey="id"
            size="small"
            data-testid="dirty-rows"
            columns={columns}
            dataSource={page.items}
            scroll={{ x: 700 }}
            pagination={{ current: Math.floor(offset / limit) + 1, pageSize: limit, total: page.total, showSizeChanger: false, onChange: (p) => onOffset((p - 1) * limit) }}
          />
        )
      }
    </QueryView>
  );
}
