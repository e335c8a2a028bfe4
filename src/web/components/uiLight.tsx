// The pieces of ui.tsx the login page needs, kept apart from ui.tsx's Tooltip-based ones
// (CopyButton, ActionButton) so the login page does not download antd Tooltip (~12 KB gzip).
import { useToken } from './themeToken';
import type { CSSProperties, ReactNode } from 'react';

export function Muted({ children, style, testId }: { children: ReactNode; style?: CSSProperties; testId?: string }) {
  const { token } = useToken();
  return (
    <span data-testid={testId} style={{ color: token.colorTextSecondary, ...style }}>
      {children}
    </span>
  );
}

/** An error/warning/info box (lighter than antd Alert). */
export function Callout({
  tone,
  title,
  children,
  action,
  testId,
}: {
  tone: 'error' | 'warning' | 'info';
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  const { token } = useToken();
  const [bg, border] =
    tone === 'error'
      ? [token.colorErrorBg, token.colorErrorBorder]
      : tone === 'warning'
        ? [token.colorWarningBg, token.colorWarningBorder]
        : [token.colorInfoBg, token.colorInfoBorder];
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
      style={{ display: 'flex', gap: 12, padding: '10px 14px', borderRadius: token.borderRadiusLG, background: bg, border: `1px solid ${border}` }}
    >
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ fontWeight: 600, marginBottom: children ? 4 : 0 }}>{title}</div>
        {children}
      </div>
      {action ? <div>{action}</div> : null}
    </div>
  );
}
