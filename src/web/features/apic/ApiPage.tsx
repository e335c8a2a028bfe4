// One API: where it is live, its definition at a glance, its versions per environment (diff,
// switch the live one), its consumers per environment (apps, plugins, throttling) and a debug
// panel. Versions' diff, consumers and debug load on first use.
import { Button, Descriptions, Tabs } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { apiDetailQuery, envsQuery } from '../../api/apic';
import { PageHeader } from '../../components/PageHeader';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { TableSkeleton } from '../../components/TableSkeleton';
import { Code } from '../../components/ui';
import { useMountedOnce } from '../../components/list';
import { EnvStates } from './EnvStates';
import type { PublishAction } from './PublishDialog';

const VersionsTab = lazy(() => import('./VersionsTab'));
const PublishDialog = lazy(() => import('./PublishDialog').then((m) => ({ default: m.PublishDialog })));
const DebugPanel = lazy(() => import('./DebugPanel'));
const ApiConsumersTab = lazy(() => import('./ApiConsumersTab'));
const TABS = ['overview', 'versions', 'consumers', 'debug'] as const;

export default function ApiPage() {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  const { instanceId: iid = '', apiId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'overview';
  const api = useQuery(apiDetailQuery(iid, apiId));
  const envs = useQuery(envsQuery(iid)).data?.items ?? [];
  const [publish, setPublish] = useState<PublishAction | undefined>();
  const publishUsed = useMountedOnce(publish !== undefined);
  const base = `/i/${encodeURIComponent(iid)}`;

  return (
    <QueryView query={api}>
      {(a) => (
        <>
          <PageHeader title={a.name} subtitle={<EnvStates envs={envs} live={a.live} />}
            extra={
              <>
                <Link to={`${base}/apis/${encodeURIComponent(a.id)}/edit`}><Button data-testid="api-edit">{tc('common.edit')}</Button></Link>
                <Button disabled={a.live.length === 0} onClick={() => setPublish('offline')} data-testid="api-offline">{t('apis.offline')}</Button>
                <Button type="primary" onClick={() => setPublish('online')} data-testid="api-publish">{t('apis.publish')}</Button>
              </>
            } />
          <Panel>
            <Tabs activeKey={tab} onChange={(k) => setParams((p) => { p.set('tab', k); return p; }, { replace: true })} destroyOnHidden items={[
              { key: 'overview', label: t('api.overview'), children: (
                <Descriptions size="small" column={2} bordered items={[
                  { key: 'req', label: t('apis.request'), children: <Code testId="api-request">{`${a.req_protocol} ${a.req_method} ${a.req_uri}`}</Code> },
                  { key: 'group', label: t('apis.group'), children: <Link to={`${base}/api-groups/${encodeURIComponent(a.group_id ?? '')}`}>{a.group_name}</Link> },
                  { key: 'auth', label: t('editor.auth'), children: a.auth_type },
                  { key: 'backend', label: t('apis.backend'), children: a.backend_type === 'HTTP' ? <Code>{`${a.backend_api?.req_method} ${a.backend_api?.req_protocol?.toLowerCase()}://${a.backend_api?.url_domain}${a.backend_api?.req_uri}`}</Code> : a.backend_type === 'MOCK' ? `MOCK ${a.mock_info?.status_code ?? ''}` : a.backend_type },
                  { key: 'host', label: t('api.callAt'), children: <Code>{a.api_group_info?.sl_domain}</Code> },
                  { key: 'params', label: t('editor.params'), children: (a.req_params ?? []).map((p) => `${p.location}:${p.name}`).join(', ') || tc('common.none') },
                  { key: 'remark', label: tc('common.remark'), span: 2, children: a.remark || tc('common.none') },
                ]} />
              ) },
              { key: 'versions', label: t('api.versions'), children: <Suspense fallback={<TableSkeleton />}><VersionsTab iid={iid} api={a} envs={envs} /></Suspense> },
              { key: 'consumers', label: <span data-testid="api-tab-consumers">{t('api.consumers')}</span>, children: <Suspense fallback={<TableSkeleton />}><ApiConsumersTab iid={iid} api={a} envs={envs} /></Suspense> },
              { key: 'debug', label: t('api.debug'), children: <Suspense fallback={<TableSkeleton />}><DebugPanel iid={iid} api={a} envs={envs} /></Suspense> },
            ]} />
          </Panel>
          {publishUsed ? <Suspense fallback={null}><PublishDialog iid={iid} action={publish ?? 'online'} apis={publish ? [a] : []} onClose={() => setPublish(undefined)} /></Suspense> : null}
        </>
      )}
    </QueryView>
  );
}
