// Small presentational pieces built on theme tokens (lighter than antd Typography/Tag/Alert/
// Skeleton, which would add ~15 KB gzip to every list page).
import { Button, Tooltip, type ButtonProps } from 'antd';
import { useToken } from './themeToken';
import CheckOutlined from '@ant-design/icons/es/icons/CheckOutlined';
import CopyOutlined from '@ant-design/icons/es/icons/CopyOutlined';
import { useEffect, useId, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Muted and Callout live in uiLight.tsx (no Tooltip there: the login page uses them).
export { Callout, Muted } from './uiLight';

export const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

/** Read by screen readers, not shown (out of the layout, also inside flex containers). */
export const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

export function Strong({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <span data-testid={testId} style={{ fontWeight: 600 }}>
      {children}
    </span>
  );
}

export function Code({ children, testId, style }: { children: ReactNode; testId?: string; style?: CSSProperties }) {
  const { token } = useToken();
  return (
    <code
      data-testid={testId}
      style={{
        fontFamily: MONO,
        fontSize: '0.92em',
        padding: '1px 5px',
        borderRadius: 4,
        background: token.colorFillTertiary,
        border: `1px solid ${token.colorBorderSecondary}`,
        wordBreak: 'break-all',
        ...style,
      }}
    >
      {children}
    </code>
  );
}

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  document.execCommand('copy');
  ta.remove();
}

/** A copy button with "copied" feedback; `label` names what is copied ("Copy Request ID"). */
export function CopyButton({ text, label, testId }: { text: string; label?: string; testId?: string }) {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!done) return;
    const h = setTimeout(() => setDone(false), 2000);
    return () => clearTimeout(h);
  }, [done]);
  const name = label ? t('common.copyLabel', { label }) : t('common.copy');
  return (
    <Tooltip title={done ? t('common.copied') : name}>
      <Button
        type="text"
        size="small"
        aria-label={name}
        data-testid={testId ?? 'copy-button'}
        icon={done ? <CheckOutlined style={{ color: '#52c41a' }} /> : <CopyOutlined />}
        onClick={(e) => {
          e.stopPropagation();
          void writeClipboard(text).then(() => setDone(true));
        }}
        style={{ height: 22, width: 22, minWidth: 22 }}
      />
    </Tooltip>
  );
}

/**
 * An action button that may be unavailable (`blockedReason`): then it stays focusable
 * (aria-disabled, not disabled), looks disabled, ignores clicks, and its reason is both its
 * accessible description and a tooltip on hover or keyboard focus.
 */
export function ActionButton({ blockedReason, onClick, style, ...props }: ButtonProps & { blockedReason?: string; 'data-testid'?: string }) {
  const { token } = useToken();
  const reasonId = useId();
  if (!blockedReason) return <Button {...props} style={style} onClick={onClick} />;
  const plain = props.type === 'link' || props.type === 'text';
  return (
    <>
      <Tooltip title={blockedReason} trigger={['hover', 'focus']}>
        <Button
          {...props}
          aria-disabled
          aria-describedby={reasonId}
          onClick={(e) => e.preventDefault()}
          style={{
            color: token.colorTextDisabled,
            cursor: 'not-allowed',
            ...(plain ? {} : { background: token.colorBgContainerDisabled, borderColor: token.colorBorder, boxShadow: 'none' }),
            ...style,
          }}
        />
      </Tooltip>
      <span id={reasonId} style={VISUALLY_HIDDEN}>
        {blockedReason}
      </span>
    </>
  );
}

export type TagTone = 'success' | 'processing' | 'error' | 'default' | 'warning' | 'gold' | 'blue' | 'red' | 'purple' | 'geekblue';

/** A tag with a tone; colours from the theme so dark mode works. */
export function Tag({ tone = 'default', children, testId, title, ...data }: {
  tone?: TagTone;
  children: ReactNode;
  testId?: string;
  title?: string;
} & Record<`data-${string}`, string | undefined>) {
  const { token } = useToken();
  const palette: Record<TagTone, [string, string, string]> = {
    success: [token.colorSuccessBg, token.colorSuccessBorder, token.colorSuccessText],
    processing: [token.colorInfoBg, token.colorInfoBorder, token.colorInfoText],
    error: [token.colorErrorBg, token.colorErrorBorder, token.colorErrorText],
    warning: [token.colorWarningBg, token.colorWarningBorder, token.colorWarningText],
    default: [token.colorFillQuaternary, token.colorBorder, token.colorText],
    gold: [token.gold1, token.gold3, token.gold7],
    blue: [token.blue1, token.blue3, token.blue7],
    red: [token.red1, token.red3, token.red7],
    purple: [token.purple1, token.purple3, token.purple7],
    geekblue: [token.geekblue1, token.geekblue3, token.geekblue7],
  };
  const [bg, border, color] = palette[tone];
  return (
    <span
      {...data}
      title={title}
      data-testid={testId}
      style={{
        display: 'inline-block',
        padding: '0 7px',
        fontSize: token.fontSizeSM,
        lineHeight: '20px',
        borderRadius: token.borderRadiusSM,
        border: `1px solid ${border}`,
        background: bg,
        color,
        whiteSpace: 'nowrap',
        marginInlineEnd: 6,
      }}
    >
      {children}
    </span>
  );
}

/** A skeleton bar (loading placeholder). */
export function Bone({ width = '100%', height = 14, style }: { width?: number | string; height?: number; style?: CSSProperties }) {
  const { token } = useToken();
  return (
    <div
      className="roma-bone"
      style={{ width, height, borderRadius: 4, background: token.colorFillSecondary, ...style }}
    />
  );
}
