// Create / edit a data source: only the fields its type uses (fields.ts); SQLITE is offered only
// when the service lists it. "Test connection" shows its result in place: success, or what
// failed with the service's (driver's) message, error code and request id.
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATASOURCE_NAME_PATTERN } from '../../../../contract/fdi';
import { appListQuery } from '../../../api/apps';
import { offeredTypesQuery, type Datasource } from '../../../api/fdi';
import { useShowApiError } from '../../../components/ErrorAlert';
import { feedback } from '../../../components/feedback';
import { validateOrFocus } from '../../../components/FormErrors';
import { useSaveDatasource, useTestDatasource } from '../hooks';
import { ConnectionFields } from './ConnectionFields';
import { TestResult } from './TestResult';
import { DEFAULT_PORTS, fromContent, toDatasourceInfo, type DatasourceFormValues } from './fields';

export function DatasourceFormModal({ iid, open, ds, onClose }: { iid: string; open: boolean; ds?: Datasource; onClose: () => void }) {
  const { t } = useTranslation('fdi');
  const [form] = Form.useForm<DatasourceFormValues>();
  const type = Form.useWatch('datasource_type', form) ?? ds?.type ?? '';
  const types = useQuery(offeredTypesQuery(iid));
  const apps = useQuery(appListQuery(iid, { offset: 0, limit: 100 }));
  const save = useSaveDatasource(iid);
  const test = useTestDatasource(iid);
  const showError = useShowApiError();
  const [jsonError, setJsonError] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    test.reset();
    form.setFieldsValue(
      ds
        ? { datasource_name: ds.name, datasource_type: ds.type, app_id: ds.appId, description: ds.description, ...fromContent(ds.type, ds.content) }
        : { mode: 'default' },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset when the modal opens
  }, [open, ds, form]);

  const body = async () => {
    const v = await validateOrFocus(form);
    if (!v) return undefined;
    try {
      setJsonError(false);
      return toDatasourceInfo(v);
    } catch {
      setJsonError(true);
      return undefined;
    }
  };
  const submit = async () => {
    const b = await body();
    if (!b) return;
    try {
      const saved = await save.mutateAsync({ id: ds?.id, body: b });
      feedback.success(t('ds.saved', { name: saved.name }));
      onClose();
    } catch (err) {
      showError(err);
    }
  };
  const runTest = async () => {
    const b = await body();
    if (b) test.mutate({ id: ds?.id, body: b });
  };

  // the types this service can really connect to first
  const typeOptions = [...(types.data ?? [])].sort((a, b) => Number(b.runnable) - Number(a.runnable)).map((o) => ({ value: o.type, label: o.local ? `${o.type} (${t('ds.localType')})` : o.type, title: o.runnable ? undefined : t('ds.notRunnable') }));
  return (
    <Modal
      open={open}
      title={ds ? t('ds.formEdit', { name: ds.name }) : t('ds.formCreate')}
      okText={t('ds.save')}
      cancelText={t('wizard.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'ds-form-submit' } as ButtonProps}
      width={640}
      destroyOnHidden
      forceRender
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          <Button data-testid="ds-test" loading={test.isPending} onClick={() => void runTest()} style={{ float: 'inline-start' }}>
            {test.isPending ? t('ds.testing') : t('ds.test')}
          </Button>
          <CancelBtn />
          <OkBtn />
        </>
      )}
    >
      <Form<DatasourceFormValues> form={form} layout="vertical" data-testid="ds-form" disabled={save.isPending} onValuesChange={(c: Partial<DatasourceFormValues>) => {
        if (c.datasource_type && !form.getFieldValue('port')) form.setFieldValue('port', DEFAULT_PORTS[c.datasource_type]);
        if (!('password' in c)) test.reset();
      }}>
        <Form.Item name="datasource_name" label={t('ds.name')} rules={[{ required: true, whitespace: true, message: t('ds.required') }, { max: 255 }, { pattern: DATASOURCE_NAME_PATTERN, message: t('ds.nameInvalid') }]}>
          <Input data-testid="ds-name" maxLength={255} autoFocus />
        </Form.Item>
        <Form.Item name="datasource_type" label={t('ds.type')} rules={[{ required: true, message: t('ds.required') }]}>
          <Select data-testid="ds-type" showSearch disabled={!!ds} loading={types.isPending} options={typeOptions} />
        </Form.Item>
        <Form.Item name="app_id" label={t('ds.app')} rules={[{ required: true, message: t('ds.appRequired') }]}>
          <Select data-testid="ds-app" showSearch optionFilterProp="label" loading={apps.isPending} options={(apps.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))} />
        </Form.Item>
        {type ? <ConnectionFields type={type} editing={!!ds} jsonError={jsonError} /> : null}
        <Form.Item name="description" label={t('ds.description')}>
          <Input.TextArea rows={2} maxLength={1024} />
        </Form.Item>
      </Form>
      <TestResult state={test} />
    </Modal>
  );
}

