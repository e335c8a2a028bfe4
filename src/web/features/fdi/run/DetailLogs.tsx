// The run's steps: time, stage, status code with its explanation (zh-CN / en-US), the service's
// details (the driver's message on an error) and the step's row counts.
import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RunStep } from '../../../api/fdiRuns';
import { Time } from '../../../components/Time';
import { Muted } from '../../../components/ui';
import { CodeTag } from '../components/StatusTags';
import { codeSide, codeTextKey } from '../logic/statusCodes';

export function DetailLogs({ steps }: { steps: RunStep[] }) {
  const { t } = useTranslation('fdi');
  const columns: TableColumnsType<RunStep> = [
    { title: t('run.time'), key: 'time', width: 170, render: (_, s) => <Time value={s.beganAt} /> },
    {
      title: t('run.stage'),
      key: 'stage',
      width: 150,
      render: (_, s) => (
        <div>
          <div>{s.position ? t(`position.${s.position}` as 'position.ADAPTER', { defaultValue: s.position }) : '—'}</div>
          <Muted>{s.stage}</Muted>
        </div>
      ),
    },
    { title: t('run.code'), key: 'code', width: 80, render: (_, s) => (s.code === undefined ? '—' : <CodeTag code={s.code} />) },
    {
      title: t('run.meaning'),
      key: 'meaning',
      render: (_, s) =>
        s.code === undefined ? null : (
          <div data-testid="code-meaning">
            <Muted>{t(`codeSide.${codeSide(s.code)}`)} · </Muted>
            {t(codeTextKey(s.code), { code: s.code })}
          </div>
        ),
    },
    { title: t('run.remarks'), dataIndex: 'remarks', key: 'remarks', render: (r: string) => <span style={{ wordBreak: 'break-word' }} data-testid="step-remarks">{r}</span> },
    { title: t('run.written'), dataIndex: 'rows', key: 'rows', width: 100, align: 'right' },
    { title: t('run.dirty'), dataIndex: 'dirty', key: 'dirty', width: 90, align: 'right' },
  ];
  return <Table<RunStep> rowKey="id" size="small" data-testid="detail-logs" columns={columns} dataSource={steps} pagination={false} scroll={{ x: 900, y: 480 }} />;
}
