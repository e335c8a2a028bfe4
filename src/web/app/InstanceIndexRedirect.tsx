import { Navigate } from 'react-router';

export default function InstanceIndexRedirect() {
  return <Navigate to="overview" replace />;
}
