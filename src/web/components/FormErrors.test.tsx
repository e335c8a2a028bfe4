// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { Form, Input, type FormInstance } from 'antd';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FormErrorsLive, validateOrFocus } from './FormErrors';

beforeAll(async () => {
  // jsdom has no matchMedia (antd's responsive grid asks for it)
  window.matchMedia ??= ((query: string) =>
    ({ matches: false, media: query, addListener: () => undefined, removeListener: () => undefined, addEventListener: () => undefined, removeEventListener: () => undefined }) as unknown as MediaQueryList);
  await i18next.use(initReactI18next).init({
    lng: 'en-US',
    resources: { 'en-US': { translation: { common: { fieldError: '{{field}}: {{error}}' } } } },
    interpolation: { escapeValue: false },
  });
});
afterEach(cleanup);

let form!: FormInstance<{ name: string }>;
function TestForm() {
  const [f] = Form.useForm<{ name: string }>();
  form = f;
  return (
    <Form form={f}>
      <Form.Item name="name" label="Name" rules={[{ required: true, message: 'This field is required' }]}>
        <Input data-testid="name" />
      </Form.Item>
      <FormErrorsLive testId="test-form-errors" labels={{ name: 'Name' }} />
    </Form>
  );
}

describe('FormErrorsLive', () => {
  it('announces validation errors and errors set by hand, and clears them', async () => {
    render(<TestForm />);
    const live = screen.getByTestId('test-form-errors');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('');

    let values: unknown;
    await act(async () => {
      values = await validateOrFocus(form);
    });
    expect(values).toBeUndefined();
    await waitFor(() => expect(screen.getByTestId('test-form-errors-name').textContent).toBe('Name: This field is required'));

    act(() => form.setFields([{ name: 'name', value: 'taken', errors: ['Name already exists (CODE)'] }]));
    await waitFor(() => expect(live.textContent).toBe('Name: Name already exists (CODE)'));

    await act(async () => {
      values = await validateOrFocus(form);
    });
    expect(values).toEqual({ name: 'taken' });
    await waitFor(() => expect(live.textContent).toBe(''));
  });
});
