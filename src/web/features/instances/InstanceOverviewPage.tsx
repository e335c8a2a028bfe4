import { Button, Col, Descriptions, Row, Space } from 'antd';
import { Tag } from '../../components/ui';
import { Panel, PanelTitle } from '../../components/Panel';
import AppstoreOutlined from '@ant-design/icons/es/icons/AppstoreOutlined';
import BookOutlined from '@ant-design/icons/es/icons/BookOutlined';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { instanceDetailQuery } from '../../api/instances';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';
import { Time } from '../../components/Time';
import { CopyableId } from '../../components/CopyableId';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableSkeleton } from '../../components/TableSkeleton';
import { DeviceCountsCard } from '../../components/DeviceCountsCard';

export default function InstanceOverviewPage() {
  const { t } = useTranslation();
  const { instanceId = '' } = useParams();
  const q = useQuery(instanceDetailQuery(instanceId));
  const none = t('common.none');
  const base = `/i/${encodeURIComponent(instanceId)}`;

  if (q.isPending) {
    return (
      <>
        <PageHeader title={t('instances.overviewTitle')} />
        <Panel>
          <TableSkeleton rows={8} />
        </Panel>
      </>
    );
  }
  if (q.isError) {
    return (
      <>
        <PageHeader title={t('instances.overviewTitle')} />
        <ErrorAlert
          error={q.error}
          title={t('instances.notFound', { id: instanceId })}
          onRetry={() => void q.refetch()}
        />
      </>
    );
  }
  const i = q.data;
  return (
    <>
      <PageHeader
        title={i.name}
        subtitle={t('instances.overviewTitle')}
        extra={
          <Space>
            <Link to={`${base}/apps`}>
              <Button type="primary" icon={<AppstoreOutlined />} data-testid="overview-go-apps">
                {t('instances.goApps')}
              </Button>
            </Link>
            <Link to={`${base}/dictionaries`}>
              <Button icon={<BookOutlined />} data-testid="overview-go-dictionaries">
                {t('instances.goDictionaries')}
              </Button>
            </Link>
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Panel>
            <PanelTitle>{t('instances.basics')}</PanelTitle>
            <Descriptions column={1} size="small" data-testid="instance-basics">
              <Descriptions.Item label={t('common.name')}>{i.name}</Descriptions.Item>
              <Descriptions.Item label={t('common.id')}>
                <CopyableId id={i.id} testId="instance-id" />
              </Descriptions.Item>
              <Descriptions.Item label={t('common.status')}>
                <StatusTag status={i.status} raw={i.rawStatus} />
              </Descriptions.Item>
              <Descriptions.Item label={t('instances.spec')}>{i.spec ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('instances.version')}>{i.version ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('common.created')}>
                <Time value={i.createdAt} />
              </Descriptions.Item>
              <Descriptions.Item label={t('instances.chargeType')}>
                {i.chargeType === 'prePaid' ? t('instances.prePaid') : i.chargeType === 'postPaid' ? t('instances.postPaid') : none}
              </Descriptions.Item>
              <Descriptions.Item label={t('instances.maintainWindow')}>
                {i.maintainBegin && i.maintainEnd ? `${i.maintainBegin} – ${i.maintainEnd}` : none}
              </Descriptions.Item>
              <Descriptions.Item label={t('instances.description')}>{i.description || none}</Descriptions.Item>
            </Descriptions>
          </Panel>
        </Col>
        <Col xs={24} xl={10}>
          <DeviceCountsCard iid={instanceId} />
          <Panel style={{ marginTop: 16 }}>
            <PanelTitle>{t('instances.network')}</PanelTitle>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('instances.zones')}>
                {i.availableZones.length ? i.availableZones.join(', ') : none}
              </Descriptions.Item>
              <Descriptions.Item label={t('instances.vpc')}>{i.vpcId ? <CopyableId id={i.vpcId} label={t('instances.vpc')} ellipsis /> : none}</Descriptions.Item>
              <Descriptions.Item label={t('instances.subnet')}>{i.subnetId ? <CopyableId id={i.subnetId} label={t('instances.subnet')} ellipsis /> : none}</Descriptions.Item>
              <Descriptions.Item label={t('instances.securityGroup')}>
                {i.securityGroupId ? <CopyableId id={i.securityGroupId} label={t('instances.securityGroup')} ellipsis /> : none}
              </Descriptions.Item>
              <Descriptions.Item label={t('instances.publicAddress')}>{i.publicAddress || none}</Descriptions.Item>
              <Descriptions.Item label={t('instances.ingressAddress')}>{i.ingressAddress || none}</Descriptions.Item>
            </Descriptions>
          </Panel>
          {i.features.length ? (
            <Panel style={{ marginTop: 16 }}>
            <PanelTitle>{t('instances.features')}</PanelTitle>
              <Space wrap size={[4, 8]}>
                {i.features.map((f) => (
                  <Tag key={f}>{f}</Tag>
                ))}
              </Space>
            </Panel>
          ) : null}
        </Col>
      </Row>
    </>
  );
}
