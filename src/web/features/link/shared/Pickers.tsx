// Selects for an integration app and a product (searchable; the first 999 of each).
import { Select } from 'antd';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
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

type Named = { items: { id: string; name: string }[] };

/** A searchable select over a list query's `{id, name}` items; loading and error shown in place. */
function NamedSelect({ q, value, onChange, allowClear, testId, style, placeholder, disabled, wide }: Omit<PickerProps, 'iid' | 'placeholder'> & { q: UseQueryResult<Named>; placeholder: string; wide?: boolean }) {
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={allowClear}
      value={value || undefined}
      onChange={(v) => onChange?.(v)}
      loading={q.isPending}
      status={q.isError ? 'error' : undefined}
      placeholder={placeholder}
      aria-label={placeholder}
      data-testid={testId}
      style={style}
      disabled={disabled}
      popupMatchSelectWidth={wide ? false : undefined}
      options={(q.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
    />
  );
}

export function AppPicker({ iid, placeholder, ...rest }: PickerProps) {
  const { t } = useTranslation('link');
  const q = useQuery(appListQuery(iid, { offset: 0, limit: 1000 }));
  return <NamedSelect q={q} placeholder={placeholder ?? t('common.pickApp')} {...rest} />;
}

export function ProductPicker({ iid, placeholder, ...rest }: PickerProps) {
  const { t } = useTranslation('link');
  const q = useQuery(productListQuery(iid, { offset: 0, limit: 999 }));
  return <NamedSelect q={q} placeholder={placeholder ?? t('common.pickProduct')} wide {...rest} />;
}
