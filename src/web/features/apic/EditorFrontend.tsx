// Editor step 2: how clients call the API — protocol, method, path (with {placeholders}) and
// the request parameters with their rules; a placeholder without its PATH parameter is offered in one click.
import { Button, Checkbox, Form, Input, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { API_URI_PATTERN, HTTP_METHODS, PARAM_LOCATIONS, PARAM_NAME_PATTERN } from '../../../contract/apic';
import { Callout } from '../../components/ui';
import { ParamRules } from './ParamRules';
import { missingPathParams, type EditorValues, type ParamRow } from './editorModel';

export function EditorFrontend() {
  const { t } = useTranslation('apic');
  const { t: tc } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  const uri = Form.useWatch('req_uri', form) ?? '';
  const params = (Form.useWatch('req_params', form) ?? []) as ParamRow[];
  const missing = missingPathParams({ req_uri: uri, req_params: params.filter(Boolean) });
  const addPath = (name: string) =>
    form.setFieldValue('req_params', [...params, { name, type: 'STRING', location: 'PATH', required: true } satisfies ParamRow]);

  return (
    <>
      <Space wrap align="start">
        <Form.Item name="req_protocol" label={t('editor.protocol')}>
          <Select style={{ width: 120 }} options={['HTTP', 'HTTPS', 'BOTH'].map((v) => ({ value: v }))} />
        </Form.Item>
        <Form.Item name="req_method" label={t('editor.method')}>
          <Select style={{ width: 120 }} data-testid="api-method" options={HTTP_METHODS.map((v) => ({ value: v }))} />
        </Form.Item>
        <Form.Item name="req_uri" label={t('editor.path')} extra={t('rules.path')} style={{ minWidth: 360 }}
          rules={[{ required: true, message: tc('common.required') }, { max: 512, message: tc('common.maxLength', { max: 512 }) }, { pattern: API_URI_PATTERN, message: t('rules.path') }]}>
          <Input placeholder="/orders/{id}" data-testid="api-path" />
        </Form.Item>
        <Form.Item name="match_mode" label={t('editor.match')} extra={t('rules.match')}>
          <Select style={{ width: 160 }} options={[{ value: 'NORMAL', label: t('editor.matchNormal') }, { value: 'SWA', label: t('editor.matchPrefix') }]} />
        </Form.Item>
        <Form.Item name="cors" label="CORS" valuePropName="checked"><Switch /></Form.Item>
      </Space>
      {missing.length ? (
        <Callout tone="warning" title={t('editor.missingPath', { names: missing.join(', ') })} testId="missing-path-params">
          {missing.map((n) => <Button key={n} size="small" onClick={() => addPath(n)} style={{ marginInlineEnd: 8 }} data-testid={`add-path-param-${n}`}>{t('editor.addParam', { name: n })}</Button>)}
        </Callout>
      ) : null}
      <h4>{t('editor.params')}</h4>
      <p>{t('rules.params')}</p>
      <Form.List name="req_params">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <div key={f.key} data-testid="param-row">
                <Space align="start" wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: tc('common.required') }, { max: 32, message: t('rules.paramName') }, { pattern: PARAM_NAME_PATTERN, message: t('rules.paramName') }]}>
                    <Input placeholder={t('editor.paramName')} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'location']}><Select style={{ width: 100 }} options={PARAM_LOCATIONS.map((v) => ({ value: v }))} /></Form.Item>
                  <Form.Item name={[f.name, 'type']}><Select style={{ width: 110 }} options={[{ value: 'STRING' }, { value: 'NUMBER' }]} /></Form.Item>
                  <Form.Item name={[f.name, 'required']} valuePropName="checked"><Checkbox>{t('editor.required')}</Checkbox></Form.Item>
                  <Form.Item name={[f.name, 'default_value']} rules={[{ max: 255 }]}><Input placeholder={t('editor.default')} style={{ width: 130 }} /></Form.Item>
                  <Form.Item name={[f.name, 'sample_value']} rules={[{ max: 255 }]}><Input placeholder={t('editor.sample')} style={{ width: 130 }} /></Form.Item>
                  <Button onClick={() => remove(f.name)}>{tc('common.delete')}</Button>
                </Space>
                <ParamRules index={f.name} />
              </div>
            ))}
            <Button onClick={() => add({ name: '', type: 'STRING', location: 'QUERY', required: false } satisfies ParamRow)} disabled={fields.length >= 50} data-testid="param-add">
              {t('editor.addParamRow')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
