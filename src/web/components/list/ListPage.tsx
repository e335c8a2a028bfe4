// Page grammar of a list: header (title, subtitle, primary action) → panel with the filter bar
// (filters left, refresh right) → the table and anything under it (bulk bar).
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FilterBar } from '../FilterBar';
import { PageHeader } from '../PageHeader';
import { Panel } from '../Panel';

export function ListPage({
  id,
  title,
  subtitle,
  primary,
  query,
  filters,
  children,
}: {
  /** data-testid prefix: `<id>-filter-bar`, `<id>-refresh` */
  id: string;
  title: ReactNode;
  subtitle?: ReactNode;
  /** the primary action (Create …) */
  primary?: ReactNode;
  query: Pick<UseQueryResult, 'refetch' | 'isFetching' | 'isPending'>;
  filters?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} extra={primary} />
      <Panel>
        <FilterBar query={query} refreshTestId={`${id}-refresh`} testId={`${id}-filter-bar`}>
          {filters}
        </FilterBar>
        {children}
      </Panel>
    </>
  );
}
