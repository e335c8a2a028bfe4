// Create / edit a product. Each field states its rule (from the contract) before the server does;
// type, protocol, app and data format are fixed after creation (link.md) and shown disabled.
import { Form, Input, Modal, Radio, type ButtonProps } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { MANUFACTURER_ID_PATTERN, MODEL_PATTERN, PRODUCT_NAME_PATTERN } from '../../../../contract/link';
import { toApiError } from '../../../api/errors';
import type { Product } from '../../../api/link';
import { useShowApiError } from '../../../components/ErrorAlert';
import { feedback } from '../../../components/feedback';
import { FormErrorsLive, validateOrFocus } from '../../../components/FormErrors';
import { AppPicker } from '../shared/Pickers';
import { useCreateProduct, useUpdateProduct } from '../shared/hooks';
import { len, max, pattern, required } from '../shared/rules';

interface Values {
  app_id: string;
  name: string;
  manufacturer_id: string;
  manufacturer_name: string;
  model: string;
  product_type: 0 | 1;
  protocol_type: 0 | 2 | 4;
  data_format: 0 | 1;
  device_type: string;
  version?: string;
  description?: string;
}

export function ProductFormModal({ iid, open, product, onClose }: { iid: string; open: boolean; product?: Product; onClose: (saved?: Product) => void }) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const showApiError = useShowApiError();
  const create = useCreateProduct(iid);
  const update = useUpdateProduct(iid);
  const pending = create.isPending || update.isPending;
  const editing = product !== undefined;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (product) {
      form.setFieldsValue({
        ...product,
        app_id: product.appId,
        manufacturer_id: product.manufacturerId,
        manufacturer_name: product.manufacturerName,
        product_type: product.gateway ? 1 : 0,
        protocol_type: (product.protocol ?? 0) as 0,
        data_format: (product.dataFormat ?? 0) as 0,
        device_type: product.deviceType,
      });
    }
  }, [open, product, form]);

  const submit = async () => {
    const v = await validateOrFocus(form);
    if (!v) return;
    const common = {
      name: v.name.trim(),
      manufacturer_id: v.manufacturer_id.trim(),
      manufacturer_name: v.manufacturer_name.trim(),
      model: v.model.trim(),
      device_type: v.device_type?.trim() || 'Default',
      ...(v.version ? { version: v.version.trim() } : {}),
      description: (v.description ?? '').trim(),
    };
    try {
      const saved = product
        ? await update.mutateAsync({ id: product.id, body: common })
        : await create.mutateAsync({ ...common, app_id: v.app_id, product_type: v.product_type, protocol_type: v.protocol_type, data_format: v.data_format });
      feedback.success(t(product ? 'products.saved' : 'products.created', { name: saved.name }));
      onClose(saved);
    } catch (err) {
      const e = toApiError(err);
      if (e.code === 'RML.0201' || e.code === 'RML.0202') {
        const field = e.code === 'RML.0201' ? 'name' : 'model';
        form.setFields([{ name: field, errors: [`${e.message} (${e.code})`] }]);
        form.focusField(field);
        return;
      }
      showApiError(e);
    }
  };

  const fixed = editing ? t('products.fixedAfterCreate') : undefined;
  return (
    <Modal
      open={open}
      title={product ? t('products.editTitle', { name: product.name }) : t('products.createTitle')}
      okText={product ? tc('common.save') : tc('common.create')}
      cancelText={tc('common.cancel')}
      onOk={() => void submit()}
      onCancel={() => onClose()}
      confirmLoading={pending}
      okButtonProps={{ 'data-testid': 'product-form-submit' } as ButtonProps}
      destroyOnHidden
      forceRender
      width={620}
      data-testid="product-form-modal"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={pending}
        initialValues={{ product_type: 0, protocol_type: 0, data_format: 0, device_type: 'Default' }}
        onFinish={() => void submit()}
      >
        <Form.Item name="app_id" label={t('fields.app')} extra={fixed ?? t('products.appRule')} rules={[{ required: true, message: t('rules.required') }]}>
          <AppPicker iid={iid} testId="product-form-app" disabled={editing} />
        </Form.Item>
        <Form.Item
          name="name"
          label={tc('common.name')}
          extra={t('products.nameRule')}
          rules={[required(t), len(t, 1, 64), pattern(PRODUCT_NAME_PATTERN, t('products.nameRule'))]}
        >
          <Input data-testid="product-form-name" maxLength={64} showCount autoFocus />
        </Form.Item>
        <Form.Item
          name="manufacturer_id"
          label={t('fields.manufacturerId')}
          extra={t('products.manufacturerIdRule')}
          rules={[required(t), len(t, 2, 50), pattern(MANUFACTURER_ID_PATTERN, t('products.manufacturerIdRule'))]}
        >
          <Input data-testid="product-form-manufacturer-id" maxLength={50} />
        </Form.Item>
        <Form.Item name="manufacturer_name" label={t('fields.manufacturerName')} extra={t('rules.lengthHint', { min: 2, max: 64 })} rules={[required(t), len(t, 2, 64)]}>
          <Input data-testid="product-form-manufacturer-name" maxLength={64} />
        </Form.Item>
        <Form.Item name="model" label={t('fields.model')} extra={t('products.modelRule')} rules={[required(t), len(t, 2, 50), pattern(MODEL_PATTERN, t('products.modelRule'))]}>
          <Input data-testid="product-form-model" maxLength={50} />
        </Form.Item>
        <Form.Item name="product_type" label={t('fields.productType')} extra={fixed ?? t('products.typeRule')}>
          <Radio.Group disabled={editing} data-testid="product-form-type" options={[{ value: 0, label: t('productType.ordinary') }, { value: 1, label: t('productType.gateway') }]} />
        </Form.Item>
        <Form.Item name="protocol_type" label={t('fields.protocol')} extra={fixed}>
          <Radio.Group disabled={editing} data-testid="product-form-protocol" options={[0, 2, 4].map((v) => ({ value: v, label: t(`protocol.${v as 0 | 2 | 4}`) }))} />
        </Form.Item>
        <Form.Item name="data_format" label={t('fields.dataFormat')} extra={fixed}>
          <Radio.Group disabled={editing} options={[{ value: 0, label: 'JSON' }, { value: 1, label: t('products.userDefined') }]} />
        </Form.Item>
        <Form.Item name="device_type" label={t('fields.deviceType')} extra={t('products.deviceTypeRule')} rules={[required(t), max(t, 64)]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="version" label={t('fields.version')} rules={[max(t, 64)]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="description" label={tc('common.remark')} rules={[max(t, 200)]}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
        <FormErrorsLive testId="product-form-errors" labels={{ name: tc('common.name'), app_id: t('fields.app'), model: t('fields.model') }} />
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
