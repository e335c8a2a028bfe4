// Editor steps 3 and 4: the backend (HTTP with parameter mapping, or a mock answer). FUNCTION
// backends are kept when editing but cannot be called here (roma-local answers 501).
import { Button, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { HTTP_METHODS, MOCK_STATUS_CODES, PARAM_LOCATIONS, PARAM_NAME_PATTERN, SYSTEM_PARAMS, URL_DOMAIN_PATTERN } from '../../../contract/apic';
import type { BackendParamRow, EditorValues } from './editorModel';

export function EditorBackendType() {
  const { t } = useTranslation('apic');
  return (
    <Form.Item name="backend_type" label={t('editor.backendType')} extra={t('rules.backendType')}>
      <Radio.Group data-testid="api-backend-type" options={[{ value: 'MOCK', label: t('editor.mock') }, { value: 'HTTP', label: 'HTTP' }, { value: 'FUNCTION', label: t('editor.function'), disabled: true }]} />
    </Form.Item>
  );
}

/** `vpc`: the backend is reached through a VPC channel (kept as saved), so no address is needed. */
export function EditorHttpBackend({ vpc = false }: { vpc?: boolean }) {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const reqNames = ((Form.useWatch('req_params', form) ?? []) as EditorValues['req_params']).filter(Boolean).map((p) => p.name).filter(Boolean);
  return (
    <>
      <Space wrap align="start">
        <Form.Item name="backend_protocol" label={t('editor.protocol')}><Select style={{ width: 110 }} options={[{ value: 'HTTP' }, { value: 'HTTPS' }]} /></Form.Item>
        <Form.Item name="backend_method" label={t('editor.method')}><Select style={{ width: 110 }} options={HTTP_METHODS.map((v) => ({ value: v }))} /></Form.Item>
        <Form.Item name="backend_domain" label={t('editor.backendAddress')} extra={t('rules.backendAddress')}
          rules={[{ required: !vpc, message: tc('common.required') }, { max: 255 }, { pattern: URL_DOMAIN_PATTERN, message: t('rules.backendAddress') }]}>
          <Input placeholder="127.0.0.1:8080" style={{ width: 240 }} data-testid="backend-address" />
        </Form.Item>
        <Form.Item name="backend_uri" label={t('editor.path')} extra={t('rules.backendPath')}
          rules={[{ required: true, message: tc('common.required') }, { max: 512 }, { pattern: /^\/[^\s?]*$/, message: t('rules.backendPath') }]}>
          <Input placeholder="/api/{id}" style={{ width: 240 }} data-testid="backend-path" />
        </Form.Item>
        <Form.Item name="backend_timeout" label={t('editor.timeout')} extra={t('rules.timeout')} rules={[{ required: true, message: tc('common.required') }]}>
          <InputNumber min={1} max={600000} style={{ width: 130 }} />
        </Form.Item>
      </Space>
      <h4>{t('editor.mapping')}</h4>
      <p>{t('rules.mapping')}</p>
      <Form.List name="backend_params">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap data-testid="backend-param-row">
                <Form.Item name={[f.name, 'origin']}><Select style={{ width: 120 }} options={['REQUEST', 'CONSTANT', 'SYSTEM'].map((v) => ({ value: v, label: t(`editor.origin.${v}` as 'editor.origin.REQUEST') }))} /></Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() => {
                    const origin = form.getFieldValue(['backend_params', f.name, 'origin']) as BackendParamRow['origin'];
                    const options = origin === 'REQUEST' ? reqNames : origin === 'SYSTEM' ? [...SYSTEM_PARAMS] : undefined;
                    return (
                      <Form.Item name={[f.name, 'value']} rules={[{ required: true, message: tc('common.required') }, { max: 255 }]}>
                        {options ? <Select style={{ width: 200 }} placeholder={t('editor.mapFrom')} options={options.map((v) => ({ value: v }))} /> : <Input style={{ width: 200 }} placeholder={t('editor.constant')} />}
                      </Form.Item>
                    );
                  }}
                </Form.Item>
                <span style={{ lineHeight: '32px' }}>→</span>
                <Form.Item name={[f.name, 'location']}><Select style={{ width: 100 }} options={PARAM_LOCATIONS.map((v) => ({ value: v }))} /></Form.Item>
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: tc('common.required') }, { max: 32 }, { pattern: PARAM_NAME_PATTERN, message: t('rules.paramName') }]}>
                  <Input placeholder={t('editor.backendParamName')} style={{ width: 150 }} />
                </Form.Item>
                <Button onClick={() => remove(f.name)}>{tc('common.delete')}</Button>
              </Space>
            ))}
            <Button onClick={() => add({ name: '', location: 'QUERY', origin: 'REQUEST', value: '' } satisfies BackendParamRow)} disabled={fields.length >= 50}>{t('editor.addMapping')}</Button>
          </>
        )}
      </Form.List>
    </>
  );
}

export function EditorMock() {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  return (
    <>
      <Form.Item name="mock_status" label={t('editor.mockStatus')} extra={t('rules.mockStatus')}>
        <Select style={{ width: 140 }} showSearch data-testid="mock-status" options={MOCK_STATUS_CODES.map((c) => ({ value: c, label: String(c) }))} />
      </Form.Item>
      <Form.Item name="mock_body" label={t('editor.mockBody')} extra={t('rules.mockBody')} rules={[{ max: 2 * 1024 * 1024 }]}>
        <Input.TextArea rows={6} style={{ fontFamily: 'monospace' }} data-testid="mock-body" />
      </Form.Item>
      <Form.List name="mock_headers">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="start">
                <Form.Item name={[f.name, 'key']} rules={[{ required: true, message: tc('common.required') }, { max: 128 }]}><Input placeholder={t('editor.headerName')} /></Form.Item>
                <Form.Item name={[f.name, 'value']} rules={[{ max: 1024 }]}><Input placeholder={t('editor.headerValue')} /></Form.Item>
                <Button onClick={() => remove(f.name)}>{tc('common.delete')}</Button>
              </Space>
            ))}
            <Button onClick={() => add({ key: '', value: '' })} disabled={fields.length >= 50}>{t('editor.addHeader')}</Button>
          </>
        )}
      </Form.List>
    </>
  );
}
