// One API group: its sub-domain, its APIs, its bound domains and its variables per environment;
// export of its APIs as an OpenAPI file.
import { Button, Descriptions, Space, Table, Tabs } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { apiListQuery, envsQuery, exportOpenApi, groupDetailQuery } from '../../api/apic';
import { useShowApiError } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { Code, CopyButton } from '../../components/ui';
import { DomainsTab } from './DomainsTab';
import { EnvStates } from './EnvStates';
import { VariablesTab } from './VariablesTab';

export default function GroupPage() {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  const { instanceId: iid = '', groupId = '' } = useParams();
  const group = useQuery(groupDetailQuery(iid, groupId));
  const apis = useQuery(apiListQuery(iid, { offset: 0, limit: 500, group_id: groupId }));
  const envs = useQuery(envsQuery(iid)).data?.items ?? [];
  const showApiError = useShowApiError();
  const [exporting, setExporting] = useState(false);
  const base = `/i/${encodeURIComponent(iid)}`;

  const download = async (type: 'json' | 'yaml') => {
    setExporting(true);
    try {
      const text = await exportOpenApi(iid, { group_id: groupId, type, define: 'all' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([text], { type: type === 'json' ? 'application/json' : 'application/yaml' }));
      a.download = `${group.data?.name ?? groupId}.${type}`;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (err) {
      showApiError(err);
    } finally {
      setExporting(false);
    }
  };

  return (
    <QueryView query={group}>
      {(g) => (
        <>
          <PageHeader title={g.name} subtitle={g.remark}
            extra={
              <>
                <Button loading={exporting} onClick={() => void download('json')} data-testid="group-export-json">{t('groups.exportJson')}</Button>
                <Button loading={exporting} onClick={() => void download('yaml')} data-testid="group-export-yaml">{t('groups.exportYaml')}</Button>
                <Link to={`${base}/apis/new?group=${encodeURIComponent(g.id)}`}><Button type="primary" data-testid="group-create-api">{t('apis.create')}</Button></Link>
              </>
            } />
          <Panel>
            <Descriptions size="small" column={2} items={[
              { key: 'sl', label: t('groups.subdomain'), children: <Space><Code testId="group-subdomain">{g.sl_domain}</Code><CopyButton text={g.sl_domain ?? ''} /></Space> },
              { key: 'id', label: tc('common.id'), children: <Code>{g.id}</Code> },
            ]} />
            <Tabs items={[
              { key: 'apis', label: t('groups.apisTab', { count: apis.data?.total ?? 0 }), children: (
                <Table size="small" rowKey="id" loading={apis.isPending} dataSource={apis.data?.items} pagination={false} data-testid="group-apis"
                  columns={[
                    { title: tc('common.name'), dataIndex: 'name', render: (_, a) => <Link to={`${base}/apis/${encodeURIComponent(a.id)}`}>{a.name}</Link> },
                    { title: t('apis.request'), key: 'r', render: (_, a) => <Code>{`${a.req_method} ${a.req_uri}`}</Code> },
                    { title: t('apis.envs'), key: 'e', render: (_, a) => <EnvStates envs={envs} live={a.live} /> },
                  ]} />
              ) },
              { key: 'domains', label: t('groups.domainsTab'), children: <DomainsTab iid={iid} group={g} /> },
              { key: 'variables', label: t('groups.variablesTab'), children: <VariablesTab iid={iid} groupId={g.id} envs={envs} /> },
            ]} />
          </Panel>
        </>
      )}
    </QueryView>
  );
}
