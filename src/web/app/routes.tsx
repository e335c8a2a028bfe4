// Routes (declarative react-router 7). The entry holds only this table; the antd root, the login
// page, the session gate, the shell and every page are lazy chunks, each page inside a route-level error boundary.
import { lazy, Suspense, useEffect, useRef, type ComponentType, type LazyExoticComponent } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { BootSplash } from './BootSplash';
import { RouteBoundary } from './RouteBoundary';
import { onUnauthorized } from '../api/authEvents';

const AppRoot = lazy(() => import('./AppRoot'));
const SessionGate = lazy(() => import('./SessionGate'));
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const HomeRedirect = lazy(() => import('./HomeRedirect'));
const InstanceIndexRedirect = lazy(() => import('./InstanceIndexRedirect'));
const InstancesPage = lazy(() => import('../features/instances/InstancesPage'));
const InstanceOverviewPage = lazy(() => import('../features/instances/InstanceOverviewPage'));
const AppsPage = lazy(() => import('../features/apps/AppsPage'));
const DictionariesPage = lazy(() => import('../features/dictionaries/DictionariesPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const DatasourcesPage = lazy(() => import('../features/fdi/datasources/DatasourcesPage'));
const TasksPage = lazy(() => import('../features/fdi/tasks/TasksPage'));
const TaskWizardPage = lazy(() => import('../features/fdi/wizard/TaskWizardPage'));
const RunPage = lazy(() => import('../features/fdi/run/RunPage'));
const ApisPage = lazy(() => import('../features/apic/ApisPage'));
const ApiPage = lazy(() => import('../features/apic/ApiPage'));
const ApiEditorPage = lazy(() => import('../features/apic/ApiEditorPage'));
const ApiGroupsPage = lazy(() => import('../features/apic/GroupsPage'));
const ApiGroupPage = lazy(() => import('../features/apic/GroupPage'));
const ApiEnvsPage = lazy(() => import('../features/apic/EnvsPage'));
const QuotasPage = lazy(() => import('../features/consumers/QuotasPage'));
const QuotaPage = lazy(() => import('../features/consumers/QuotaPage'));
const PluginsPage = lazy(() => import('../features/consumers/PluginsPage'));
const ThrottlesPage = lazy(() => import('../features/consumers/ThrottlesPage'));
const PluginPage = lazy(() => import('../features/consumers/PluginPage'));
const ThrottlePage = lazy(() => import('../features/consumers/ThrottlePage'));
const ProductsPage = lazy(() => import('../features/link/products/ProductsPage'));
const ProductPage = lazy(() => import('../features/link/products/ProductPage'));
const DevicesPage = lazy(() => import('../features/link/devices/DevicesPage'));
const DeviceGroupsPage = lazy(() => import('../features/link/groups/GroupsPage'));
const NotFound = lazy(() => import('./NotFound'));

/** A page: its own error boundary; the shell's Suspense shows a skeleton while it loads. */
function page(C: LazyExoticComponent<ComponentType>) {
  return (
    <RouteBoundary>
      <C />
    </RouteBoundary>
  );
}

/** Session expired (any 401 from /api): drop cached data, go to login, come back afterwards. */
function SessionExpiry() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const loc = useRef(location);
  loc.current = location;
  useEffect(
    () =>
      onUnauthorized(() => {
        const { pathname, search } = loc.current;
        if (pathname === '/login') return;
        // Stop in-flight work; the login page re-reads the session and the cache is cleared at the
        // next login (clearing it here would make the still-mounted page refetch and hit 401 again).
        void queryClient.cancelQueries();
        void navigate(`/login?redirect=${encodeURIComponent(pathname + search)}&reason=expired`, { replace: true });
      }),
    [navigate, queryClient],
  );
  return null;
}

export function AppRoutes() {
  return (
    <RouteBoundary root>
      <SessionExpiry />
      <Suspense fallback={<BootSplash />}>
        <Routes>
          <Route element={<AppRoot />}>
            <Route path="login" element={page(LoginPage)} />
            <Route element={<SessionGate />}>
              <Route index element={page(HomeRedirect)} />
              <Route path="instances" element={page(InstancesPage)} />
              <Route path="audit" element={page(AuditPage)} />
              <Route path="i/:instanceId">
                <Route index element={page(InstanceIndexRedirect)} />
                <Route path="overview" element={page(InstanceOverviewPage)} />
                <Route path="apps" element={page(AppsPage)} />
                <Route path="dictionaries" element={page(DictionariesPage)} />
                <Route path="datasources" element={page(DatasourcesPage)} />
                <Route path="tasks" element={page(TasksPage)} />
                <Route path="tasks/new" element={page(TaskWizardPage)} />
                <Route path="tasks/:taskId/edit" element={page(TaskWizardPage)} />
                <Route path="tasks/:taskId/runs" element={page(RunPage)} />
                <Route path="apis" element={page(ApisPage)} />
                <Route path="apis/new" element={page(ApiEditorPage)} />
                <Route path="apis/:apiId" element={page(ApiPage)} />
                <Route path="apis/:apiId/edit" element={page(ApiEditorPage)} />
                <Route path="api-groups" element={page(ApiGroupsPage)} />
                <Route path="api-groups/:groupId" element={page(ApiGroupPage)} />
                <Route path="api-envs" element={page(ApiEnvsPage)} />
                <Route path="quotas" element={page(QuotasPage)} />
                <Route path="quotas/:quotaId" element={page(QuotaPage)} />
                <Route path="plugins" element={page(PluginsPage)} />
                <Route path="plugins/:pluginId" element={page(PluginPage)} />
                <Route path="throttles" element={page(ThrottlesPage)} />
                <Route path="throttles/:throttleId" element={page(ThrottlePage)} />
                <Route path="products" element={page(ProductsPage)} />
                <Route path="products/:productId" element={page(ProductPage)} />
                <Route path="devices" element={page(DevicesPage)} />
                <Route path="device-groups" element={page(DeviceGroupsPage)} />
                <Route path="*" element={page(NotFound)} />
              </Route>
              <Route path="*" element={page(NotFound)} />
            </Route>
          </Route>
        </Routes>
      </Suspense>
    </RouteBoundary>
  );
}
