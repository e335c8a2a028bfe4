// Footer bar shown while rows are selected: count, clear, and the page's bulk actions.
import { Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Strong } from '../ui';
import type { Selection } from './useSelection';

export function BulkBar<T>({ selection, testId, children }: { selection: Selection<T>; testId?: string; children: ReactNode }) {
  const { t } = useTranslation();
  if (selection.size === 0) return null;
  return (
    <Flex
      align="center"
      gap={12}
      role="region"
      aria-label={t('common.selected', { count: selection.size })}
      data-testid={testId}
      style={{
        position: 'sticky',
        bottom: 0,
        marginTop: 12,
        padding: '10px 16px',
        borderRadius: 8,
        background: 'var(--ant-color-bg-elevated, #fff)',
        boxShadow: '0 -2px 8px rgba(0,0,0,0.12)',
        zIndex: 5,
      }}
    >
      <Strong>{t('common.selected', { count: selection.size })}</Strong>
      <Button size="small" onClick={selection.clear}>
        {t('common.clearSelection')}
      </Button>
      <div style={{ flex: 1 }} />
      {children}
    </Flex>
  );
}
