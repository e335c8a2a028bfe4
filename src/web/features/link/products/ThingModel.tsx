// The product's thing model: services, each with its properties and its commands (a command's
// request and response parameters below it). Edits go through small modals; deletes confirm by name.
import { Button, Flex, Table } from 'antd';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commandsQuery, propertiesQuery, servicesQuery, type Command, type Property, type PropertyOwner, type Service } from '../../../api/link';
import { EmptyState } from '../../../components/EmptyState';
import { useShowApiError } from '../../../components/ErrorAlert';
import { feedback } from '../../../components/feedback';
import { RowActions } from '../../../components/list';
import { Panel } from '../../../components/Panel';
import { QueryView } from '../../../components/QueryView';
import { Muted, Tag } from '../../../components/ui';
import { Section } from '../shared/Section';
import { useDeleteCommand, useDeleteProperty, useDeleteService, useSaveCommand, useSaveService } from '../shared/hooks';
import { ModelFormModal, type ModelFormTarget } from './ModelForms';
import { PropertyFormModal, type PropertyTarget } from './PropertyFormModal';

interface Ctx {
  iid: string;
  pid: string;
  noModify?: string;
  editProp: (t: PropertyTarget) => void;
  confirmDelete: (name: string, run: () => Promise<unknown>) => void;
}

export function ThingModel({ iid, pid, canModify }: { iid: string; pid: string; canModify: boolean }) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const q = useQuery(servicesQuery(iid, pid));
  const saveService = useSaveService(iid, pid);
  const saveCommand = useSaveCommand(iid, pid);
  const showApiError = useShowApiError();
  const [modelForm, setModelForm] = useState<{ target: ModelFormTarget; save: (v: { name: string; description: string; enabled: boolean }) => Promise<unknown> }>();
  const [propForm, setPropForm] = useState<PropertyTarget>();
  const noModify = canModify ? undefined : t('common.noModify');
  const confirmDelete = (name: string, run: () => Promise<unknown>) =>
    feedback.confirm({
      title: t('model.deleteTitle', { name }),
      content: t('model.deleteBody'),
      okText: tc('common.delete'),
      cancelText: tc('common.cancel'),
      danger: true,
      onOk: async () => {
        try {
          await run();
          feedback.success(t('model.deleted', { name }));
        } catch (err) {
          showApiError(err);
        }
      },
    });
  const ctx: Ctx = { iid, pid, noModify, editProp: setPropForm, confirmDelete };
  const addService = () =>
    setModelForm({
      target: { kind: 'service' },
      save: (v) => saveService.mutateAsync({ body: { product_id: Number(pid), service_name: v.name, description: v.description, status: v.enabled ? 0 : 1 } }),
    });
  const editService = (s: Service) =>
    setModelForm({
      target: { kind: 'service', initial: s },
      save: (v) => saveService.mutateAsync({ id: s.id, body: { service_name: v.name, description: v.description, status: v.enabled ? 0 : 1 } }),
    });
  const addCommand = (s: Service, c?: Command) =>
    setModelForm({ target: { kind: 'command', initial: c }, save: (v) => saveCommand.mutateAsync({ serviceId: s.id, id: c?.id, body: { name: v.name, description: v.description } }) });

  return (
    <div data-testid="thing-model">
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} disabled={!canModify} onClick={addService} data-testid="service-create">
          {t('model.addService')}
        </Button>
      </Flex>
      <QueryView query={q} rows={4}>
        {(services) =>
          services.length === 0 ? (
            <EmptyState title={t('model.emptyTitle')} hint={t('model.emptyHint')} />
          ) : (
            <Flex vertical gap={16}>
              {services.map((s) => (
                <ServicePanel key={s.id} s={s} ctx={ctx} onEdit={() => editService(s)} onCommand={(c) => addCommand(s, c)} />
              ))}
            </Flex>
          )
        }
      </QueryView>
      <ModelFormModal target={modelForm?.target} save={modelForm?.save ?? (async () => undefined)} onClose={() => setModelForm(undefined)} />
      <PropertyFormModal iid={iid} pid={pid} target={propForm} onClose={() => setPropForm(undefined)} />
    </div>
  );
}

