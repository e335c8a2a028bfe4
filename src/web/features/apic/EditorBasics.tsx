// Editor step 1: name, group, description, authentication (with the custom authorizer's id).
import { Form, Input, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { APIC_NAME_PATTERN, AUTH_TYPES } from '../../../contract/apic';
import { groupListQuery } from '../../api/apic';
import { RemarkItem } from './RemarkItem';

export function EditorBasics({ iid }: { iid: string }) {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  const groups = useQuery(groupListQuery(iid, { offset: 0, limit: 500 }));
  const auth = Form.useWatch('auth_type', Form.useFormInstance());
  return (
    <>
      <Form.Item name="name" label={tc('common.name')} extra={t('rules.name')}
        rules={[{ required: true, message: tc('common.required') }, { min: 3, max: 255, message: t('rules.nameLength') }, { pattern: APIC_NAME_PATTERN, message: t('rules.nameChars') }]}>
        <Input maxLength={255} data-testid="api-name" />
      </Form.Item>
      <Form.Item name="group_id" label={t('apis.group')} rules={[{ required: true, message: tc('common.required') }]} extra={t('rules.group')}>
        <Select loading={groups.isPending} data-testid="api-group" showSearch optionFilterProp="label"
          options={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))} />
      </Form.Item>
      <RemarkItem />
      <Form.Item name="auth_type" label={t('editor.auth')} extra={t('rules.auth')}>
        <Select data-testid="api-auth" options={AUTH_TYPES.map((a) => ({ value: a, label: t(`editor.authType.${a}`) }))} />
      </Form.Item>
      {auth === 'AUTHORIZER' ? (
        // roma-local has no custom authorizers to list, so the id is typed (the cloud's id is kept as saved)
        <Form.Item name="authorizer_id" label={t('editor.authorizer')} extra={t('rules.authorizer')}
          rules={[{ required: true, message: tc('common.required') }, { max: 64, message: tc('common.maxLength', { max: 64 }) }]}>
          <Input style={{ maxWidth: 360 }} data-testid="api-authorizer" />
        </Form.Item>
      ) : null}
    </>
  );
}
