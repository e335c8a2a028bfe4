// The selected group: its devices (server paging), add devices of the same app, remove one.
import { Button, Flex, Modal, Select, Table } from 'antd';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceListQuery, groupDevicesQuery, type GroupDevice, type GroupTreeNode } from '../../../api/link';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert, useShowApiError } from '../../../components/ErrorAlert';
import { feedback } from '../../../components/feedback';
import { RowActions, useConfirm } from '../../../components/list';
import { QueryView } from '../../../components/QueryView';
import { Strong } from '../../../components/ui';
import { DeviceStatusTag } from '../shared/DeviceStatusTag';
import { Section } from '../shared/Section';
import { useAddToGroup, useRemoveFromGroup } from '../shared/hooks';

export function GroupDevices({ iid, appId, group, onEdit, onDelete }: { iid: string; appId: string; group: GroupTreeNode; onEdit: (g: GroupTreeNode) => void; onDelete: () => void }) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const [offset, setOffset] = useState(0);
  const q = useQuery(groupDevicesQuery(iid, group.id, { offset, limit: 10 }));
  const remove = useRemoveFromGroup(iid, group.id);
  const confirm = useConfirm();
  const [adding, setAdding] = useState(false);
  return (
    <Section
      testId="group-devices"
      title={<Strong testId="group-title">{group.name}</Strong>}
      extra={
        <Flex gap={8}>
          <Button onClick={() => onEdit(group)} data-testid="group-edit">{tc('common.edit')}</Button>
          <Button danger onClick={onDelete} data-testid="group-delete">{tc('common.delete')}</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="group-add-devices">{t('groups.addDevices')}</Button>
        </Flex>
      }
    >
      <QueryView query={q} rows={3}>
        {(data) => (
          <Table<GroupDevice>
            size="small"
            rowKey="id"
            dataSource={data.items}
            pagination={{ current: offset / 10 + 1, pageSize: 10, total: data.total, onChange: (p) => setOffset((p - 1) * 10), hideOnSinglePage: true }}
            locale={{ emptyText: <EmptyState title={t('groups.noDevices')} hint={t('groups.noDevicesHint')} /> }}
            columns={[
              { title: t('fields.deviceName'), dataIndex: 'name' },
              { title: t('fields.product'), dataIndex: 'productName' },
              { title: tc('common.status'), key: 'state', render: (_, d) => <DeviceStatusTag state={d.state} /> },
              {
                title: tc('common.actions'),
                width: 120,
                render: (_, d) => (
                  <RowActions
                    actions={[
                      {
                        key: 'remove',
                        label: t('groups.remove'),
                        danger: true,
                        testId: 'group-remove-device',
                        onClick: () =>
                          confirm.one({
                            title: t('groups.removeTitle', { device: d.name, group: group.name }),
                            okText: t('groups.remove'),
                            danger: true,
                            run: () => remove.mutateAsync(d.id),
                            success: t('groups.removed', { device: d.name }),
                          }),
                      },
                    ]}
                  />
                ),
              },
            ]}
          />
        )}
      </QueryView>
      <AddDevices iid={iid} appId={appId} group={group} open={adding} onClose={() => setAdding(false)} />
    </Section>
  );
}

function AddDevices({ iid, appId, group, open, onClose }: { iid: string; appId: string; group: GroupTreeNode; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const [name, setName] = useState('');
  const [ids, setIds] = useState<string[]>([]);
  const q = useQuery({ ...deviceListQuery(iid, { offset: 0, limit: 50, app_id: appId, device_name: name || undefined }), enabled: open });
  const add = useAddToGroup(iid, group.id);
  const showApiError = useShowApiError();
  const submit = async () => {
    try {
      await add.mutateAsync(ids);
      feedback.success(t('groups.added', { count: ids.length, group: group.name }));
      setIds([]);
      onClose();
    } catch (err) {
      showApiError(err);
    }
  };
  return (
    <Modal open={open} title={t('groups.addTitle', { name: group.name })} okText={t('groups.addDevices')} cancelText={tc('common.cancel')} okButtonProps={{ disabled: ids.length === 0 }} confirmLoading={add.isPending} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <p>{t('groups.addHint')}</p>
      <Select
        mode="multiple"
        style={{ width: '100%' }}
        showSearch={{ filterOption: false, onSearch: setName }}
        value={ids}
        onChange={setIds}
        loading={q.isFetching}
        aria-label={t('groups.addDevices')}
        data-testid="group-add-select"
        options={(q.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
      />
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
    </Modal>
  );
}
