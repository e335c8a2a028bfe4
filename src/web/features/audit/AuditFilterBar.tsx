// Filters of the audit page (user, resource, result, time range), all kept in the URL.
import { DatePicker, Select } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FilterBar, NameSearch } from '../../components/FilterBar';
import type { AuditSearch } from './search';

export function AuditFilterBar({ search, setSearch, query }: {
  search: AuditSearch;
  setSearch: (patch: Partial<AuditSearch>) => void;
  query: Pick<UseQueryResult, 'refetch' | 'isFetching' | 'isPending'>;
}) {
  const { t } = useTranslation('audit');
  return (
    <FilterBar query={query} refreshTestId="audit-refresh" testId="audit-filters">
      <NameSearch value={search.user} onSearch={(user) => setSearch({ user, offset: 0 })} placeholder={t('filter.user')} maxLength={255} testId="audit-filter-user" />
      <NameSearch value={search.resource} onSearch={(resource) => setSearch({ resource, offset: 0 })} placeholder={t('filter.resource')} maxLength={256} testId="audit-filter-resource" />
      <Select
        aria-label={t('filter.result')}
        data-testid="audit-filter-result"
        style={{ width: 150 }}
        value={search.result}
        onChange={(result: AuditSearch['result']) => setSearch({ result, offset: 0 })}
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
        onChange={(range) => setSearch({ since: range?.[0]?.toISOString() ?? '', until: range?.[1]?.toISOString() ?? '', offset: 0 })}
      />
    </FilterBar>
  );
}