function ServicePanel({ s, ctx, onEdit, onCommand }: { s: Service; ctx: Ctx; onEdit: () => void; onCommand: (c?: Command) => void }) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const del = useDeleteService(ctx.iid, ctx.pid);
  const delCmd = useDeleteCommand(ctx.iid, ctx.pid);
  const commands = useQuery(commandsQuery(ctx.iid, ctx.pid, s.id));
  return (
    <Panel testId={`service-${s.name}`}>
      <Section
        title={
          <span>
            {s.name} {s.enabled ? null : <Tag tone="warning">{t('state.disabled')}</Tag>} <Muted>{s.description}</Muted>
          </span>
        }
        extra={
          <RowActions
            actions={[
              { key: 'edit', label: tc('common.edit'), blockedReason: ctx.noModify, onClick: onEdit },
              { key: 'del', label: tc('common.delete'), danger: true, blockedReason: ctx.noModify, onClick: () => ctx.confirmDelete(s.name, () => del.mutateAsync(s.id)) },
            ]}
          />
        }
      >
        <Params ctx={ctx} owner={{ kind: 'service', serviceId: s.id }} title={t('model.properties')} />
        <Section
          title={t('model.commands')}
          extra={
            <Button size="small" icon={<PlusOutlined />} disabled={ctx.noModify !== undefined} onClick={() => onCommand()} data-testid="command-create">
              {t('model.addCommand')}
            </Button>
          }
        >
          <QueryView query={commands} rows={2}>
            {(cmds) => (
              <Table<Command>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={cmds}
                locale={{ emptyText: t('model.noCommands') }}
                expandable={{
                  expandedRowRender: (c) => (
                    <Flex vertical gap={8}>
                      <Params ctx={ctx} owner={{ kind: 'request', serviceId: s.id, commandId: c.id }} title={t('model.requestParams')} />
                      <Params ctx={ctx} owner={{ kind: 'response', serviceId: s.id, commandId: c.id }} title={t('model.responseParams')} />
                    </Flex>
                  ),
                }}
                columns={[
                  { title: tc('common.name'), dataIndex: 'name' },
                  { title: tc('common.remark'), dataIndex: 'description', ellipsis: true },
                  {
                    title: tc('common.actions'),
                    width: 140,
                    render: (_, c) => (
                      <RowActions
                        actions={[
                          { key: 'edit', label: tc('common.edit'), blockedReason: ctx.noModify, onClick: () => onCommand(c) },
                          { key: 'del', label: tc('common.delete'), danger: true, blockedReason: ctx.noModify, onClick: () => ctx.confirmDelete(c.name, () => delCmd.mutateAsync({ serviceId: s.id, id: c.id })) },
                        ]}
                      />
                    ),
                  },
                ]}
              />
            )}
          </QueryView>
        </Section>
      </Section>
    </Panel>
  );
}

function Params({ ctx, owner, title }: { ctx: Ctx; owner: PropertyOwner; title: string }) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const q = useQuery(propertiesQuery(ctx.iid, ctx.pid, owner));
  const del = useDeleteProperty(ctx.iid, ctx.pid);
  const range = (p: Property) => (p.data_type === 'integer' || p.data_type === 'number' ? `${p.min ?? ''} … ${p.max ?? ''}${p.step ? ` / ${p.step}` : ''}` : p.max_length ? `≤ ${p.max_length}` : '');
  return (
    <div style={{ marginBottom: 12 }}>
      <Section
        title={<Muted>{title}</Muted>}
        extra={
          <Button size="small" type="link" icon={<PlusOutlined />} disabled={ctx.noModify !== undefined} onClick={() => ctx.editProp({ owner })} data-testid={`property-create-${owner.kind}`}>
            {t('model.addProperty')}
          </Button>
        }
      >
        <QueryView query={q} rows={2}>
          {(props) => (
            <Table<Property>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={props}
              locale={{ emptyText: t('model.noProperties') }}
              columns={[
                { title: tc('common.name'), dataIndex: 'property_name' },
                { title: t('model.dataType'), dataIndex: 'data_type', width: 100 },
                { title: t('model.range'), render: (_, p) => `${range(p)} ${p.unit ?? ''}` },
                { title: t('model.required'), dataIndex: 'required', width: 90, render: (r?: number) => (r === 1 ? tc('common.yes') : tc('common.no')) },
                {
                  title: tc('common.actions'),
                  width: 140,
                  render: (_, p) => (
                    <RowActions
                      actions={[
                        { key: 'edit', label: tc('common.edit'), blockedReason: ctx.noModify, onClick: () => ctx.editProp({ owner, property: p }) },
                        { key: 'del', label: tc('common.delete'), danger: true, blockedReason: ctx.noModify, onClick: () => ctx.confirmDelete(p.property_name, () => del.mutateAsync({ owner, id: p.id })) },
                      ]}
                    />
                  ),
                },
              ]}
            />
          )}
        </QueryView>
      </Section>
    </div>
  );
}
