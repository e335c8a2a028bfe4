// The client quota bound to an app (at most one): its name, a link to its page and its rule in
// words; or what to do when none is bound (binding happens on the quota's page).
import { Descriptions } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { appBoundQuotaQuery } from '../../api/apicApiConsumers';
import { ErrorAlert } from '../../components/ErrorAlert';
import { quotaRule, type Translate } from '../../components/ruleText';
import { TableSkeleton } from '../../components/TableSkeleton';
import { Muted } from '../../components/ui';

export function AppQuotaSection({ iid, appId }: { iid: string; appId: string }) {
  const { t } = useTranslation('apic');
  const { t: tq } = useTranslation('consumers'); // the rule's words are the quota pages' own
  const quota = useQuery(appBoundQuotaQuery(iid, appId));
  const quotas = `/i/${encodeURIComponent(iid)}/quotas`;

  if (quota.isError) return <ErrorAlert error={quota.error} onRetry={() => void quota.refetch()} />;
  if (quota.isPending) return <TableSkeleton rows={2} />;
  const q = quota.data;
  return (
    <div data-testid="app-quota">
      <p><Muted>{t('appApic.quotaHint')}</Muted></p>
      {q ? (
        <Descriptions size="small" column={1} bordered items={[
          { key: 'name', label: t('appApic.quotaName'), children: <Link to={`${quotas}/${encodeURIComponent(q.app_quota_id)}`} data-testid="app-quota-link">{q.name}</Link> },
          { key: 'rule', label: t('appApic.quotaRule'), children: <span data-testid="app-quota-rule">{quotaRule(q, tq as Translate)}</span> },
        ]} />
      ) : (
        <p data-testid="app-quota-none">
          <Muted>{t('appApic.quotaNone')}</Muted> <Link to={quotas}>{t('appApic.quotaNoneAction')}</Link>
        </p>
      )}
    </div>
  );
}
