// The design token and the two colour algorithms. antd's `theme` object also carries the compact
// algorithm and getDesignToken, which the console never uses: imported from here, they stay out
// of the login page and every other page (eslint forbids `theme` from 'antd').
import type { GlobalToken } from 'antd';
import useAntdToken from 'antd/es/theme/useToken';

export { default as darkAlgorithm } from 'antd/es/theme/themes/dark';
export { default as defaultAlgorithm } from 'antd/es/theme/themes/default';

/** Same as antd's `theme.useToken().token`. */
export function useToken(): { token: GlobalToken } {
  const [, token] = useAntdToken();
  return { token };
}
