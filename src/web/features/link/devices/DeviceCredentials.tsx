// How a device connects: the MQTT address (`connect_address`), its client id, user name and
// password (masked; reveal and copy), a ready-to-paste mosquitto_sub line, and a password reset.
import { Descriptions } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can, deviceAuthQuery, type Device } from '../../../api/link';
import { CopyableId } from '../../../components/CopyableId';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { useResetDeviceAuth } from '../shared/hooks';
import { ResetSecretButton } from '../shared/ResetSecretButton';
import { Secret } from '../shared/Secret';
import { Section } from '../shared/Section';

export function DeviceCredentials({ iid, device }: { iid: string; device: Device }) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const q = useQuery(deviceAuthQuery(iid, device.id));
  const reset = useResetDeviceAuth(iid, device.id);
  const none = tc('common.none');
  const address = device.connectAddress;
  const [host, port] = address ? splitAddress(address) : [undefined, undefined];

  return (
    <Section
      title={t('devices.connection')}
      extra={
        <ResetSecretButton
          title={t('devices.resetPasswordTitle', { name: device.name })}
          body={t('devices.resetPasswordBody')}
          done={t('devices.passwordReset', { name: device.name })}
          reset={() => reset.mutateAsync({})}
          disabled={!can(device.permissions, 'modify')}
          testId="device-reset-password"
        />
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
