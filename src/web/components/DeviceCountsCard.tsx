// LINK device counts by online state, for the instance overview (shared so the instances feature
// need not import the link feature). Refreshes every 10 s while the tab is visible.
import { Flex } from 'antd';
import { useToken } from './themeToken';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { deviceCountsQuery } from '../api/link';
import { ErrorAlert } from './ErrorAlert';
import { Panel, PanelTitle } from './Panel';
import { TableSkeleton } from './TableSkeleton';

export function DeviceCountsCard({ iid }: { iid: string }) {
  const { t } = useTranslation('link');
  const { token } = useToken();
  const q = useQuery({ ...deviceCountsQuery(iid), refetchInterval: 10_000, refetchIntervalInBackground: false });
  const devices = (state?: string) => `/i/${encodeURIComponent(iid)}/devices${state ? `?state=${state}` : ''}`;
  const cell = (label: string, value: number, color: string, state: string, testId: string) => (
    <Link to={devices(state)} style={{ flex: 1, minWidth: 110, color: token.colorText }} data-testid={testId}>
      <div style={{ fontSize: 12, color: token.colorTextSecondary, display: 'flex', alignItems: 'center', gap: 6 }}>
        <span aria-hidden style={{ width: 8, height: 8, borderRadius: 4, background: color, display: 'inline-block' }} />
        {label}
      </div>
      <div style={{ fontSize: 24, fontWeight: 600 }} data-testid={`${testId}-value`}>{value}</div>
    </Link>
  );
  return (
    <Panel testId="overview-devices">
      <PanelTitle>{t('overview.title')}</PanelTitle>
      {q.isPending ? (
        <TableSkeleton rows={2} />
      ) : q.isError ? (
        <ErrorAlert error={q.error} title={t('overview.failed')} onRetry={() => void q.refetch()} />
      ) : (
        <Flex gap={16} wrap>
          {cell(t('overview.total'), q.data.total, token.colorPrimary, '', 'overview-devices-total')}
          {cell(t('state.online'), q.data.online, token.colorSuccess, 'online', 'overview-devices-online')}
          {cell(t('state.offline'), q.data.offline, token.colorTextQuaternary, 'offline', 'overview-devices-offline')}
          {cell(t('state.never'), q.data.never, token.colorBorder, 'never', 'overview-devices-never')}
        </Flex>
      )}
    </Panel>
  );
}
