// The form fields of one plugin type (under `content`), instead of raw JSON.
import { Button, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { RESP_HEADER_ACTIONS } from '../../../contract/apic-plugins';
import type { FormPluginType } from './pluginContent';

const num = (min: number) => <InputNumber min={min} max={2147483647} precision={0} style={{ width: '100%' }} />;

export function PluginContentFields({ type }: { type: FormPluginType }) {
  const { t } = useTranslation('consumers');
  const { t: tc } = useTranslation();
  const req = [{ required: true, message: tc('common.required') }];
  const f = (name: string) => ['content', name];
  switch (type) {
    case 'cors':
      return (
        <>
          <Form.Item name={f('allow_origin')} label="Access-Control-Allow-Origin" extra={t('plugins.corsOriginHint')} rules={req}><Input placeholder="*" /></Form.Item>
          <Form.Item name={f('allow_methods')} label="Access-Control-Allow-Methods"><Input placeholder="GET,POST,PUT,DELETE,HEAD,PATCH" /></Form.Item>
          <Form.Item name={f('allow_headers')} label="Access-Control-Allow-Headers"><Input /></Form.Item>
          <Form.Item name={f('expose_headers')} label="Access-Control-Expose-Headers"><Input /></Form.Item>
          <Form.Item name={f('max_age')} label="Access-Control-Max-Age (s)">{num(0)}</Form.Item>
          <Form.Item name={f('allow_credentials')} label="Access-Control-Allow-Credentials" valuePropName="checked"><Switch /></Form.Item>
        </>
      );
    case 'set_resp_headers':
      return (
        <Form.List name={f('response_headers')}>
          {(rows, { add, remove }) => (
            <>
              {rows.map((r) => (
                <Space key={r.key} align="baseline">
                  <Form.Item name={[r.name, 'name']} rules={req}><Input placeholder={t('plugins.headerName')} /></Form.Item>
                  <Form.Item name={[r.name, 'value']}><Input placeholder={t('plugins.headerValue')} /></Form.Item>
                  <Form.Item name={[r.name, 'action']} rules={req}>
                    <Select style={{ width: 120 }} options={RESP_HEADER_ACTIONS.map((a) => ({ value: a, label: t(`plugins.action.${a}`) }))} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(r.name)}>{tc('common.delete')}</Button>
                </Space>
              ))}
              <Button onClick={() => add({ action: 'override' })} disabled={rows.length >= 10}>{t('plugins.addHeader')}</Button>
            </>
          )}
        </Form.List>
      );
    case 'rate_limit':
      return (
        <>
          <Form.Item name={f('scope')} label={t('plugins.scope')} initialValue="basic">
            <Select options={[{ value: 'basic', label: t('plugins.scopeBasic') }, { value: 'share', label: t('plugins.scopeShare') }]} />
          </Form.Item>
          <Space>
            <Form.Item name={f('default_interval')} label={t('plugins.interval')} initialValue={1} rules={req}>{num(1)}</Form.Item>
            <Form.Item name={f('default_time_unit')} label={t('plugins.unit')} initialValue="second">
              <Select style={{ width: 120 }} options={['second', 'minute', 'hour', 'day'].map((u) => ({ value: u, label: t(`units.${u.toUpperCase()}_other` as 'units.SECOND_other') }))} />
            </Form.Item>
          </Space>
          <Form.Item name={f('api_limit')} label={t('plugins.apiLimit')} extra={t('plugins.apiLimitHint')} rules={req}>{num(-1)}</Form.Item>
          <Form.Item name={f('user_limit')} label={t('plugins.userLimit')}>{num(1)}</Form.Item>
          <Form.Item name={f('app_limit')} label={t('plugins.appLimit')}>{num(1)}</Form.Item>
          <Form.Item name={f('ip_limit')} label={t('plugins.ipLimit')}>{num(1)}</Form.Item>
        </>
      );
    case 'kafka_log':
      return (
        <>
          <Form.Item name={f('broker_list')} label={t('plugins.brokers')} extra={t('plugins.brokersHint')} rules={req}><Input placeholder="10.0.0.1:9092,10.0.0.2:9092" /></Form.Item>
          <Form.Item name={f('topic')} label={t('plugins.topic')} rules={req}><Input /></Form.Item>
          <Form.Item name={f('key')} label={t('plugins.key')}><Input /></Form.Item>
        </>
      );
    case 'breaker':
      return (
        <>
          <Form.Item name={f('breaker_type')} label={t('plugins.breakerType')} rules={req}>
            <Select options={[{ value: 'condition', label: t('plugins.breakerCondition') }, { value: 'timeout', label: t('plugins.breakerTimeout') }]} />
          </Form.Item>
          <Form.Item name={f('breaker_mode')} label={t('plugins.breakerMode')}>
            <Select allowClear options={[{ value: 'counter', label: t('plugins.modeCounter') }, { value: 'percentage', label: t('plugins.modePercentage') }]} />
          </Form.Item>
          <Form.Item name={f('time_window')} label={t('plugins.timeWindow')} rules={req}>{num(1)}</Form.Item>
          <Form.Item name={f('open_breaker_time')} label={t('plugins.openTime')} rules={req}>{num(1)}</Form.Item>
        </>
      );
  }
}
