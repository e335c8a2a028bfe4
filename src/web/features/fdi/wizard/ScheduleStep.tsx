// Step 4 (scheduled tasks): first run and period × interval, or a Quartz cron; with a preview of
// the next run times computed here (croner for cron: ~10 KB gzip, loaded when cron is chosen).
import type { Cron as CronType } from 'croner';
import { Flex, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { Time } from '../../../components/Time';
import { Callout, Muted } from '../../../components/ui';
import { nextCronRuns, nextPeriodRuns, type Period } from '../logic/schedule';
import type { StepProps } from './BasicsStep';

const PERIODS: Period[] = ['MIN', 'HOUR', 'DAY', 'WEEK', 'MON'];
const pad = (n: number) => String(n).padStart(2, '0');
/** epoch ms ↔ the value of <input type="datetime-local"> in the operator's zone */
const toLocalInput = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

let croner: Promise<typeof CronType> | undefined;

/** croner's Cron class once `wanted` (loaded on first use, then shared); undefined while loading. */
function useCroner(wanted: boolean): typeof CronType | undefined {
  const [cron, setCron] = useState<typeof CronType>();
  useEffect(() => {
    if (!wanted || cron) return;
    let live = true;
    croner ??= import('croner').then((m) => m.Cron);
    croner.then(
      (c) => live && setCron(() => c),
      () => (croner = undefined), // not cached: the next toggle retries
    );
    return () => {
      live = false;
    };
  }, [wanted, cron]);
  return cron;
}

export function ScheduleStep({ state: s, set, errors }: StepProps) {
  const { t } = useTranslation('fdi');
  const Cron = useCroner(s.type !== 'REALTIME' && s.useCron);
  if (s.type === 'REALTIME') return <Muted>{t('wizard.realtimeNoSchedule')}</Muted>;
  const now = Date.now();
  const preview = !s.useCron
    ? { ok: true as const, runs: nextPeriodRuns(s.startAt, s.period, s.interval, now, 5) }
    : Cron
      ? nextCronRuns(Cron, s.cron, now, 5, s.startAt)
      : undefined; // croner still loading
  return (
    <Flex gap={32} wrap>
      <Form layout="vertical" component="div" style={{ flex: '1 1 360px', maxWidth: 480 }}>
        <Form.Item label={t('wizard.startAt')}>
          <Input type="datetime-local" data-testid="start-at" value={toLocalInput(s.startAt)}
            onChange={(e) => { const v = new Date(e.target.value).getTime(); if (Number.isFinite(v)) set({ startAt: v }); }} />
        </Form.Item>
        <Form.Item label={t('wizard.scheduleCron')}>
          <Switch data-testid="use-cron" checked={s.useCron} onChange={(v) => set({ useCron: v })} />
        </Form.Item>
        {s.useCron ? (
          <Form.Item label={t('wizard.cron')} extra={t('wizard.cronHint')} required validateStatus={errors.cron || preview?.ok === false ? 'error' : undefined} help={errors.cron ? t('ds.required') : undefined}>
            <Input data-testid="cron" value={s.cron} maxLength={255} style={{ fontFamily: 'monospace' }} onChange={(e) => set({ cron: e.target.value })} />
          </Form.Item>
        ) : (
          <Form.Item label={t('wizard.every')} required validateStatus={errors.interval ? 'error' : undefined}>
            <Flex gap={8}>
              <InputNumber data-testid="interval" min={1} max={1_000_000} value={s.interval} onChange={(v) => set({ interval: v ?? 0 })} />
              <Select data-testid="period" style={{ width: 140 }} value={s.period} onChange={(v: Period) => set({ period: v })}
                options={PERIODS.map((p) => ({ value: p, label: t(`wizard.period.${p}`) }))} />
            </Flex>
          </Form.Item>
        )}
      </Form>
      <div style={{ flex: '1 1 260px' }} data-testid="schedule-preview">
        <div style={{ fontWeight: 600, marginBottom: 8 }}>{t('wizard.preview')}</div>
        {!preview ? (
          <TableSkeleton rows={3} />
        ) : !preview.ok ? (
          <Callout tone="error" title={preview.error} testId="cron-error" />
        ) : preview.runs.length === 0 ? (
          <Muted>{t('wizard.previewNone')}</Muted>
        ) : (
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {preview.runs.map((r) => (
              <li key={r} data-testid="preview-run">
                <Time value={r} />
              </li>
            ))}
          </ol>
        )}
      </div>
    </Flex>
  );
}
