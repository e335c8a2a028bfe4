import { Button, Tooltip } from 'antd';
import StarFilled from '@ant-design/icons/es/icons/StarFilled';
import StarOutlined from '@ant-design/icons/es/icons/StarOutlined';
import { useTranslation } from 'react-i18next';

/** The star of an app row: a toggle button (aria-pressed) with a tooltip. */
export function FavoriteToggle({ favorite, onToggle }: { favorite: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const label = favorite ? t('apps.unfavorite') : t('apps.favorite');
  return (
    <Tooltip title={label}>
      <Button
        type="text"
        size="small"
        data-testid="app-favorite-toggle"
        aria-pressed={favorite}
        aria-label={label}
        icon={favorite ? <StarFilled style={{ color: '#faad14' }} /> : <StarOutlined />}
        onClick={onToggle}
      />
    </Tooltip>
  );
}
