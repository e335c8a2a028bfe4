// Create or edit an API in four tabs (basics, frontend, backend, mock answer). Every rule of the
// reference is stated next to its field and checked here before saving (the contract's own
// schema: lengths, patterns, cross-field rules); a broken rule opens its tab and names the field.
import { Alert, Button, Form, Tabs } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { ApiCreateRequest } from '../../../contract/apic';
import { apiDetailQuery } from '../../api/apic';
import { toApiError } from '../../api/errors';
import { useShowApiError } from '../../components/ErrorAlert';
import { feedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { Panel } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { EditorBasics } from './EditorBasics';
import { EditorBackendType, EditorHttpBackend, EditorMock } from './EditorBackend';
import { PolicyBackends, VpcChannel } from './EditorCarried';
import { carryOf } from './editorCarry';
import { EditorFrontend } from './EditorFrontend';
import { checkDraft, emptyValues, fromApi, toRequest, type EditorValues, type RuleIssue } from './editorModel';
import { useSaveApi } from './hooks';

const TAB_OF: Record<string, string> = {
  name: 'basics', group_id: 'basics', remark: 'basics', auth_type: 'basics', authorizer_id: 'basics',
  req_uri: 'frontend', req_method: 'frontend', req_params: 'frontend', req_protocol: 'frontend',
  mock_status: 'mock', mock_body: 'mock', mock_headers: 'mock',
};
const tabOf = (i: RuleIssue) => TAB_OF[String(i.field[0])] ?? 'backend';

export default function ApiEditorPage() {
  const { instanceId: iid = '', apiId } = useParams();
  const { t } = useTranslation('apic');
  const existing = useQuery({ ...apiDetailQuery(iid, apiId ?? ''), enabled: !!apiId });
  if (!apiId) return <Editor iid={iid} />;
  return <QueryView query={existing}>{(api) => <Editor iid={iid} apiId={api.id} initial={fromApi(api)} carry={carryOf(api)} title={t('editor.editTitle', { name: api.name })} />}</QueryView>;
}

/** `carry`: the saved definition; what the form does not edit is saved from it unchanged. */
function Editor({ iid, apiId, initial, carry, title }: { iid: string; apiId?: string; initial?: EditorValues; carry?: ApiCreateRequest; title?: string }) {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const showApiError = useShowApiError();
  const save = useSaveApi(iid);
  const [form] = Form.useForm<EditorValues>();
  const start = useMemo(() => initial ?? emptyValues(params.get('group') ?? ''), [initial, params]);
  const [tab, setTab] = useState('basics');
  const [issues, setIssues] = useState<RuleIssue[]>([]);
  const backendType = Form.useWatch('backend_type', form) ?? start.backend_type;

  useEffect(() => form.setFieldsValue(start), [form, start]);

  const submit = async () => {
    const v = await form.validateFields().catch((e: { errorFields?: { name: (string | number)[] }[] }) => {
      const first = e.errorFields?.[0];
      if (first) setTab(TAB_OF[String(first.name[0])] ?? 'backend');
      return undefined;
    });
    if (!v) return;
    const all = { ...start, ...form.getFieldsValue(true) } as EditorValues;
    const found = checkDraft(all, carry);
    setIssues(found);
    if (found.length) {
      setTab(tabOf(found[0]!));
      form.setFields(found.map((i) => ({ name: i.field as never, errors: [i.message] })));
      return;
    }
    try {
      const saved = await save.mutateAsync({ id: apiId, body: toRequest(all, carry) });
      feedback.success(t(apiId ? 'editor.saved' : 'editor.created', { name: saved.name }));
      void navigate(`/i/${encodeURIComponent(iid)}/apis/${encodeURIComponent(saved.id)}`);
    } catch (err) {
      const e = toApiError(err);
      if (e.status === 409 || /^APIG\.320[23]$/.test(e.code)) {
        const field = e.code === 'APIG.3203' ? 'req_uri' : 'name';
        setTab(field === 'name' ? 'basics' : 'frontend');
        form.setFields([{ name: field, errors: [`${e.message} (${e.code})`] }]);
        return;
      }
      showApiError(err);
    }
  };

  const cancel = () => void navigate(apiId ? `/i/${encodeURIComponent(iid)}/apis/${encodeURIComponent(apiId)}` : `/i/${encodeURIComponent(iid)}/apis`);
  return (
    <>
      <PageHeader title={title ?? t('editor.createTitle')} subtitle={t('editor.subtitle')}
        extra={<><Button onClick={cancel}>{tc('common.cancel')}</Button><Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="api-save">{tc('common.save')}</Button></>} />
      <Panel>
        {issues.length ? (
          <Alert type="error" style={{ marginBottom: 12 }} data-testid="rule-issues" title={t('editor.issues', { count: issues.length })}
            description={<ul style={{ margin: 0 }}>{issues.map((i, n) => <li key={n}><code>{i.field.join('.')}</code>: {i.message}</li>)}</ul>} />
        ) : null}
        <Form form={form} layout="vertical" initialValues={start} onValuesChange={() => issues.length && setIssues([])}>
          <Tabs activeKey={tab} onChange={setTab} items={[
            { key: 'basics', label: t('editor.tabBasics'), forceRender: true, children: <EditorBasics iid={iid} /> },
            { key: 'frontend', label: t('editor.tabFrontend'), forceRender: true, children: <EditorFrontend /> },
            { key: 'backend', label: t('editor.tabBackend'), forceRender: true, children: <><EditorBackendType /><VpcChannel carry={carry} /><PolicyBackends carry={carry} />{backendType === 'HTTP' ? <EditorHttpBackend vpc={carry?.backend_api?.vpc_channel_status === 1} /> : backendType === 'MOCK' ? <Alert type="info" title={t('editor.mockHint')} /> : <Alert type="warning" title={t('editor.functionHint')} />}</> },
            { key: 'mock', label: t('editor.tabMock'), forceRender: true, disabled: backendType !== 'MOCK', children: <EditorMock /> },
          ]} />
        </Form>
      </Panel>
    </>
  );
}
