/**
 * Ant Design theme. antd's default blue (#1677ff) is 4.1:1 on white and fails WCAG AA; #0958d9 is 6.2:1.
 * Secondary and description texts are darkened from 45 % to 60–65 % black (≥ 5.7:1).
 */
import type { ThemeConfig } from 'antd';

export const BRAND = '#0958d9';

export const theme: ThemeConfig = {
  cssVar: { key: 'gancai' },
  token: {
    colorPrimary: BRAND,
    colorInfo: BRAND,
    colorLink: BRAND,
    // antd lightens on hover (≈ 3.6:1); darken instead so hovered text keeps AA contrast
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    // status colours dark enough for text (form errors, alerts), with antd's light backgrounds kept
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarning: '#ad4e00',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorError: '#cf1322',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    colorInfoBg: '#e6f4ff',
    colorInfoBorder: '#91caff',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', headerPadding: '0 24px', headerHeight: 64, footerBg: '#f0f2f5', bodyBg: '#f5f7fa' },
    Menu: { itemColor: 'rgba(0, 0, 0, 0.88)', horizontalItemSelectedColor: BRAND, itemSelectedColor: BRAND },
  },
};

/** Tag colours with ≥ 4.5:1 text contrast (antd's green/orange presets are only ≈ 3.4:1). */
export const TONES = {
  success: { color: '#237804', background: '#f6ffed', borderColor: '#b7eb8f' },
  warning: { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffd591' },
  error: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  info: { color: BRAND, background: '#e6f4ff', borderColor: '#91caff' },
  neutral: { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', borderColor: '#d9d9d9' },
  digital: { color: '#531dab', background: '#f9f0ff', borderColor: '#d3adf7' },
} as const;
export type Tone = keyof typeof TONES;
