// ADAPTER → READER → WRITER → integrity check, each with its state in colour and text.
import { Flex } from 'antd';
import { useToken } from '../../../components/themeToken';
import { useTranslation } from 'react-i18next';
import type { Run } from '../../../api/fdiRuns';
import { Tag } from '../../../components/ui';
import { STAGES, stageStates, type StageState } from '../logic/stages';
import { STAGE_TONE } from '../logic/tones';

const STATE_KEY: Record<StageState, string> = {
  pending: 'run.pending',
  active: 'positionStatus.NORMAL',
  done: 'positionStatus.NODE_END',
  error: 'positionStatus.RUNTIME_ERR',
  cancelled: 'positionStatus.RUNTIME_CANCEL',
  skipped: 'run.pending',
};

export function StageTimeline({ run }: { run: Run }) {
  const { t } = useTranslation('fdi');
  const { token } = useToken();
  const states = stageStates(run);
  return (
    <Flex gap={8} align="center" wrap data-testid="stage-timeline" role="list">
      {STAGES.map((s, i) => (
        <Flex key={s} align="center" gap={8} role="listitem" data-testid={`stage-${s}`} data-state={states[s]}>
          {i > 0 ? <span aria-hidden style={{ color: token.colorTextQuaternary }}>→</span> : null}
          <div>
            <div style={{ fontWeight: 600 }}>{t(`position.${s}`)}</div>
            <Tag tone={STAGE_TONE[states[s]]}>{t(STATE_KEY[states[s]] as 'run.pending')}</Tag>
          </div>
        </Flex>
      ))}
    </Flex>
  );
}
