import { Breadcrumb, Flex, Typography } from 'antd';
import type { BreadcrumbProps } from 'antd';
import type { ReactNode } from 'react';

/** Page grammar: (breadcrumb) + title + subtitle + primary action. */
export function PageHeader({
  title,
  subtitle,
  extra,
  breadcrumb,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  breadcrumb?: BreadcrumbProps['items'];
}) {
  return (
    <div style={{ marginBottom: 16 }}>
      {breadcrumb ? <Breadcrumb items={breadcrumb} style={{ marginBottom: 8 }} /> : null}
      <Flex justify="space-between" align="center" gap={16} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
            {title}
          </Typography.Title>
          {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
        </div>
        {extra ? <Flex gap={8}>{extra}</Flex> : null}
      </Flex>
    </div>
  );
}
