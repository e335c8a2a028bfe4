// Create / edit a product topic: `/{version}/{deviceId}/{name}` (the device part is filled per device).
import { Form, Input, Modal, Radio, type ButtonProps } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TOPIC_NAME_PATTERN, TOPIC_VERSION_PATTERN } from '../../../../contract/link';
import { toApiError } from '../../../api/errors';
import type { Topic } from '../../../api/link';
import { useShowApiError } from '../../../components/ErrorAlert';
import { feedback } from '../../../components/feedback';
import { FormErrorsLive, validateOrFocus } from '../../../components/FormErrors';
import { Code } from '../../../components/ui';
import { useSaveTopic } from '../shared/hooks';
import { len, max, pattern, required } from '../shared/rules';

interface Values {
  name: string;
  version: string;
  permission: 0 | 1;
  description?: string;
}

export function TopicFormModal({ iid, pid, open, topic, onClose }: { iid: string; pid: string; open: boolean; topic?: Topic; onClose: () => void }) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveTopic(iid, pid);
  const showApiError = useShowApiError();
  const version = Form.useWatch('version', form);
  const name = Form.useWatch('name', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (topic) form.setFieldsValue({ name: topic.name, version: topic.version, permission: topic.publish ? 0 : 1, description: topic.description });
  }, [open, topic, form]);

  const submit = async () => {
    const v = await validateOrFocus(form);
    if (!v) return;
    try {
      await save.mutateAsync({ id: topic?.id, body: { name: v.name.trim(), version: v.version.trim(), permission: v.permission, description: (v.description ?? '').trim() } });
      feedback.success(t('topics.saved', { name: v.name }));
      onClose();
    } catch (err) {
      const e = toApiError(err);
      if (e.code === 'RML.0207') return form.setFields([{ name: 'name', errors: [`${e.message} (${e.code})`] }]);
      showApiError(e);
    }
  };

  return (
    <Modal
      open={open}
      title={topic ? t('topics.editTitle', { name: topic.name }) : t('topics.createTitle')}
      okText={topic ? tc('common.save') : tc('common.create')}
      cancelText={tc('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'topic-form-submit' } as ButtonProps}
      destroyOnHidden
      forceRender
    >
      <Form<Values> form={form} layout="vertical" disabled={save.isPending} initialValues={{ permission: 0, version: 'v1' }} onFinish={() => void submit()}>
        <Form.Item name="version" label={t('fields.version')} extra={t('topics.versionRule')} rules={[required(t), len(t, 2, 50), pattern(TOPIC_VERSION_PATTERN, t('topics.versionRule'))]}>
          <Input maxLength={50} data-testid="topic-form-version" />
        </Form.Item>
        <Form.Item name="name" label={t('fields.topicName')} extra={t('topics.nameRule')} rules={[required(t), len(t, 1, 64), pattern(TOPIC_NAME_PATTERN, t('topics.nameRule'))]}>
          <Input maxLength={64} data-testid="topic-form-name" />
        </Form.Item>
        <Form.Item label={t('topics.fullName')}>
          <Code>{`/${version || '{version}'}/{deviceId}/${name || '…'}`}</Code>
        </Form.Item>
        <Form.Item name="permission" label={t('fields.permission')}>
          <Radio.Group options={[{ value: 0, label: t('topics.publish') }, { value: 1, label: t('topics.subscribe') }]} />
        </Form.Item>
        <Form.Item name="description" label={tc('common.remark')} rules={[max(t, 200)]}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
        <FormErrorsLive testId="topic-form-errors" labels={{ name: t('fields.topicName'), version: t('fields.version') }} />
      </Form>
    </Modal>
  );
}
