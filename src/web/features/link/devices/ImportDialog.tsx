// CSV import of devices (lazy). Read → validate every row against the reference's rules (bad rows
// named by line, nothing sent for them) → create the good rows through the API, four at a time,
// with a progress bar → a per-row result (created id, or the server's error code and request id).
import { Button, Flex, Modal, Progress, Table } from 'antd';
import DownloadOutlined from '@ant-design/icons/es/icons/DownloadOutlined';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createDevice, deviceKeys, linkStatsKey, productListQuery } from '../../../api/link';
import { apiErrorText } from '../../../components/apiErrorText';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { Callout, Code, Muted, Strong } from '../../../components/ui';
import { CSV_HEADER, csvTemplate, decodeUtf8, runImport, validateCsv, type FileProblem, type ImportRow, type RowOutcome } from './csvImport';
import { saveBlob } from './download';

type Stage = { kind: 'pick' } | { kind: 'checked'; file: string; problem?: FileProblem; rows: ImportRow[] } | { kind: 'running'; done: number; total: number; rows: ImportRow[] } | { kind: 'done'; rows: ImportRow[]; outcomes: RowOutcome[] };

export default function ImportDialog({ iid, open, onClose }: { iid: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const qc = useQueryClient();
  const products = useQuery(productListQuery(iid, { offset: 0, limit: 999 }));
  const [stage, setStage] = useState<Stage>({ kind: 'pick' });
  const appOf = new Map((products.data?.items ?? []).map((p) => [p.id, p.appId ?? '']));

  const pick = async (f: File | undefined) => {
    if (!f) return;
    const text = decodeUtf8(await f.arrayBuffer());
    if (text === undefined) return setStage({ kind: 'checked', file: f.name, problem: { kind: 'encoding' }, rows: [] });
    const r = validateCsv(text, new Set(appOf.keys()));
    setStage({ kind: 'checked', file: f.name, problem: r.file, rows: r.rows });
  };

  const start = async (rows: ImportRow[]) => {
    const total = rows.filter((r) => r.body).length;
    setStage({ kind: 'running', done: 0, total, rows });
    const outcomes = await runImport(
      rows,
      async (r) => (await createDevice(iid, { ...r.body!, app_id: appOf.get(String(r.body!.product.product_id)) ?? '' })).id,
      (done) => setStage({ kind: 'running', done, total, rows }),
    );
    setStage({ kind: 'done', rows, outcomes });
    void qc.invalidateQueries({ queryKey: deviceKeys.lists(iid) });
    void qc.invalidateQueries({ queryKey: linkStatsKey(iid) });
  };

  const bad = 'rows' in stage ? stage.rows.filter((r) => !r.body) : [];
  const good = 'rows' in stage ? stage.rows.filter((r) => r.body) : [];
  const close = () => {
    if (stage.kind === 'running') return;
    setStage({ kind: 'pick' });
    onClose();
  };
  const blocked = stage.kind !== 'checked' ? undefined : stage.problem ? t('import.fixFile') : good.length === 0 ? t('import.nothingValid') : undefined;

  return (
    <Modal open={open} width={760} title={t('import.title')} onCancel={close} maskClosable={false} closable={stage.kind !== 'running'} data-testid="import-dialog" footer={
      <Flex gap={8} justify="end" align="center">
        {blocked ? <Muted testId="import-blocked">{blocked}</Muted> : null}
        <Button onClick={close} disabled={stage.kind === 'running'}>{tc('common.close')}</Button>
        {stage.kind === 'checked' ? (
          <Button type="primary" disabled={blocked !== undefined} onClick={() => void start(stage.rows)} data-testid="import-start">
            {t('import.start', { count: good.length })}
          </Button>
        ) : null}
      </Flex>
    }>
      <Flex vertical gap={12}>
        <Muted>{t('import.intro')}</Muted>
        <Code>{CSV_HEADER.join(',')}</Code>
        <Flex gap={8} wrap align="center">
          <Button icon={<DownloadOutlined />} onClick={() => saveBlob(new Blob([csvTemplate(products.data?.items[0]?.id)], { type: 'text/csv;charset=utf-8' }), 'devices-template.csv')} data-testid="import-template">
            {t('import.template')}
          </Button>
          <input type="file" accept=".csv,text/csv" aria-label={t('import.pickFile')} data-testid="import-file" disabled={stage.kind === 'running' || products.isPending} onChange={(e) => void pick(e.target.files?.[0])} />
        </Flex>
        {stage.kind === 'checked' && stage.problem ? (
          <Callout tone="error" title={t(`import.file.${stage.problem.kind}`, { max: 'max' in stage.problem ? stage.problem.max : 0, got: 'got' in stage.problem ? stage.problem.got : '' })} testId="import-file-problem" />
        ) : null}
        {'rows' in stage && stage.rows.length > 0 ? (
          <Strong testId="import-summary">{t('import.summary', { good: good.length, bad: bad.length })}</Strong>
        ) : null}
        {stage.kind === 'running' || stage.kind === 'done' ? (
          <Progress percent={stage.kind === 'done' ? 100 : Math.round((stage.done / Math.max(1, stage.total)) * 100)} data-testid="import-progress" />
        ) : null}
        {'rows' in stage && stage.rows.length > 0 ? <RowTable rows={stage.rows} outcomes={stage.kind === 'done' ? stage.outcomes : undefined} /> : null}
      </Flex>
    </Modal>
  );
}

function RowTable({ rows, outcomes }: { rows: ImportRow[]; outcomes?: RowOutcome[] }) {
  const { t } = useTranslation('link');
  const byLine = new Map((outcomes ?? []).map((o) => [o.line, o]));
  // bad rows first: they need the operator's attention
  const shown = [...rows].sort((a, b) => Number(!!a.body) - Number(!!b.body) || a.line - b.line);
  return (
    <Table<ImportRow>
      size="small"
      rowKey="line"
      data-testid="import-rows"
      pagination={{ pageSize: 8, hideOnSinglePage: true }}
      dataSource={shown}
      columns={[
        { title: t('import.line'), dataIndex: 'line', width: 70 },
        { title: t('fields.deviceName'), dataIndex: 'name', width: 180, ellipsis: true },
        {
          title: t('import.result'),
          render: (_, r) => <RowResult row={r} outcome={byLine.get(r.line)} />,
        },
      ]}
    />
  );
}

function RowResult({ row, outcome }: { row: ImportRow; outcome?: RowOutcome }) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  if (!row.body) {
    return (
      <span data-testid="import-row-invalid" data-line={row.line}>
        {row.problems.map((p) => `${p.field}: ${t(`import.rule.${p.rule}`)}${p.detail ? ` (${p.detail})` : ''}`).join('; ')}
      </span>
    );
  }
  if (!outcome) return <Muted>{t('import.pending')}</Muted>;
  if (outcome.ok) return <span data-testid="import-row-created" data-line={row.line}>{t('import.created', { id: outcome.id })}</span>;
  const { error, text } = apiErrorText(outcome.error, tc);
  return (
    <span data-testid="import-row-failed" data-line={row.line}>
      <ErrorDetails error={error} text={text} />
    </span>
  );
}
