// Custom domains bound to a group (besides its sub-domain `sl_domain`): bind with the rules
// stated up front, unbind with a confirmation that names the domain.
import { Button, Form, Input, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { DOMAIN_PATTERN, type UrlDomain } from '../../../contract/apic';
import type { ApiGroup } from '../../api/apic';
import { useShowApiError } from '../../components/ErrorAlert';
import { feedback } from '../../components/feedback';
import { actionsColumn, useConfirm } from '../../components/list';
import { Code } from '../../components/ui';
import { useDomains } from './hooks';

export function DomainsTab({ iid, group }: { iid: string; group: ApiGroup }) {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<{ url_domain: string; min_ssl_version: 'TLSv1.1' | 'TLSv1.2' }>();
  const { bind, unbind } = useDomains(iid, group.id);
  const confirm = useConfirm();
  const showApiError = useShowApiError();

  const submit = async (v: { url_domain: string; min_ssl_version: 'TLSv1.1' | 'TLSv1.2' }) => {
    try {
      await bind.mutateAsync({ url_domain: v.url_domain.trim(), min_ssl_version: v.min_ssl_version });
      feedback.success(t('domains.bound', { domain: v.url_domain }));
      form.resetFields();
    } catch (err) {
      showApiError(err);
    }
  };

  return (
    <>
      <p>{t('domains.intro', { domain: group.sl_domain ?? '' })}</p>
      <Form form={form} layout="inline" onFinish={(v) => void submit(v)} initialValues={{ min_ssl_version: 'TLSv1.2' }} style={{ marginBottom: 12 }}>
        <Form.Item name="url_domain" extra={t('rules.domain')} rules={[{ required: true, message: tc('common.required') }, { pattern: DOMAIN_PATTERN, message: t('rules.domain') }]}>
          <Input placeholder="api.example.com" style={{ width: 260 }} data-testid="domain-input" />
        </Form.Item>
        <Form.Item name="min_ssl_version">
          <Select style={{ width: 120 }} options={[{ value: 'TLSv1.1' }, { value: 'TLSv1.2' }]} />
        </Form.Item>
        <Button htmlType="submit" loading={bind.isPending} data-testid="domain-bind">{t('domains.bind')}</Button>
      </Form>
      <Table<UrlDomain> size="small" rowKey={(d) => d.id ?? d.domain ?? ''} pagination={false} dataSource={group.url_domains ?? []} data-testid="domains-table"
        locale={{ emptyText: t('domains.empty') }}
        columns={[
          { title: t('domains.domain'), dataIndex: 'domain', render: (v: string) => <Code>{v}</Code> },
          { title: t('domains.tls'), dataIndex: 'min_ssl_version', width: 120 },
          actionsColumn(tc('common.actions'), (d) => [
            { key: 'unbind', label: t('domains.unbind'), danger: true, testId: 'domain-unbind',
              onClick: () => confirm.one({ title: t('domains.unbindTitle', { domain: d.domain ?? '' }), okText: t('domains.unbind'), danger: true, run: () => unbind.mutateAsync(d.id ?? '') }) },
          ]),
        ]} />
    </>
  );
}
