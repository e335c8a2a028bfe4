import { Skeleton } from 'antd';

/** First load of a table: skeleton rows, not a spinner on a blank page. */
export function TableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div data-testid="table-skeleton" aria-busy="true" style={{ padding: '8px 0' }}>
      <Skeleton.Input active block size="small" style={{ marginBottom: 16 }} />
      <Skeleton active title={false} paragraph={{ rows, width: '100%' }} />
    </div>
  );
}
