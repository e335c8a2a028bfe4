// The three states of a loaded list or detail, and the refresh button of a filter bar.
import { Button, Tooltip } from 'antd';
import ReloadOutlined from '@ant-design/icons/es/icons/ReloadOutlined';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';
import { TableSkeleton } from './TableSkeleton';

/** First load: skeleton rows; failure: the error with a retry; then `children(data)`. */
export function QueryView<T>({
  query,
  rows,
  children,
}: {
  query: UseQueryResult<T>;
  rows?: number;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <TableSkeleton rows={rows} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

/** Refetch a query; spins while a background refetch runs (not on the first load: that has the skeleton). */
export function RefreshButton({
  query,
  testId,
  withText,
}: {
  query: Pick<UseQueryResult, 'refetch' | 'isFetching' | 'isPending'>;
  testId?: string;
  /** a labelled button (page header) instead of an icon with a tooltip (filter bar) */
  withText?: boolean;
}) {
  const { t } = useTranslation();
  const button = (
    <Button
      icon={<ReloadOutlined />}
      aria-label={withText ? undefined : t('common.refresh')}
      onClick={() => void query.refetch()}
      loading={query.isFetching && !query.isPending}
      data-testid={testId}
    >
      {withText ? t('common.refresh') : null}
    </Button>
  );
  return withText ? button : <Tooltip title={t('common.refresh')}>{button}</Tooltip>;
}
