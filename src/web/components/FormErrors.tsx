// Field errors for assistive technology. antd shows each error under its field and links it with
// aria-describedby/aria-invalid, but nothing announces an error when it appears: this polite live
// region does, as "<field>: <error>", and gives tests one stable place to read the errors.
import { Form, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { VISUALLY_HIDDEN } from './ui';

/** Inside a <Form>: announces its current field errors. `labels` name the fields (by field name). */
export function FormErrorsLive({ testId, labels }: { testId: string; labels: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    // re-renders on store changes, including validation results and form.setFields(errors)
    // (covered by FormErrors.test.tsx)
    <Form.Item noStyle shouldUpdate>
      {(form) => (
        <div role="status" aria-live="polite" data-testid={testId} style={VISUALLY_HIDDEN}>
          {form.getFieldsError().flatMap(({ name, errors }) => {
            const field = name.join('.');
            return errors.map((error, i) => (
              <div key={`${field}-${i}`} data-testid={`${testId}-${field}`}>
                {t('common.fieldError', { field: labels[field] ?? field, error })}
              </div>
            ));
          })}
        </div>
      )}
    </Form.Item>
  );
}

/** Validate; on failure move focus to the first invalid field (its error is read with it) and return undefined. */
export async function validateOrFocus<T>(form: FormInstance<T>): Promise<T | undefined> {
  try {
    return await form.validateFields();
  } catch (err) {
    const first = (err as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
    if (first) form.scrollToField(first.name, { focus: true, block: 'nearest' });
    return undefined;
  }
}
