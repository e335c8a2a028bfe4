import { Flex } from 'antd';
import type { ReactNode } from 'react';

/** A titled block inside a drawer or tab. */
export function Section({ title, extra, children, testId }: { title: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section data-testid={testId}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }} gap={8}>
        <h4 style={{ margin: 0, fontWeight: 600 }}>{title}</h4>
        {extra}
      </Flex>
      {children}
    </section>
  );
}
