// Step 1: name, type, source and target data sources and their tables.
import { useQuery } from '@tanstack/react-query';
import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { datasourceListQuery, tablesQuery, type Position } from '../../../api/fdi';
import type { WizardState } from './wizardState';

export interface StepProps {
  iid: string;
  state: WizardState;
  set: (patch: Partial<WizardState>) => void;
  errors: Record<string, string>;
}

function TableSelect({ iid, dsId, position, value, onChange, error, testId }: {
  iid: string; dsId: string; position: Position; value: string; onChange: (v: string) => void; error?: string; testId: string;
}) {
  const { t } = useTranslation('fdi');
  const q = useQuery(tablesQuery(iid, dsId, position));
  return (
    <Form.Item label={position === 'SOURCE' ? t('wizard.sourceTable') : t('wizard.targetTable')} required validateStatus={error ? 'error' : undefined} help={error ? t(error as 'ds.required') : undefined}>
      <Select
        showSearch
        data-testid={testId}
        value={value || undefined}
        onChange={onChange}
        disabled={!dsId}
        loading={q.isFetching}
        placeholder={dsId ? undefined : position === 'SOURCE' ? t('wizard.pickSourceFirst') : t('wizard.pickTargetFirst')}
        notFoundContent={q.isError ? q.error.message : t('wizard.noTables')}
        options={(q.data ?? []).map((name) => ({ value: name, label: name }))}
      />
    </Form.Item>
  );
}

export function BasicsStep({ iid, state: s, set, errors }: StepProps) {
  const { t } = useTranslation('fdi');
  const sources = useQuery(datasourceListQuery(iid, { offset: 0, limit: 100 }));
  const options = (sources.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.name} (${d.type})` }));
  const err = (k: string) => (errors[k] ? { validateStatus: 'error' as const, help: t(errors[k] as 'ds.required') } : {});
  return (
    <Form layout="vertical" component="div">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('wizard.name')} required {...err('name')}>
            <Input data-testid="wizard-name" value={s.name} maxLength={100} onChange={(e) => set({ name: e.target.value.trim() })} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('wizard.type')} required>
            <Radio.Group data-testid="wizard-type" value={s.type} onChange={(e) => set({ type: e.target.value as WizardState['type'] })}>
              <Radio.Button value="TIMING">{t('taskType.TIMING')}</Radio.Button>
              <Radio.Button value="REALTIME">{t('taskType.REALTIME')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('wizard.description')}>
        <Input.TextArea value={s.description} maxLength={1024} rows={2} onChange={(e) => set({ description: e.target.value })} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('wizard.source')} required {...err('sourceId')}>
            <Select data-testid="wizard-source" showSearch optionFilterProp="label" loading={sources.isPending} value={s.sourceId || undefined} options={options}
              onChange={(v: string) => set({ sourceId: v, sourceTable: '', edits: {} })} />
          </Form.Item>
          <TableSelect iid={iid} dsId={s.sourceId} position="SOURCE" value={s.sourceTable} error={errors.sourceTable} testId="wizard-source-table"
            onChange={(v) => set({ sourceTable: v, edits: {}, dateColumn: '', orderColumn: '', ...(s.targetTable ? {} : {}) })} />
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('wizard.target')} required {...err('targetId')}>
            <Select data-testid="wizard-target" showSearch optionFilterProp="label" loading={sources.isPending} value={s.targetId || undefined} options={options}
              onChange={(v: string) => set({ targetId: v, targetTable: '', edits: {} })} />
          </Form.Item>
          <TableSelect iid={iid} dsId={s.targetId} position="TARGET" value={s.targetTable} error={errors.targetTable} testId="wizard-target-table"
            onChange={(v) => set({ targetTable: v, edits: {} })} />
        </Col>
      </Row>
    </Form>
  );
}
