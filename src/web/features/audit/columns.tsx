// Audit table columns: time, who, what (method + route template + resource ids), answer, request id.
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '../../api/audit';
import { CopyableId } from '../../components/CopyableId';
import { Time } from '../../components/Time';
import { Code, Muted, Tag } from '../../components/ui';

export function useAuditColumns(): TableColumnsType<AuditRecord> {
  const { t } = useTranslation('audit');
  return [
    { title: t('col.time'), dataIndex: 'time', width: 170, render: (v: number) => <Time value={v} /> },
    { title: t('col.user'), dataIndex: 'user', width: 140, render: (v: string) => <span data-testid="audit-user">{v || '—'}</span> },
    {
      title: t('col.action'),
      key: 'action',
      render: (_, r) => (
        <div style={{ display: 'grid', gap: 2 }}>
          <Code testId="audit-route" style={{ whiteSpace: 'nowrap' }}>{`${r.method} ${r.route}`}</Code>
          {Object.entries(r.resourceIds).map(([k, v]) => (
            <Muted key={k} style={{ fontSize: 12 }}>
              <span data-testid="audit-resource">{`${k}: ${v}`}</span>
            </Muted>
          ))}
        </div>
      ),
    },
    {
      title: t('col.result'),
      key: 'result',
      width: 170,
      render: (_, r) => (
        <span style={{ display: 'inline-flex', gap: 4, alignItems: 'center', flexWrap: 'wrap' }}>
          <Tag tone={r.ok ? 'success' : 'error'} testId="audit-result" data-result={r.ok ? 'success' : 'failure'}>
            {`${r.ok ? t('result.success') : t('result.failure')} ${r.status}`}
          </Tag>
          {r.errorCode ? <Code>{r.errorCode}</Code> : null}
        </span>
      ),
    },
    { title: t('col.duration'), dataIndex: 'durationMs', width: 100, align: 'right', render: (v: number) => t('ms', { ms: v }) },
    { title: t('col.client'), dataIndex: 'clientIp', width: 130, responsive: ['lg'] },
    { title: t('col.requestId'), dataIndex: 'requestId', width: 200, render: (v: string) => <CopyableId id={v} ellipsis label={t('col.requestId')} /> },
  ];
}
