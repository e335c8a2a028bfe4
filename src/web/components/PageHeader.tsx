import { Flex } from 'antd';
import { useToken } from './themeToken';
import type { ReactNode } from 'react';
import { Muted } from './ui';

/** Page grammar: title + subtitle + primary action (the breadcrumb is in the shell header). */
export function PageHeader({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  const { token } = useToken();
  return (
    <div style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <div>
          <h1 data-testid="page-title" style={{ margin: 0, fontSize: token.fontSizeHeading3, fontWeight: 600, lineHeight: 1.35, color: token.colorTextHeading }}>
            {title}
          </h1>
          {subtitle ? <Muted>{subtitle}</Muted> : null}
        </div>
        {extra ? <Flex gap={8}>{extra}</Flex> : null}
      </Flex>
    </div>
  );
}
