import { Tag, type TagTone } from '../../components/ui';
import { useTranslation } from 'react-i18next';
import type { AppRole } from '../../api/apps';

const COLORS: Record<AppRole, TagTone> = {
  admin: 'gold',
  modify: 'blue',
  delete: 'red',
  access: 'purple',
  read: 'default',
};

export function RolesTags({ roles }: { roles: AppRole[] }) {
  const { t } = useTranslation();
  return (
    <span data-testid="app-roles" style={{ display: 'inline-flex', flexWrap: 'wrap', rowGap: 4 }}>
      {roles.map((r) => (
        <Tag key={r} tone={COLORS[r]} data-role={r}>
          {t(`apps.role.${r}`)}
        </Tag>
      ))}
    </span>
  );
}
