import { Empty, Typography } from 'antd';
import type { ReactNode } from 'react';

/** An empty list that says what to do next. */
export function EmptyState({ title, hint, action, testId }: { title: string; hint?: string; action?: ReactNode; testId?: string }) {
  return (
    <Empty
      data-testid={testId ?? 'empty-state'}
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <Typography.Text strong>{title}</Typography.Text>
          {hint ? (
            <div>
              <Typography.Text type="secondary">{hint}</Typography.Text>
            </div>
          ) : null}
        </>
      }
    >
      {action}
    </Empty>
  );
}
