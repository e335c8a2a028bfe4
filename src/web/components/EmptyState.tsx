import { Empty } from 'antd';
import type { ReactNode } from 'react';
import { Muted, Strong } from './ui';

/** An empty list that says what to do next. */
export function EmptyState({ title, hint, action, testId }: { title: string; hint?: string; action?: ReactNode; testId?: string }) {
  return (
    <Empty
      data-testid={testId ?? 'empty-state'}
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <Strong>{title}</Strong>
          {hint ? (
            <div>
              <Muted>{hint}</Muted>
            </div>
          ) : null}
        </>
      }
    >
      {action}
    </Empty>
  );
}
