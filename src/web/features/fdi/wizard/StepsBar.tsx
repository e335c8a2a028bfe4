// The wizard's step indicator: numbered steps, done ones ticked, the current one highlighted.
// Hand-made instead of antd Steps, which brings Tooltip, Progress and its styles (~10 KB gzip)
// for what is a row of labels here.
import { useToken } from '../../../components/themeToken';
import CheckOutlined from '@ant-design/icons/es/icons/CheckOutlined';
import { Fragment } from 'react';

export function StepsBar({ current, titles, testId }: { current: number; titles: string[]; testId?: string }) {
  const { token } = useToken();
  return (
    <ol data-testid={testId} style={{ display: 'flex', alignItems: 'center', gap: 8, listStyle: 'none', margin: '0 0 24px', padding: 0 }}>
      {titles.map((title, i) => {
        const done = i < current;
        const active = i === current;
        return (
          <Fragment key={title}>
            {i > 0 ? (
              <li aria-hidden style={{ flex: 1, minWidth: 16, height: 1, background: done || active ? token.colorPrimary : token.colorSplit }} />
            ) : null}
            <li aria-current={active ? 'step' : undefined} style={{ display: 'flex', alignItems: 'center', gap: 8, whiteSpace: 'nowrap' }}>
              <span
                style={{
                  display: 'inline-flex',
                  alignItems: 'center',
                  justifyContent: 'center',
                  width: 24,
                  height: 24,
                  borderRadius: '50%',
                  fontSize: token.fontSizeSM,
                  color: active ? token.colorTextLightSolid : done ? token.colorPrimary : token.colorTextSecondary,
                  background: active ? token.colorPrimary : done ? token.colorPrimaryBg : token.colorFillSecondary,
                }}
              >
                {done ? <CheckOutlined /> : i + 1}
              </span>
              <span style={{ color: active || done ? token.colorText : token.colorTextSecondary, fontWeight: active ? 600 : undefined }}>{title}</span>
            </li>
          </Fragment>
        );
      })}
    </ol>
  );
}
