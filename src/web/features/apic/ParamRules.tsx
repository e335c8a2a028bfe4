// The rules of one request parameter, under its row: validation on/off, number range or length
// range (by type), allowed values, pattern, pass-through to the backend and a description.
// A JSON schema or orchestrations set through the API are not editable here but are kept.
import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Muted } from '../../components/ui';
import type { EditorValues, ParamRow } from './editorModel';

export function ParamRules({ index }: { index: number }) {
  const { t } = useTranslation('apic');
  const form = Form.useFormInstance<EditorValues>();
  const row = (Form.useWatch(['req_params', index], form) ?? {}) as Partial<ParamRow>;
  const number = row.type === 'NUMBER';
  const onOff = [{ value: 1, label: t('editor.ruleOn') }, { value: 2, label: t('editor.ruleOff') }];
  return (
    <Space wrap align="start" size={4} style={{ marginInlineStart: 16 }} data-testid="param-rules">
      <Form.Item name={[index, 'valid_enable']} label={t('editor.validate')} tooltip={t('rules.validate')}>
        <Select style={{ width: 90 }} allowClear options={onOff} />
      </Form.Item>
      <Form.Item name={[index, number ? 'min_num' : 'min_size']} label={number ? t('editor.minNum') : t('editor.minSize')}>
        <InputNumber style={{ width: 100 }} min={number ? undefined : 0} precision={0} />
      </Form.Item>
      <Form.Item name={[index, number ? 'max_num' : 'max_size']} label={number ? t('editor.maxNum') : t('editor.maxSize')}>
        <InputNumber style={{ width: 100 }} min={number ? undefined : 0} precision={0} />
      </Form.Item>
      <Form.Item name={[index, 'enumerations']} label={t('editor.enumerations')} tooltip={t('rules.enumerations')} rules={[{ max: 1024 }]}>
        <Input style={{ width: 160 }} placeholder="a,b,c" />
      </Form.Item>
      <Form.Item name={[index, 'regular']} label={t('editor.regular')} rules={[{ max: 1024 }]}>
        <Input style={{ width: 140 }} placeholder="^[a-z]+$" />
      </Form.Item>
      <Form.Item name={[index, 'pass_through']} label={t('editor.passThrough')} tooltip={t('rules.passThrough')}>
        <Select style={{ width: 90 }} allowClear options={onOff} />
      </Form.Item>
      <Form.Item name={[index, 'remark']} label={t('editor.paramRemark')} rules={[{ max: 1000 }]}>
        <Input style={{ width: 180 }} />
      </Form.Item>
      {row.json_schema || row.orchestrations?.length ? <Muted testId="param-kept">{t('editor.paramKept')}</Muted> : null}
    </Space>
  );
}
