// "Call as app": the debug request is signed with the chosen integration app's key and secret
// (roma-local signs it SDK-HMAC-SHA256), so the operator sees exactly what that app would get.
import { Form, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apicAppsQuery } from '../../api/apicApps';

/** The form field `app`: '' (no app, the request goes unsigned) or an app id. */
export default function DebugAppPicker({ iid }: { iid: string }) {
  const { t } = useTranslation('apic');
  const apps = useQuery(apicAppsQuery(iid));
  const options = [{ value: '', label: t('debug.noApp') }, ...(apps.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))];
  return (
    <Form.Item name="app" label={t('debug.asApp')} extra={t('debug.asAppHint')}>
      <Select style={{ width: 280 }} data-testid="debug-app" loading={apps.isLoading} options={options} showSearch optionFilterProp="label" />
    </Form.Item>
  );
}
