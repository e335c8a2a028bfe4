// Create (top level or child, parent preselected) or edit (code immutable) a dictionary.
import { Form, Input, InputNumber, Modal, Typography, type ButtonProps } from 'antd';
import { feedback } from '../../components/feedback';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DICT_CODE_PATTERN, DICT_EXTEND_PATTERN, DICT_NAME_PATTERN } from '../../../contract/dictionaries';
import type { Dictionary } from '../../api/dictionaries';
import { toApiError } from '../../api/errors';
import { useShowApiError } from '../../components/ErrorAlert';
import { FormErrorsLive, validateOrFocus } from '../../components/FormErrors';
import { useCreateDictionary, useUpdateDictionary } from './hooks';

export type DictFormTarget = { mode: 'create'; parent?: Dictionary } | { mode: 'edit'; dict: Dictionary };

interface Values {
  name: string;
  code: string;
  remark?: string;
  order?: number | null;
  extend_one?: string;
  extend_two?: string;
}

export function DictFormModal({ iid, target, onClose }: { iid: string; target?: DictFormTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const showApiError = useShowApiError();
  const create = useCreateDictionary(iid);
  const update = useUpdateDictionary(iid);
  const pending = create.isPending || update.isPending;
  const editing = target?.mode === 'edit' ? target.dict : undefined;
  const parent = target?.mode === 'create' ? target.parent : undefined;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        name: editing.name,
        code: editing.code,
        remark: editing.remark,
        order: editing.order ?? null,
        extend_one: editing.extendOne,
        extend_two: editing.extendTwo,
      });
    }
  }, [target, editing, form]);

  const submit = async () => {
    const v = await validateOrFocus(form);
    if (!v) return;
    const common = {
      name: v.name.trim(),
      remark: (v.remark ?? '').trim(),
      extend_one: (v.extend_one ?? '').trim(),
      extend_two: (v.extend_two ?? '').trim(),
      ...(typeof v.order === 'number' ? { order: v.order } : {}),
    };
    try {
      const saved = editing
        ? await update.mutateAsync({ id: editing.id, body: common })
        : await create.mutateAsync({ ...common, code: v.code.trim(), ...(parent ? { parent_code: parent.code } : {}) });
      feedback.success(editing ? t('dict.saved', { name: saved.name }) : t('dict.created', { name: saved.name }));
      onClose();
    } catch (err) {
      const e = toApiError(err);
      if (e.status === 409) {
        const msg = `${t('dict.taken')} (${e.code})`;
        form.setFields(editing ? [{ name: 'name', errors: [msg] }] : [{ name: 'name', errors: [msg] }, { name: 'code', errors: [msg] }]);
        form.focusField('name');
        return;
      }
      showApiError(e);
    }
  };

  const title = editing
    ? t('dict.editTitle', { name: editing.name })
    : parent
      ? t('dict.createChildTitle', { name: parent.name })
      : t('dict.createTitle');
  const charset = (pattern: RegExp, msg: string) => ({ pattern, message: msg });

  return (
    <Modal
      open={target !== undefined}
      title={title}
      okText={editing ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={pending}
      okButtonProps={{ 'data-testid': 'dict-form-submit' } as ButtonProps}
      destroyOnHidden
      forceRender
      data-testid="dict-form-modal"
    >
      <Form<Values> form={form} layout="vertical" disabled={pending} data-testid="dict-form" onFinish={() => void submit()}>
        <Form.Item label={t('dict.parent')}>
          <Typography.Text data-testid="dict-form-parent">
            {parent ? `${parent.name} (${parent.code})` : editing?.parentCode ?? t('dict.topLevel')}
          </Typography.Text>
        </Form.Item>
        <Form.Item
          name="name"
          label={t('common.name')}
          extra={t('dict.nameRule')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: 64, message: t('common.maxLength', { max: 64 }) },
            charset(DICT_NAME_PATTERN, t('dict.nameRule')),
          ]}
        >
          <Input data-testid="dict-form-name" maxLength={64} autoFocus />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('dict.code')}
          extra={editing ? t('dict.codeImmutable') : t('dict.codeRule')}
          rules={
            editing
              ? []
              : [
                  { required: true, whitespace: true, message: t('common.required') },
                  { max: 64, message: t('common.maxLength', { max: 64 }) },
                  charset(DICT_CODE_PATTERN, t('dict.codeRule')),
                ]
          }
        >
          <Input data-testid="dict-form-code" maxLength={64} disabled={!!editing} style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }} />
        </Form.Item>
        <Form.Item name="remark" label={t('common.remark')} rules={[{ max: 255, message: t('common.maxLength', { max: 255 }) }]}>
          <Input.TextArea data-testid="dict-form-remark" rows={2} maxLength={255} showCount />
        </Form.Item>
        <Form.Item name="order" label={t('dict.order')}>
          <InputNumber data-testid="dict-form-order" precision={0} min={-2147483648} max={2147483647} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="extend_one"
          label={t('dict.extendOne')}
          rules={[{ max: 64, message: t('common.maxLength', { max: 64 }) }, charset(DICT_EXTEND_PATTERN, t('dict.extendRule'))]}
        >
          <Input data-testid="dict-form-extend-one" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="extend_two"
          label={t('dict.extendTwo')}
          rules={[{ max: 64, message: t('common.maxLength', { max: 64 }) }, charset(DICT_EXTEND_PATTERN, t('dict.extendRule'))]}
        >
          <Input data-testid="dict-form-extend-two" maxLength={64} />
        </Form.Item>
        <FormErrorsLive
          testId="dict-form-errors"
          labels={{
            name: t('common.name'),
            code: t('dict.code'),
            remark: t('common.remark'),
            extend_one: t('dict.extendOne'),
            extend_two: t('dict.extendTwo'),
          }}
        />
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
