// A product's custom topics: list, create, edit, delete.
import { Button, Table } from 'antd';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { productTopicsQuery, type Topic } from '../../../api/link';
import { EmptyState } from '../../../components/EmptyState';
import { useShowApiError } from '../../../components/ErrorAlert';
import { feedback } from '../../../components/feedback';
import { QueryView } from '../../../components/QueryView';
import { Code, Tag } from '../../../components/ui';
import { RowActions } from '../../../components/list';
import { Section } from '../shared/Section';
import { useDeleteTopic } from '../shared/hooks';
import { TopicFormModal } from './TopicFormModal';

export function ProductTopics({ iid, pid, canModify }: { iid: string; pid: string; canModify: boolean }) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const q = useQuery(productTopicsQuery(iid, pid));
  const del = useDeleteTopic(iid, pid);
  const showApiError = useShowApiError();
  const [form, setForm] = useState<{ open: boolean; topic?: Topic }>({ open: false });
  const noModify = canModify ? undefined : t('common.noModify');
  const add = (
    <Button icon={<PlusOutlined />} disabled={!canModify} onClick={() => setForm({ open: true })} data-testid="topic-create">
      {t('topics.create')}
    </Button>
  );
  const remove = (x: Topic) =>
    feedback.confirm({
      title: t('topics.deleteTitle', { name: x.name }),
      content: t('topics.deleteBody'),
      okText: tc('common.delete'),
      cancelText: tc('common.cancel'),
      danger: true,
      onOk: async () => {
        try {
          await del.mutateAsync(x.id);
          feedback.success(t('topics.deleted', { name: x.name }));
        } catch (err) {
          showApiError(err);
        }
      },
    });
  return (
    <Section title={t('topics.title')} extra={add} testId="product-topics">
      <QueryView query={q} rows={3}>
        {(topics) => (
          <Table<Topic>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={topics}
            locale={{ emptyText: <EmptyState title={t('topics.emptyTitle')} hint={t('topics.emptyHint')} /> }}
            columns={[
              { title: t('fields.topic'), render: (_, x) => <Code>{`/${x.version}/{deviceId}/${x.name}`}</Code> },
              { title: t('fields.permission'), dataIndex: 'publish', width: 110, render: (p: boolean) => <Tag tone={p ? 'blue' : 'purple'}>{t(p ? 'topics.publish' : 'topics.subscribe')}</Tag> },
              { title: tc('common.remark'), dataIndex: 'description', ellipsis: true },
              {
                title: tc('common.actions'),
                width: 140,
                render: (_, x) => (
                  <RowActions
                    actions={[
                      { key: 'edit', label: tc('common.edit'), blockedReason: noModify, onClick: () => setForm({ open: true, topic: x }) },
                      { key: 'del', label: tc('common.delete'), danger: true, blockedReason: noModify, onClick: () => remove(x) },
                    ]}
                  />
                ),
              },
            ]}
          />
        )}
      </QueryView>
      <TopicFormModal iid={iid} pid={pid} open={form.open} topic={form.topic} onClose={() => setForm({ open: false })} />
    </Section>
  );
}
