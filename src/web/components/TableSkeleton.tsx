import { Bone } from './ui';

/** First load of a table: skeleton rows, not a spinner on a blank page. */
export function TableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div data-testid="table-skeleton" aria-busy="true" style={{ padding: '8px 0', display: 'grid', gap: 14 }}>
      <Bone height={28} />
      {Array.from({ length: rows }, (_, i) => (
        <Bone key={i} width={i % 3 === 2 ? '70%' : '100%'} />
      ))}
    </div>
  );
}
