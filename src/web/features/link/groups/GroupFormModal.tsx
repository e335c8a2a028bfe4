// Create (under a parent, or at the root) or rename a device group: name 2-64, Chinese, letters,
// digits, _ and -; description up to 200.
import { Form, Input, Modal, type ButtonProps } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_NAME_PATTERN } from '../../../../contract/link';
import { toApiError } from '../../../api/errors';
import { useShowApiError } from '../../../components/ErrorAlert';
import { feedback } from '../../../components/feedback';
import { validateOrFocus } from '../../../components/FormErrors';
import { useCreateGroup, useUpdateGroup } from '../shared/hooks';
import { len, max, pattern, required } from '../shared/rules';

export interface GroupFormTarget {
  appId: string;
  parent?: { id: string; name: string };
  /** editing */
  group?: { id: string; name: string; description?: string };
}

export function GroupFormModal({ iid, target, onClose }: { iid: string; target?: GroupFormTarget; onClose: (id?: string) => void }) {
  const { t } = useTranslation('link');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<{ name: string; description?: string }>();
  const create = useCreateGroup(iid);
  const update = useUpdateGroup(iid);
  const showApiError = useShowApiError();
  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.group) form.setFieldsValue(target.group);
  }, [target, form]);

  const submit = async () => {
    const v = await validateOrFocus(form);
    if (!v || !target) return;
    const body = { name: v.name.trim(), description: (v.description ?? '').trim() };
    try {
      const g = target.group
        ? await update.mutateAsync({ id: target.group.id, body })
        : await create.mutateAsync({ ...body, app_id: target.appId, parent_id: target.parent ? Number(target.parent.id) : 0 });
      feedback.success(t('groups.saved', { name: g.name }));
      onClose(g.id);
    } catch (err) {
      const e = toApiError(err);
      if (e.code === 'RML.0206') return form.setFields([{ name: 'name', errors: [`${e.message} (${e.code})`] }]);
      showApiError(e);
    }
  };
  const title = target?.group ? t('groups.editTitle', { name: target.group.name }) : target?.parent ? t('groups.createChild', { name: target.parent.name }) : t('groups.create');
  return (
    <Modal
      open={target !== undefined}
      title={title}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      onOk={() => void submit()}
      onCancel={() => onClose()}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'group-form-submit' } as ButtonProps}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item name="name" label={tc('common.name')} extra={t('groups.nameRule')} rules={[required(t), len(t, 2, 64), pattern(GROUP_NAME_PATTERN, t('groups.nameRule'))]}>
          <Input maxLength={64} showCount autoFocus data-testid="group-form-name" />
        </Form.Item>
        <Form.Item name="description" label={tc('common.remark')} rules={[max(t, 200)]}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
