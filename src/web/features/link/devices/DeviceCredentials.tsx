// How a device connects: the MQTT address (`connect_address`), its client id, user name and
// password (masked; reveal and copy), a ready-to-paste mosquitto_sub line, and a password reset.
import { Button, Descriptions } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can, deviceAuthQuery, type Device } from '../../../api/link';
import { CopyableId } from '../../../components/CopyableId';
import { ErrorAlert, useShowApiError } from '../../../components/ErrorAlert';
import { feedback } from '../../../components/feedback';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { useResetDeviceAuth } from '../shared/hooks';
import { Secret } from '../shared/Secret';
import { Section } from '../shared/Section';

export function DeviceCredentials({ iid, device }: { iid: string; device: Device }) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const q = useQuery(deviceAuthQuery(iid, device.id));
  const reset = useResetDeviceAuth(iid, device.id);
  const showApiError = useShowApiError();
  const none = tc('common.none');
  const address = device.connectAddress;
  const [host, port] = address ? splitAddress(address) : [undefined, undefined];

  const confirmReset = () =>
    feedback.confirm({
      title: t('devices.resetPasswordTitle', { name: device.name }),
      content: t('devices.resetPasswordBody'),
      okText: t('devices.resetPassword'),
      cancelText: tc('common.cancel'),
      danger: true,
      onOk: async () => {
        try {
          await reset.mutateAsync({});
          feedback.success(t('devices.passwordReset', { name: device.name }));
        } catch (err) {
          showApiError(err);
        }
      },
    });

  return (
    <Section
      title={t('devices.connection')}
      extra={
        <Button size="small" danger disabled={!can(device.permissions, 'modify')} onClick={confirmReset} data-testid="device-reset-password">
          {t('devices.resetPassword')}
        </Button>
      }
    >
      {q.isPending ? (
        <TableSkeleton rows={3} />
      ) : q.isError ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Descriptions column={1} size="small" bordered data-testid="device-credentials">
          <Descriptions.Item label={t('fields.mqttAddress')}>
            {address ? <CopyableId id={address} label={t('fields.mqttAddress')} testId="device-mqtt-address" /> : none}
          </Descriptions.Item>
          {device.sslConnectAddress ? (
            <Descriptions.Item label={t('fields.mqttsAddress')}>
              <CopyableId id={device.sslConnectAddress} label={t('fields.mqttsAddress')} />
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('fields.clientId')}>{device.clientId ? <CopyableId id={device.clientId} label={t('fields.clientId')} testId="device-cred-client-id" /> : none}</Descriptions.Item>
          <Descriptions.Item label={t('fields.userName')}>
            <CopyableId id={q.data.userName} label={t('fields.userName')} testId="device-cred-user" />
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.password')}>
            <Secret value={q.data.password} label={t('fields.password')} testId="device-cred-password" />
          </Descriptions.Item>
          {host && device.clientId ? (
            <Descriptions.Item label={t('devices.tryIt')}>
              <CopyableId
                id={`mosquitto_sub -h ${host} -p ${port} -i ${device.clientId} -u ${q.data.userName} -P '<${t('fields.password')}>' -t '#' -v`}
                label={t('devices.tryIt')}
              />
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      )}
    </Section>
  );
}

/** "host:port" (IPv6 in brackets allowed); default MQTT port when none is given. */
function splitAddress(a: string): [string, string] {
  const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(a.replace(/^[a-z]+:\/\//, ''));
  return m ? [m[1]!, m[2] ?? '1883'] : [a, '1883'];
}
