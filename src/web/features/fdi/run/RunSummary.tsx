// The run's counters: status, rows read / written / dirty, elapsed, rate, ETA (only when the
// service reports the total: roma-local's expected_count; the real cloud does not).
import { Flex } from 'antd';
import { useToken } from '../../../components/themeToken';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isActive, type Run } from '../../../api/fdiRuns';
import { Time } from '../../../components/Time';
import { Muted } from '../../../components/ui';
import { ExecTag } from '../components/StatusTags';
import { etaMs, formatDuration, progressOf, smoothedRate, type Sample } from '../logic/eta';

function Stat({ label, value, testId }: { label: string; value: ReactNode; testId: string }) {
  const { token } = useToken();
  return (
    <div style={{ minWidth: 120 }}>
      <Muted>{label}</Muted>
      <div data-testid={testId} style={{ fontSize: token.fontSizeHeading4, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </div>
    </div>
  );
}

export function RunSummary({ run, samples }: { run: Run; samples: Sample[] }) {
  const { t, i18n } = useTranslation('fdi');
  const { token } = useToken();
  const nf = new Intl.NumberFormat(i18n.language);
  const active = isActive(run.executeStatus);
  const elapsed = active && run.startedAt ? Date.now() - run.startedAt : run.spendMs || (run.endedAt && run.startedAt ? run.endedAt - run.startedAt : 0);
  const rate = active ? smoothedRate(samples) : elapsed > 0 ? ((run.written + run.dirty) * 1000) / elapsed : undefined;
  const done = run.written + run.dirty;
  const eta = active ? etaMs(done, run.expected, rate) : undefined;
  const progress = progressOf(done, run.expected);
  return (
    <div data-testid="run-summary" data-run={run.id} data-status={run.executeStatus}>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 12 }}>
        <ExecTag status={run.executeStatus} />
        <Muted>
          {t('run.startedAt')}: <Time value={run.startedAt} />
        </Muted>
        {run.endedAt ? (
          <Muted>
            {t('run.endedAt')}: <Time value={run.endedAt} />
          </Muted>
        ) : null}
        {run.remarks ? <Muted testId="run-remarks">{run.remarks}</Muted> : null}
      </Flex>
      <Flex gap={24} wrap>
        <Stat label={t('run.read')} value={nf.format(run.read)} testId="rows-read" />
        <Stat label={t('run.written')} value={nf.format(run.written)} testId="rows-written" />
        <Stat label={t('run.dirty')} value={<span style={{ color: run.dirty ? token.colorErrorText : undefined }}>{nf.format(run.dirty)}</span>} testId="rows-dirty" />
        <Stat label={t('run.elapsed')} value={formatDuration(elapsed)} testId="run-elapsed" />
        <Stat label={t('run.rate')} value={rate === undefined ? '—' : nf.format(Math.round(rate))} testId="run-rate" />
        {active ? (
          <Stat label={t('run.eta')} value={eta === undefined ? <Muted>{t('run.etaUnknown')}</Muted> : formatDuration(eta)} testId="run-eta" />
        ) : null}
      </Flex>
      {progress !== undefined && run.expected !== undefined ? (
        <div style={{ marginTop: 12 }} data-testid="run-progress">
          <div
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(progress * 100)}
            style={{ height: 8, borderRadius: 4, background: token.colorFillSecondary, overflow: 'hidden' }}
          >
            <div style={{ width: `${progress * 100}%`, height: '100%', background: run.executeStatus === 'ERROR' ? token.colorError : active ? token.colorInfo : token.colorSuccess }} />
          </div>
          <Muted>{t('run.percent', { percent: Math.round(progress * 100), expected: nf.format(run.expected) })}</Muted>
        </div>
      ) : null}
    </div>
  );
}
