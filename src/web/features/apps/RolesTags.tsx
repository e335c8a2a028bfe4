import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppRole } from '../../api/apps';

const COLORS: Record<AppRole, string | undefined> = {
  admin: 'gold',
  modify: 'blue',
  delete: 'red',
  access: 'purple',
  read: undefined,
};

export function RolesTags({ roles }: { roles: AppRole[] }) {
  const { t } = useTranslation();
  return (
    <Space size={[0, 4]} wrap data-testid="app-roles">
      {roles.map((r) => (
        <Tag key={r} color={COLORS[r]} data-role={r}>
          {t(`apps.role.${r}`)}
        </Tag>
      ))}
    </Space>
  );
}
