// Import an OpenAPI file (JSON or YAML): read in the browser for a preview (one row per
// operation), then uploaded; the answer lists each operation as created, updated or refused.
import { Alert, Form, Modal, Radio, Select, Table } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apicApiKeys, apicGroupKeys, groupListQuery, importOpenApi, type OpenApiImportResponse } from '../../api/apic';
import { useShowApiError } from '../../components/ErrorAlert';
import { Code, Tag } from '../../components/ui';
import { previewOpenApi, type Preview } from './importPreview';

export default function ImportDialog({ iid, open, onClose }: { iid: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  const qc = useQueryClient();
  const showApiError = useShowApiError();
  const groups = useQuery(groupListQuery(iid, { offset: 0, limit: 500 })).data?.items ?? [];
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<Preview>();
  const [target, setTarget] = useState<string>('new');
  const [mode, setMode] = useState<'merge' | 'override'>('merge');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<OpenApiImportResponse>();

  const pick = async (f: File | undefined) => {
    setResult(undefined);
    setFile(f);
    setPreview(f ? previewOpenApi(await f.text()) : undefined);
  };
  const run = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const fields: Record<string, string> = target === 'new' ? { is_create_group: 'true' } : { is_create_group: 'false', group_id: target, extend_mode: mode, api_mode: mode };
      setResult(await importOpenApi(iid, file, fields));
      await Promise.all([qc.invalidateQueries({ queryKey: apicApiKeys.lists(iid) }), qc.invalidateQueries({ queryKey: apicGroupKeys.lists(iid) })]);
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setFile(undefined);
    setPreview(undefined);
    setResult(undefined);
    onClose();
  };
  const canImport = !!preview && !preview.error && preview.rows.length > 0 && !result;

  return (
    <Modal open={open} width={760} title={t('import.title')} onCancel={close} onOk={result ? close : () => void run()} okText={result ? tc('common.close') : t('import.run')}
      okButtonProps={{ disabled: !result && !canImport, 'data-testid': 'import-run' }} confirmLoading={busy}>
      <Form layout="vertical">
        <Form.Item label={t('import.file')} extra={t('import.fileHint')}>
          <input type="file" accept=".json,.yaml,.yml" onChange={(e) => void pick(e.target.files?.[0])} data-testid="import-file" />
        </Form.Item>
        <Form.Item label={t('import.target')}>
          <Select value={target} onChange={setTarget} options={[{ value: 'new', label: t('import.newGroup') }, ...groups.map((g) => ({ value: g.id, label: g.name }))]} />
        </Form.Item>
        {target !== 'new' ? (
          <Form.Item label={t('import.mode')} extra={t('import.modeHint')}>
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'merge' | 'override')} options={[{ value: 'merge', label: t('import.merge') }, { value: 'override', label: t('import.override') }]} />
          </Form.Item>
        ) : null}
      </Form>
      {preview?.error ? <Alert type="error" title={t('import.unreadable', { reason: preview.error })} data-testid="import-error" /> : null}
      {preview && !preview.error && !result ? (
        <Table size="small" rowKey={(r) => `${r.method} ${r.path}`} pagination={false} scroll={{ y: 260 }} data-testid="import-preview"
          title={() => t('import.preview', { count: preview.rows.length, title: preview.title ?? '', format: preview.format })}
          dataSource={preview.rows}
          columns={[
            { title: t('apis.request'), key: 'r', render: (_, r) => <Code>{`${r.method} ${r.path}`}</Code> },
            { title: tc('common.name'), dataIndex: 'name' },
            { title: '', key: 'p', render: (_, r) => (r.problem ? <Tag tone="warning">{t(`import.problem.${r.problem}`)}</Tag> : null) },
          ]} />
      ) : null}
      {result ? (
        <div data-testid="import-result">
          <Alert type={result.failure.length ? 'warning' : 'success'} style={{ marginBottom: 8 }} title={t('import.done', { ok: result.success.length, failed: result.failure.length, ignored: result.ignore?.length ?? 0 })} />
          <Table size="small" pagination={false} scroll={{ y: 260 }} rowKey={(r) => `${r.method} ${r.path}`}
            dataSource={[
              ...result.success.map((s) => ({ method: s.method, path: s.path, ok: true, text: s.action })),
              ...result.failure.map((f) => ({ method: f.method, path: f.path, ok: false, text: `${f.error_code}: ${f.error_msg}` })),
              ...(result.ignore ?? []).map((i) => ({ method: i.method, path: i.path, ok: true, text: t('import.ignored') })),
            ]}
            columns={[
              { title: t('apis.request'), key: 'r', render: (_, r) => <Code>{`${r.method.toUpperCase()} ${r.path}`}</Code> },
              { title: tc('common.status'), key: 's', render: (_, r) => <Tag tone={r.ok ? 'success' : 'error'}>{r.text}</Tag> },
            ]} />
        </div>
      ) : null}
    </Modal>
  );
}
