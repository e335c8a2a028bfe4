// FDI status tags: a run's execute status, a task's started/stopped state, a monitor code.
import { useTranslation } from 'react-i18next';
import type { ExecuteStatus } from '../../../api/fdi';
import { Tag } from '../../../components/ui';
import { codeTextKey, GROUP_TONE, monitorCodeGroup } from '../logic/statusCodes';
import { EXEC_TONE, startedTone } from '../logic/tones';

export function ExecTag({ status }: { status: ExecuteStatus }) {
  const { t } = useTranslation('fdi');
  return (
    <Tag tone={EXEC_TONE[status]} testId="exec-status" data-status={status}>
      {t(`execStatus.${status}`)}
    </Tag>
  );
}

export function StartedTag({ started }: { started: boolean }) {
  const { t } = useTranslation('fdi');
  return (
    <Tag tone={startedTone(started)} testId="task-state" data-state={started ? 'started' : 'stopped'}>
      {started ? t('tasks.started') : t('tasks.stopped')}
    </Tag>
  );
}

/** The code with its colour group; the explanation on hover (and in the logs table beside it). */
export function CodeTag({ code }: { code: number }) {
  const { t } = useTranslation('fdi');
  const group = monitorCodeGroup(code);
  return (
    <Tag tone={GROUP_TONE[group]} title={`${t(`codeGroup.${group}`)}: ${t(codeTextKey(code), { code })}`} testId="status-code" data-code={String(code)}>
      {code}
    </Tag>
  );
}
