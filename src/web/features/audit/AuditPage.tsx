// Audit: who changed what and when, across the console (the BFF's trail of the caller's domain).
// Filters and paging in the URL, server paging, CSV export of the whole filtered query.
import { Button, Table } from 'antd';
import DownloadOutlined from '@ant-design/icons/es/icons/DownloadOutlined';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditListQuery, listAllAudit, type AuditRecord } from '../../api/audit';
import { EmptyState } from '../../components/EmptyState';
import { useShowApiError } from '../../components/ErrorAlert';
import { feedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { pagedTablePagination, useSearchState } from '../../components/searchState';
import { AuditFilterBar } from './AuditFilterBar';
import { useAuditColumns } from './columns';
import { download, toCsv } from './csv';
import { auditFilters, auditSearchSchema } from './search';

export default function AuditPage() {
  const { t } = useTranslation('audit');
  const { t: tc } = useTranslation();
  const [search, setSearch] = useSearchState(auditSearchSchema);
  const filters = auditFilters(search);
  const q = useQuery(auditListQuery({ ...filters, offset: search.offset, limit: search.limit }));
  const columns = useAuditColumns();
  const showError = useShowApiError();
  const [exporting, setExporting] = useState<string | null>(null);
  const filtered = Object.values(filters).some(Boolean);

  const exportCsv = async () => {
    setExporting(t('export.starting'));
    try {
      // pin the end so records written while paging do not shift the pages
      const until = filters.until ?? new Date().toISOString();
      const all = await listAllAudit({ ...filters, until }, { onProgress: (n, total) => setExporting(t('export.progress', { n, total })) });
      download(toCsv(all.items), `audit-${until.replace(/[:.]/g, '-')}.csv`);
      feedback.success(all.truncated ? t('export.truncated', { n: all.items.length, total: all.total }) : t('export.done', { n: all.items.length }));
    } catch (err) {
      showError(err);
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting !== null} onClick={() => void exportCsv()} data-testid="audit-export">
            {exporting ?? t('export.button')}
          </Button>
        }
      />
      <Panel>
        <AuditFilterBar search={search} setSearch={setSearch} query={q} />
        <QueryView query={q}>
          {(data) => (
            <Table<AuditRecord>
              rowKey="id"
              size="middle"
              data-testid="audit-table"
              columns={columns}
              dataSource={data.items}
              loading={q.isFetching && q.isPlaceholderData}
              scroll={{ x: 1000 }}
              pagination={pagedTablePagination(search, data.total, setSearch, tc)}
              locale={{
                emptyText: filtered ? (
                  <EmptyState
                    title={t('emptyFilteredTitle')}
                    action={<Button onClick={() => setSearch({ user: '', resource: '', result: '', since: '', until: '', offset: 0 })}>{t('clearFilters')}</Button>}
                  />
                ) : (
                  <EmptyState title={t('emptyTitle')} hint={t('emptyHint')} />
                ),
              }}
            />
          )}
        </QueryView>
      </Panel>
    </>
  );
}
