// "/" → the last used instance if it still exists, else the first one, else the instance list.
import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { instanceListQuery } from '../api/instances';
import { ErrorAlert } from '../components/ErrorAlert';
import { TableSkeleton } from '../components/TableSkeleton';
import { getLastInstance } from './lastInstance';

export default function HomeRedirect() {
  const q = useQuery(instanceListQuery());
  if (q.isPending) return <TableSkeleton rows={4} />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const last = getLastInstance();
  const target = q.data.items.find((i) => i.id === last) ?? q.data.items[0];
  return <Navigate to={target ? `/i/${encodeURIComponent(target.id)}/overview` : '/instances'} replace />;
}
