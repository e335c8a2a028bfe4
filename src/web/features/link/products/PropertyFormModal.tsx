// A property, or a command's request/response parameter (one body shape for the three). The
// fields follow the data type: min/max/step for integer and number, max length for the others.
import { Form, Input, InputNumber, Modal, Radio, Select, type ButtonProps } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PROPERTY_DATA_TYPES, PROPERTY_NAME_PATTERN, type PropertyRequest } from '../../../../contract/link';
import { toApiError } from '../../../api/errors';
import type { Property, PropertyOwner } from '../../../api/link';
import { useShowApiError } from '../../../components/ErrorAlert';
import { feedback } from '../../../components/feedback';
import { FormErrorsLive, validateOrFocus } from '../../../components/FormErrors';
import { useSaveProperty } from '../shared/hooks';
import { len, max, pattern, required } from '../shared/rules';

type DataType = (typeof PROPERTY_DATA_TYPES)[number];
interface Values {
  property_name: string;
  data_type: DataType;
  required: 0 | 1;
  min?: string;
  max?: string;
  step?: string;
  max_length?: number;
  unit?: string;
  enum_list?: string;
  description?: string;
}
const NUMERIC = /^-?\d+(\.\d+)?$/;

export interface PropertyTarget {
  owner: PropertyOwner;
  property?: Property;
}

export function PropertyFormModal({ iid, pid, target, onClose }: { iid: string; pid: string; target?: PropertyTarget; onClose: () => void }) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveProperty(iid, pid);
  const showApiError = useShowApiError();
  const type = Form.useWatch('data_type', form) ?? 'integer';
  const numeric = type === 'integer' || type === 'number';

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    const p = target.property;
    if (p) form.setFieldsValue({ ...p, data_type: p.data_type as DataType, required: p.required === 1 ? 1 : 0, min: p.min ?? undefined, max: p.max ?? undefined, step: p.step ?? undefined, max_length: p.max_length ?? undefined, unit: p.unit ?? undefined, enum_list: p.enum_list ?? undefined });
  }, [target, form]);

  const submit = async () => {
    const v = await validateOrFocus(form);
    if (!v || !target) return;
    const body: PropertyRequest = {
      property_name: v.property_name.trim(),
      data_type: v.data_type,
      required: v.required,
      ...(numeric ? { min: v.min, max: v.max, step: v.step } : { max_length: v.max_length }),
      ...(v.unit ? { unit: v.unit } : {}),
      ...(v.enum_list ? { enum_list: v.enum_list } : {}),
      description: (v.description ?? '').trim(),
    };
    try {
      await save.mutateAsync({ owner: target.owner, id: target.property?.id, body });
      feedback.success(t('model.saved', { name: body.property_name }));
      onClose();
    } catch (err) {
      const e = toApiError(err);
      if (e.code === 'RML.0207') return form.setFields([{ name: 'property_name', errors: [`${e.message} (${e.code})`] }]);
      showApiError(e);
    }
  };

  const num = (name: 'min' | 'max' | 'step') => (
    <Form.Item
      name={name}
      label={t(`model.${name}`)}
      dependencies={['min', 'max']}
      rules={[
        { required: true, message: t('rules.required') },
        pattern(NUMERIC, t('model.numberRule')),
        ...(name === 'min' ? [({ getFieldValue }: { getFieldValue: (n: string) => string }) => ({ validator: async (_: unknown, v?: string) => { const m = getFieldValue('max'); if (v && m && NUMERIC.test(v) && NUMERIC.test(m) && Number(v) > Number(m)) throw new Error(t('model.minMax')); } })] : []),
      ]}
      style={{ flex: 1 }}
    >
      <Input data-testid={`property-form-${name}`} />
    </Form.Item>
  );

  const kind = target?.owner.kind ?? 'service';
  return (
    <Modal
      open={target !== undefined}
      title={t(`model.${kind}PropertyTitle`)}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'property-form-submit' } as ButtonProps}
      destroyOnHidden
      forceRender
      width={600}
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ data_type: 'integer', required: 0, min: '0', max: '100', step: '1', max_length: 64 }} onFinish={() => void submit()}>
        <Form.Item name="property_name" label={tc('common.name')} extra={t('model.propertyNameRule')} rules={[required(t), len(t, 2, 50), pattern(PROPERTY_NAME_PATTERN, t('model.propertyNameRule'))]}>
          <Input maxLength={50} data-testid="property-form-name" autoFocus />
        </Form.Item>
        <Form.Item name="data_type" label={t('model.dataType')} extra={type === 'datetime' ? t('model.datetimeHint') : undefined}>
          <Select data-testid="property-form-type" options={PROPERTY_DATA_TYPES.map((d) => ({ value: d, label: d }))} />
        </Form.Item>
        <Form.Item name="required" label={t('model.required')}>
          <Radio.Group options={[{ value: 1, label: tc('common.yes') }, { value: 0, label: tc('common.no') }]} />
        </Form.Item>
        {numeric ? (
          <div style={{ display: 'flex', gap: 12 }}>
            {num('min')}
            {num('max')}
            {num('step')}
          </div>
        ) : (
          <Form.Item name="max_length" label={t('model.maxLength')} rules={[{ required: true, message: t('rules.required') }]}>
            <InputNumber min={1} max={2097152} precision={0} style={{ width: '100%' }} data-testid="property-form-max-length" />
          </Form.Item>
        )}
        <Form.Item name="unit" label={t('model.unit')} rules={[max(t, 16)]}>
          <Input maxLength={16} />
        </Form.Item>
        <Form.Item name="enum_list" label={t('model.enumList')} extra={t('model.enumListHint')} rules={[max(t, 1024)]}>
          <Input maxLength={1024} />
        </Form.Item>
        <Form.Item name="description" label={tc('common.remark')} rules={[max(t, 200)]}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
        <FormErrorsLive testId="property-form-errors" labels={{ property_name: tc('common.name') }} />
      </Form>
    </Modal>
  );
}
