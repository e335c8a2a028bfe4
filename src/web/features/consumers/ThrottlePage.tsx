// One throttling policy: its limits in words, edit in the policy form, the APIs it is bound to per
// environment (bind / unbind), and its special apps and users with their own limits.
import { Button } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { throttleDetailQuery } from '../../api/apicThrottles';
import { useMountedOnce } from '../../components/list';
import { PageHeader } from '../../components/PageHeader';
import { Panel, PanelTitle } from '../../components/Panel';
import { QueryView } from '../../components/QueryView';
import type { Translate } from './ruleText';
import { ThrottleApisPanel } from './ThrottleApisPanel';
import { ThrottleSpecialsPanel } from './ThrottleSpecialsPanel';
import { throttleLimits } from './throttleText';

const ThrottleFormModal = lazy(() => import('./ThrottleFormModal').then((m) => ({ default: m.ThrottleFormModal })));

export default function ThrottlePage() {
  const { t } = useTranslation('consumers');
  const { t: tc } = useTranslation();
  const { instanceId: iid = '', throttleId = '' } = useParams();
  const throttle = useQuery(throttleDetailQuery(iid, throttleId));
  const [editing, setEditing] = useState(false);
  const editUsed = useMountedOnce(editing);
  const th = throttle.data;

  return (
    <>
      <PageHeader title={th?.name ?? t('throttles.title')}
        subtitle={th?.remark || <Link to={`/i/${encodeURIComponent(iid)}/throttles`}>{t('throttles.back')}</Link>}
        extra={<Button onClick={() => setEditing(true)} disabled={!th} data-testid="throttle-edit">{tc('common.edit')}</Button>} />
      <Panel style={{ marginBottom: 16 }} testId="throttle-limits">
        <PanelTitle>{t('throttles.limits')}</PanelTitle>
        <QueryView query={throttle} rows={4}>
          {(data) => (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {throttleLimits(data, t as Translate).map((l) => <li key={l.kind} data-testid={`throttle-limit-${l.kind}`}>{l.text}</li>)}
            </ul>
          )}
        </QueryView>
      </Panel>
      <ThrottleApisPanel iid={iid} throttleId={throttleId} />
      {th && <ThrottleSpecialsPanel iid={iid} throttle={th} />}
      {editUsed && th && (
        <Suspense fallback={null}>
          <ThrottleFormModal iid={iid} open={editing} throttle={th} onClose={() => setEditing(false)} />
        </Suspense>
      )}
    </>
  );
}
