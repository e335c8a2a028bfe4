import { useToken } from './themeToken';
import type { CSSProperties, ReactNode } from 'react';

/** A plain content surface (lighter than antd Card, which pulls in Tabs). */
export function Panel({ children, style, testId }: { children: ReactNode; style?: CSSProperties; testId?: string }) {
  const { token } = useToken();
  return (
    <section
      data-testid={testId}
      style={{
        background: token.colorBgContainer,
        borderRadius: token.borderRadiusLG,
        border: `1px solid ${token.colorBorderSecondary}`,
        padding: 20,
        ...style,
      }}
    >
      {children}
    </section>
  );
}

export function PanelTitle({ children }: { children: ReactNode }) {
  const { token } = useToken();
  return <h3 style={{ margin: '0 0 12px', fontSize: token.fontSizeLG, fontWeight: 600, color: token.colorText }}>{children}</h3>;
}
