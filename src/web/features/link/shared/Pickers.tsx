// Selects for an integration app and a product (searchable; the first 999 of each).
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { appListQuery } from '../../../api/apps';
import { productListQuery } from '../../../api/link';

interface PickerProps {
  iid: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  allowClear?: boolean;
  testId: string;
  style?: React.CSSProperties;
  placeholder?: string;
  disabled?: boolean;
}

export function AppPicker({ iid, value, onChange, allowClear, testId, style, placeholder, disabled }: PickerProps) {
  const { t } = useTranslation('link');
  const q = useQuery(appListQuery(iid, { offset: 0, limit: 1000 }));
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={allowClear}
      value={value || undefined}
      onChange={(v) => onChange?.(v)}
      loading={q.isPending}
      status={q.isError ? 'error' : undefined}
      placeholder={placeholder ?? t('common.pickApp')}
      aria-label={placeholder ?? t('common.pickApp')}
      data-testid={testId}
      style={style}
      disabled={disabled}
      options={(q.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
    />
  );
}

export function ProductPicker({ iid, value, onChange, allowClear, testId, style, placeholder, disabled }: PickerProps) {
  const { t } = useTranslation('link');
  const q = useQuery(productListQuery(iid, { offset: 0, limit: 999 }));
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={allowClear}
      value={value || undefined}
      onChange={(v) => onChange?.(v)}
      loading={q.isPending}
      status={q.isError ? 'error' : undefined}
      placeholder={placeholder ?? t('common.pickProduct')}
      aria-label={placeholder ?? t('common.pickProduct')}
      data-testid={testId}
      style={style}
      disabled={disabled}
      popupMatchSelectWidth={false}
      options={(q.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
    />
  );
}
