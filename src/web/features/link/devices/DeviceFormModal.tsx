// Create / edit a device. Every rule of the reference is stated on its field (lengths, patterns,
// the password complexity); the integration app comes from the chosen product.
import { Form, Input, Modal, Select, Switch, type ButtonProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DEVICE_NAME_PATTERN, DEVICE_PASSWORD_PATTERN, DEVICE_USER_NAME_PATTERN, NODE_ID_PATTERN } from '../../../../contract/link';
import { toApiError } from '../../../api/errors';
import { productDetailQuery, type Device } from '../../../api/link';
import { useShowApiError } from '../../../components/ErrorAlert';
import { feedback } from '../../../components/feedback';
import { FormErrorsLive, validateOrFocus } from '../../../components/FormErrors';
import { ProductPicker } from '../shared/Pickers';
import { useCreateDevice, useUpdateDevice } from '../shared/hooks';
import { len, max, pattern, required } from '../shared/rules';

interface Values {
  product_id: string;
  device_name: string;
  node_id: string;
  user_name?: string;
  password?: string;
  enabled: boolean;
  description?: string;
  tags: string[];
}

/** Which field a uniqueness error belongs to. */
const CONFLICT_FIELD: Record<string, keyof Values> = { 'RML.0203': 'device_name', 'RML.0204': 'node_id', 'RML.0205': 'user_name' };

export function DeviceFormModal({
  iid,
  open,
  device,
  productId,
  onClose,
}: {
  iid: string;
  open: boolean;
  device?: Device;
  /** preselected product (creating from a product page) */
  productId?: string;
  onClose: (saved?: Device) => void;
}) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const showApiError = useShowApiError();
  const create = useCreateDevice(iid);
  const update = useUpdateDevice(iid);
  const pending = create.isPending || update.isPending;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (device) form.setFieldsValue({ ...device, device_name: device.name, product_id: device.productId, enabled: device.enabled });
    else if (productId) form.setFieldsValue({ product_id: productId });
  }, [open, device, productId, form]);

  const submit = async () => {
    const v = await validateOrFocus(form);
    if (!v) return;
    const status = v.enabled ? 0 : 1;
    const description = (v.description ?? '').trim();
    try {
      let saved: Device;
      if (device) {
        saved = await update.mutateAsync({ id: device.id, body: { device_name: v.device_name.trim(), status, description, tags: v.tags } });
      } else {
        const product = await qc.fetchQuery(productDetailQuery(iid, v.product_id));
        saved = await create.mutateAsync({
          product: { product_id: Number(v.product_id) },
          app_id: product.appId ?? '',
          device_name: v.device_name.trim(),
          node_id: v.node_id.trim(),
          ...(v.user_name ? { user_name: v.user_name } : {}),
          ...(v.password ? { password: v.password } : {}),
          status,
          description,
          tags: v.tags,
        });
      }
      feedback.success(t(device ? 'devices.saved' : 'devices.created', { name: saved.name }));
      onClose(saved);
    } catch (err) {
      const e = toApiError(err);
      const field = CONFLICT_FIELD[e.code];
      if (field) {
        form.setFields([{ name: field, errors: [`${e.message} (${e.code})`] }]);
        form.focusField(field);
        return;
      }
      showApiError(e);
    }
  };

  const creating = device === undefined;
  return (
    <Modal
      open={open}
      title={device ? t('devices.editTitle', { name: device.name }) : t('devices.createTitle')}
      okText={device ? tc('common.save') : tc('common.create')}
      cancelText={tc('common.cancel')}
      onOk={() => void submit()}
      onCancel={() => onClose()}
      confirmLoading={pending}
      okButtonProps={{ 'data-testid': 'device-form-submit' } as ButtonProps}
      destroyOnHidden
      forceRender
      width={600}
      data-testid="device-form-modal"
    >
      <Form<Values> form={form} layout="vertical" disabled={pending} initialValues={{ enabled: true, tags: [] }} onFinish={() => void submit()}>
        <Form.Item name="product_id" label={t('fields.product')} extra={creating ? t('devices.productRule') : t('devices.productFixed')} rules={[{ required: true, message: t('rules.required') }]}>
          <ProductPicker iid={iid} testId="device-form-product" disabled={!creating} />
        </Form.Item>
        <Form.Item
          name="device_name"
          label={t('fields.deviceName')}
          extra={t('devices.nameRule')}
          rules={[required(t), len(t, 2, 64), pattern(DEVICE_NAME_PATTERN, t('devices.nameRule'))]}
        >
          <Input data-testid="device-form-name" maxLength={64} showCount autoFocus />
        </Form.Item>
        <Form.Item
          name="node_id"
          label={t('fields.nodeId')}
          extra={creating ? t('devices.nodeIdRule') : t('devices.nodeIdFixed')}
          rules={creating ? [required(t), len(t, 2, 64), pattern(NODE_ID_PATTERN, t('devices.nodeIdRule'))] : []}
        >
          <Input data-testid="device-form-node-id" maxLength={64} disabled={!creating} />
        </Form.Item>
        {creating ? (
          <>
            <Form.Item name="user_name" label={t('fields.userName')} extra={t('devices.userNameRule')} rules={[len(t, 10, 50), pattern(DEVICE_USER_NAME_PATTERN, t('devices.userNameRule'))]}>
              <Input data-testid="device-form-user-name" maxLength={50} autoComplete="off" />
            </Form.Item>
            <Form.Item name="password" label={t('fields.password')} extra={t('devices.passwordRule')} rules={[pattern(DEVICE_PASSWORD_PATTERN, t('devices.passwordRule'))]}>
              <Input.Password data-testid="device-form-password" maxLength={32} autoComplete="new-password" />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="enabled" label={t('fields.enabled')} valuePropName="checked" extra={t('devices.enabledRule')}>
          <Switch data-testid="device-form-enabled" />
        </Form.Item>
        <Form.Item name="tags" label={t('fields.tags')} extra={t('devices.tagsRule')} rules={[{ type: 'array', max: 20, message: t('devices.tagsRule') }]}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', ';']} maxTagTextLength={64} aria-label={t('fields.tags')} />
        </Form.Item>
        <Form.Item name="description" label={tc('common.remark')} rules={[max(t, 200)]}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
        <FormErrorsLive
          testId="device-form-errors"
          labels={{ product_id: t('fields.product'), device_name: t('fields.deviceName'), node_id: t('fields.nodeId'), user_name: t('fields.userName'), password: t('fields.password') }}
        />
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
