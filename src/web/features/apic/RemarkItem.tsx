// The description field of APIC forms (groups, environments, APIs): up to 1000 characters, no < or >.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

export function RemarkItem() {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  return (
    <Form.Item name="remark" label={tc('common.remark')} extra={t('rules.remark')}
      rules={[{ max: 1000, message: tc('common.maxLength', { max: 1000 }) }, { pattern: /^[^<>]*$/, message: t('rules.remarkChars') }]}>
      <Input.TextArea rows={2} maxLength={1000} />
    </Form.Item>
  );
}
