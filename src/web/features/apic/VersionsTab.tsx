// An API's published versions, per environment: which one is live, switch the live one, and a
// side-by-side diff of any two (pick two rows, then Compare).
import { Button, Segmented, Space, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { versionsQuery, type Api, type ApicEnv, type ApiVersion } from '../../api/apic';
import { normaliseTime } from '../../api/time';
import { actionsColumn, useConfirm } from '../../components/list';
import { Time } from '../../components/Time';
import { Tag } from '../../components/ui';
import { useSwitchVersion } from './hooks';
import { VersionDiff } from './VersionDiff';

export default function VersionsTab({ iid, api, envs }: { iid: string; api: Api; envs: ApicEnv[] }) {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  const [env, setEnv] = useState('');
  const versions = useQuery(versionsQuery(iid, api.id, env || undefined));
  const sw = useSwitchVersion(iid, api.id);
  const confirm = useConfirm();
  const [picked, setPicked] = useState<string[]>([]);
  const [compare, setCompare] = useState<[ApiVersion, ApiVersion]>();
  const rows = versions.data?.items ?? [];

  const doCompare = () => {
    // older on the left
    const two = rows.filter((r) => picked.includes(r.version_id)).sort((a, b) => (normaliseTime(a.publish_time) ?? 0) - (normaliseTime(b.publish_time) ?? 0));
    if (two.length === 2) setCompare([two[0]!, two[1]!]);
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented value={env} onChange={(v) => setEnv(String(v))} options={[{ value: '', label: t('versions.allEnvs') }, ...envs.map((e) => ({ value: e.id, label: e.name }))]} data-testid="versions-env" />
        <Button disabled={picked.length !== 2} onClick={doCompare} data-testid="versions-compare">{t('versions.compare')}</Button>
        <span>{t('versions.pickTwo')}</span>
      </Space>
      <Table<ApiVersion> size="small" rowKey="version_id" loading={versions.isPending} dataSource={rows} pagination={false} data-testid="versions-table"
        locale={{ emptyText: t('versions.empty') }}
        rowSelection={{ selectedRowKeys: picked, onChange: (keys) => setPicked((keys as string[]).slice(-2)), hideSelectAll: true }}
        columns={[
          { title: t('versions.version'), dataIndex: 'version_no' },
          { title: t('publish.env'), dataIndex: 'env_name' },
          { title: t('versions.published'), dataIndex: 'publish_time', render: (v: string) => <Time value={normaliseTime(v)} /> },
          { title: t('publish.remark'), dataIndex: 'remark', ellipsis: true },
          { title: tc('common.status'), dataIndex: 'status', render: (s: number) => (s === 1 ? <Tag tone="success" testId="version-live">{t('versions.live')}</Tag> : null) },
          actionsColumn(tc('common.actions'), (v) => [
            { key: 'switch', label: t('versions.makeLive'), blockedReason: v.status === 1 ? t('versions.alreadyLive') : undefined, testId: 'version-make-live',
              onClick: () => confirm.one({ title: t('versions.switchTitle', { version: v.version_no ?? '', env: v.env_name ?? '' }), okText: t('versions.makeLive'), danger: false,
                run: () => sw.mutateAsync(v.version_id).then(() => versions.refetch()), success: t('versions.switched') }) },
          ]),
        ]} />
      {compare ? <VersionDiff iid={iid} left={compare[0]} right={compare[1]} onClose={() => setCompare(undefined)} /> : null}
    </>
  );
}
