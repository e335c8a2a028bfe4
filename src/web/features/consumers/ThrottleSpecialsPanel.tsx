// A throttling policy's special apps and users: each with its own limit in words, which replaces
// the policy's app or user limit for it; add one, change a limit, remove one.
import { Button, Flex, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { specialsQuery, type Throttle, type ThrottleSpecial } from '../../api/apicThrottles';
import { normaliseTime } from '../../api/time';
import { actionsColumn, useConfirm, useMountedOnce } from '../../components/list';
import { Panel, PanelTitle } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import { Time } from '../../components/Time';
import { Muted, Tag } from '../../components/ui';
import { useThrottleSpecials } from './policyHooks';
import type { Translate } from './ruleText';
import { specialLimit } from './throttleText';

const SpecialFormModal = lazy(() => import('./SpecialFormModal').then((m) => ({ default: m.SpecialFormModal })));
const nameOf = (s: ThrottleSpecial) => s.object_name || s.app_name || s.object_id;

export function ThrottleSpecialsPanel({ iid, throttle }: { iid: string; throttle: Throttle }) {
  const { t } = useTranslation('consumers');
  const { t: tc } = useTranslation();
  const specials = useQuery(specialsQuery(iid, throttle.id));
  const { remove } = useThrottleSpecials(iid, throttle.id);
  const confirm = useConfirm();
  const [form, setForm] = useState<{ open: boolean; special?: ThrottleSpecial }>({ open: false });
  const formUsed = useMountedOnce(form.open);

  return (
    <Panel testId="throttle-specials">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <PanelTitle>{t('throttles.special.title')}</PanelTitle>
        <Button onClick={() => setForm({ open: true })} data-testid="special-add">{t('throttles.special.add')}</Button>
      </Flex>
      <p><Muted>{t('throttles.special.hint')}</Muted></p>
      <QueryView query={specials} rows={3}>
        {(list) => (
          <Table<ThrottleSpecial> rowKey="id" size="middle" dataSource={list} pagination={false} data-testid="throttle-specials-table"
            locale={{ emptyText: <Muted>{t('throttles.special.none')}</Muted> }}
            columns={[
              { title: t('throttles.special.who'), key: 'who', render: (_, s) => nameOf(s) },
              { title: t('throttles.special.kind'), dataIndex: 'object_type', width: 100,
                render: (k: string) => <Tag tone={k === 'USER' ? 'purple' : 'blue'}>{t(`throttles.special.${k === 'USER' ? 'USER' : 'APP'}`)}</Tag> },
              { title: t('throttles.special.limitColumn'), key: 'limit', render: (_, s) => specialLimit(s.call_limits, s.object_type, throttle, t as Translate) },
              { title: t('throttles.special.added'), dataIndex: 'apply_time', width: 170, render: (v?: string) => <Time value={normaliseTime(v)} /> },
              actionsColumn(tc('common.actions'), (s) => [
                { key: 'edit', label: t('throttles.special.edit'), testId: 'special-edit', onClick: () => setForm({ open: true, special: s }) },
                { key: 'delete', label: tc('common.delete'), danger: true, testId: 'special-delete',
                  onClick: () => confirm.one({ title: t('throttles.special.deleteTitle', { name: nameOf(s) }), body: t('throttles.special.deleteBody'), run: () => remove.mutateAsync(s.id) }) },
              ]),
            ]} />
        )}
      </QueryView>
      {formUsed && (
        <Suspense fallback={null}>
          <SpecialFormModal iid={iid} throttle={throttle} open={form.open} special={form.special} onClose={() => setForm({ open: false })} />
        </Suspense>
      )}
    </Panel>
  );
}
