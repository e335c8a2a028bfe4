// Pick several items (APIs to attach or bind) and run one call each; when some are refused, the
// dialog turns into a per-item report (BulkReport) until closed. BindAppsModal's pattern, generic.
import { Modal, Select } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { BulkResult } from '../../api/bulk';
import { BulkReport } from '../../components/list';
import { Callout, Muted } from '../../components/ui';

export interface PickManyModalProps {
  open: boolean;
  onClose: () => void;
  title: string;
  hint?: string;
  options: UseQueryResult<{ value: string; label: string }[]>;
  placeholder: string;
  emptyText: string;
  run: (values: string[]) => Promise<BulkResult<string>[]>;
  pending: boolean;
  doneText: (ok: number, failed: number) => string;
  testId: string;
}

export function PickManyModal(p: PickManyModalProps) {
  const [picked, setPicked] = useState<string[]>([]);
  const [results, setResults] = useState<BulkResult<string>[] | null>(null);
  const names = new Map((p.options.data ?? []).map((o) => [o.value, o.label]));

  const close = () => {
    setPicked([]);
    setResults(null);
    p.onClose();
  };
  const submit = async () => {
    if (results) return close();
    const r = await p.run(picked);
    if (r.every((x) => x.error === undefined)) return close();
    setResults(r);
  };
  const failed = results?.filter((r) => r.error !== undefined).length ?? 0;

  return (
    <Modal open={p.open} title={p.title} onCancel={close} onOk={() => void submit()} okButtonProps={{ disabled: !results && picked.length === 0 }} confirmLoading={p.pending}>
      {results ? (
        <BulkReport results={results} summary={p.doneText(results.length - failed, failed)} nameOf={(v) => names.get(v) ?? v} keyOf={(v) => v} testId={p.testId} />
      ) : p.options.data && p.options.data.length === 0 ? (
        <Muted>{p.emptyText}</Muted>
      ) : (
        <>
          {p.hint ? <div style={{ marginBottom: 12 }}><Callout tone="info" title={p.hint} /></div> : null}
          <Select mode="multiple" style={{ width: '100%' }} placeholder={p.placeholder} value={picked} onChange={setPicked} loading={p.options.isPending}
            data-testid={`${p.testId}-pick`} optionFilterProp="label" options={p.options.data ?? []} />
        </>
      )}
    </Modal>
  );
}
