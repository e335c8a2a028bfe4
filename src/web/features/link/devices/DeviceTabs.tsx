// Device drawer tabs that only read: the shadow (last reported values per service) and the topics.
import { Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deviceShadowQuery, deviceTopicsQuery } from '../../../api/link';
import { EmptyState } from '../../../components/EmptyState';
import { QueryView } from '../../../components/QueryView';
import { Time } from '../../../components/Time';
import { Code, Tag } from '../../../components/ui';
import { Section } from '../shared/Section';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export function DeviceShadow({ iid, id }: { iid: string; id: string }) {
  const { t } = useTranslation('link');
  const q = useQuery({ ...deviceShadowQuery(iid, id), refetchInterval: 5000, refetchIntervalInBackground: false });
  return (
    <QueryView query={q} rows={4}>
      {(services) =>
        services.length === 0 ? (
          <EmptyState title={t('devices.shadowEmpty')} hint={t('devices.shadowEmptyHint')} testId="shadow-empty" />
        ) : (
          <div data-testid="device-shadow" style={{ display: 'grid', gap: 16 }}>
            {services.map((s) => (
              <Section key={s.serviceId} title={s.serviceName}>
                <Table
                  size="small"
                  rowKey="name"
                  pagination={false}
                  dataSource={s.properties}
                  columns={[
                    { title: t('fields.property'), dataIndex: 'name' },
                    { title: t('fields.value'), dataIndex: 'value', render: (v: unknown) => <Code>{show(v)}</Code> },
                    { title: t('fields.reportedAt'), dataIndex: 'updatedAt', width: 170, render: (v?: number) => <Time value={v} mode="relative" /> },
                  ]}
                />
              </Section>
            ))}
          </div>
        )
      }
    </QueryView>
  );
}

export function DeviceTopics({ iid, id }: { iid: string; id: string }) {
  const { t } = useTranslation('link');
  const q = useQuery(deviceTopicsQuery(iid, id));
  return (
    <QueryView query={q} rows={4}>
      {(topics) => (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          data-testid="device-topics"
          dataSource={topics}
          columns={[
            { title: t('fields.topic'), dataIndex: 'name', render: (v: string) => <Code>{v}</Code> },
            { title: t('fields.permission'), dataIndex: 'publish', width: 110, render: (p: boolean) => <Tag tone={p ? 'blue' : 'purple'}>{t(p ? 'topics.publish' : 'topics.subscribe')}</Tag> },
            { title: t('fields.topicKind'), dataIndex: 'custom', width: 110, render: (c: boolean) => t(c ? 'topics.custom' : 'topics.system') },
          ]}
        />
      )}
    </QueryView>
  );
}
