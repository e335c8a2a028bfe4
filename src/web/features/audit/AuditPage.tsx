// Audit: who changed what and when, across the console (the BFF's trail of the caller's domain).
// Filters and paging in the URL, server paging, CSV export of the whole filtered query.
import { Button } from 'antd';
import DownloadOutlined from '@ant-design/icons/es/icons/DownloadOutlined';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditListQuery, listAllAudit } from '../../api/audit';
import { useShowApiError } from '../../components/ErrorAlert';
import { feedback } from '../../components/feedback';
import { ListPage, ListTable, useList } from '../../components/list';
import { AuditFilters } from './AuditFilters';
import { useAuditColumns } from './columns';
import { download, toCsv } from './csv';
import { auditFilters, auditSearchSchema } from './search';

export default function AuditPage() {
  const { t } = useTranslation('audit');
  const list = useList(auditSearchSchema, (s) => auditListQuery({ ...auditFilters(s), offset: s.offset, limit: s.limit }));
  const columns = useAuditColumns();
  const showError = useShowApiError();
  const [exporting, setExporting] = useState<string | null>(null);

  const exportCsv = async () => {
    const filters = auditFilters(list.search);
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

  const exportButton = (
    <Button icon={<DownloadOutlined />} loading={exporting !== null} onClick={() => void exportCsv()} data-testid="audit-export">
      {exporting ?? t('export.button')}
    </Button>
  );

  return (
    <ListPage
      id="audit"
      title={t('title')}
      subtitle={t('subtitle')}
      primary={exportButton}
      query={list.query}
      filters={<AuditFilters search={list.search} setFilters={list.setFilters} />}
    >
      <ListTable
        list={list}
        id="audit"
        columns={columns}
        scrollX={1000}
        empty={{ title: t('emptyTitle'), hint: t('emptyHint') }}
        emptyFiltered={{ title: t('emptyFilteredTitle') }}
      />
    </ListPage>
  );
}
