// The connection fields of one type (fields.ts decides which).
import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { formKind, usesEncoding } from './fields';

const ENCODINGS = ['utf8', 'utf8mb4', 'gbk', 'gb18030', 'latin1', 'big5'];

export function ConnectionFields({ type, editing, jsonError }: { type: string; editing: boolean; jsonError: boolean }) {
  const { t } = useTranslation('fdi');
  const kind = formKind(type);
  const mode = Form.useWatch('mode') as string | undefined;
  const req = [{ required: true, whitespace: true, message: t('ds.required') }];
  if (kind === 'file') {
    return (
      <Form.Item name="database_name" label={t('ds.file')} extra={t('ds.fileHint')} rules={req}>
        <Input data-testid="ds-file" maxLength={255} />
      </Form.Item>
    );
  }
  if (kind === 'json') {
    return (
      <Form.Item name="contentJson" label={t('ds.contentJson')} extra={t('ds.otherTypeHint', { type })} validateStatus={jsonError ? 'error' : undefined} help={jsonError ? t('ds.contentJsonInvalid') : undefined}>
        <Input.TextArea data-testid="ds-json" rows={6} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
    );
  }
  const professional = kind === 'relational' && mode === 'professional';
  const credentials = (
    <Row gutter={12}>
      <Col span={12}>
        <Form.Item name="user_name" label={t('ds.user')}>
          <Input data-testid="ds-user" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="password" label={t('ds.password')} extra={editing ? t('ds.passwordKeep') : undefined}>
          <Input.Password data-testid="ds-password" autoComplete="new-password" />
        </Form.Item>
      </Col>
    </Row>
  );
  return (
    <>
      {kind === 'relational' ? (
        <Form.Item name="mode" label={t('ds.mode')}>
          <Radio.Group data-testid="ds-mode">
            <Radio value="default">{t('ds.modeDefault')}</Radio>
            <Radio value="professional">{t('ds.modeProfessional')}</Radio>
          </Radio.Group>
        </Form.Item>
      ) : null}
      {professional ? (
        <Form.Item name="url" label={t('ds.url')} rules={req}>
          <Input data-testid="ds-url" placeholder="jdbc:…" />
        </Form.Item>
      ) : (
        <>
          <Row gutter={12}>
            <Col span={16}>
              <Form.Item name="host" label={t('ds.host')} rules={req}>
                <Input data-testid="ds-host" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="port" label={t('ds.port')} rules={[...req, { pattern: /^\d{1,5}$/, message: t('ds.portInvalid') }, { validator: (_, v?: string) => (v && Number(v) > 65535 ? Promise.reject(new Error(t('ds.portInvalid'))) : Promise.resolve()) }]}>
                <Input data-testid="ds-port" inputMode="numeric" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={usesEncoding(type) ? 16 : 24}>
              <Form.Item name="database_name" label={t('ds.database')} rules={req}>
                <Input data-testid="ds-database" />
              </Form.Item>
            </Col>
            {usesEncoding(type) ? (
              <Col span={8}>
                <Form.Item name="encoding" label={t('ds.encoding')}>
                  <Select allowClear options={ENCODINGS.map((e) => ({ value: e, label: e }))} />
                </Form.Item>
              </Col>
            ) : null}
          </Row>
        </>
      )}
      {credentials}
    </>
  );
}
