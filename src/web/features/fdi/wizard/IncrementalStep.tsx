// Step 3: incremental collection (timestamp column and its first value), order, batch size and
// whether the target table is emptied before each run.
import { Checkbox, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ColumnInfo } from '../../../../contract/fdi';
import { Muted } from '../../../components/ui';
import type { StepProps } from './BasicsStep';

export function IncrementalStep({ state: s, set, errors, source }: StepProps & { source: ColumnInfo[] }) {
  const { t } = useTranslation('fdi');
  const cols = source.map((c) => ({ value: c.field_name, label: `${c.field_name} ${c.field_type ?? ''}` }));
  return (
    <Form layout="vertical" component="div" style={{ maxWidth: 560 }}>
      <Form.Item label={t('wizard.incremental')} extra={t('wizard.incrementalHint')}>
        <Switch data-testid="incremental" checked={s.incremental} onChange={(v) => set({ incremental: v })} />
      </Form.Item>
      {s.incremental ? (
        <>
          <Form.Item label={t('wizard.dateColumn')} required validateStatus={errors.dateColumn ? 'error' : undefined} help={errors.dateColumn ? t('ds.required') : undefined}>
            <Select data-testid="date-column" value={s.dateColumn || undefined} options={cols} onChange={(v: string) => set({ dateColumn: v })} />
          </Form.Item>
          <Form.Item label={t('wizard.startValue')} extra={t('wizard.startValueHint')}>
            <Input data-testid="start-value" value={s.startValue} maxLength={64} onChange={(e) => set({ startValue: e.target.value })} />
          </Form.Item>
        </>
      ) : null}
      <Form.Item label={t('wizard.orderColumn')}>
        <Select allowClear value={s.orderColumn || undefined} options={cols} onChange={(v?: string) => set({ orderColumn: v ?? '' })} />
      </Form.Item>
      <Form.Item label={t('wizard.batchSize')}>
        <InputNumber min={1} max={50_000} value={s.batchSize} onChange={(v) => set({ batchSize: v ?? 5000 })} />
      </Form.Item>
      <Checkbox data-testid="clear-target" checked={s.clearTarget} onChange={(e) => set({ clearTarget: e.target.checked })}>
        {t('wizard.clearTarget')}
      </Checkbox>
      {s.type === 'REALTIME' ? <Muted style={{ display: 'block', marginTop: 12 }}>{t('wizard.realtimeNoSchedule')}</Muted> : null}
    </Form>
  );
}
