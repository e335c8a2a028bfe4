// Filters of the audit page (user, resource, result, time range), all kept in the URL.
import { DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { NameSearch } from '../../components/list';
import type { AuditSearch } from './search';

/** `setFilters` writes the URL and goes back to the first page. */
export function AuditFilters({ search, setFilters }: { search: AuditSearch; setFilters: (patch: Partial<AuditSearch>) => void }) {
  const { t } = useTranslation('audit');
  return (
    <>
      <NameSearch value={search.user} onSearch={(user) => setFilters({ user })} placeholder={t('filter.user')} maxLength={255} testId="audit-filter-user" />
      <NameSearch value={search.resource} onSearch={(resource) => setFilters({ resource })} placeholder={t('filter.resource')} maxLength={256} testId="audit-filter-resource" />
      <Select
        aria-label={t('filter.result')}
        data-testid="audit-filter-result"
        style={{ width: 150 }}
        value={search.result}
        onChange={(result: AuditSearch['result']) => setFilters({ result })}
        options={[
          { value: '', label: t('result.all') },
          { value: 'success', label: t('result.success') },
          { value: 'failure', label: t('result.failure') },
        ]}
      />
      <DatePicker.RangePicker
        showTime
        allowEmpty={[true, true]}
        aria-label={t('filter.time')}
        data-testid="audit-filter-time"
        placeholder={[t('filter.since'), t('filter.until')]}
        value={[search.since ? dayjs(search.since) : null, search.until ? dayjs(search.until) : null]}
        onChange={(range) => setFilters({ since: range?.[0]?.toISOString() ?? '', until: range?.[1]?.toISOString() ?? '' })}
      />
    </>
  );
}
