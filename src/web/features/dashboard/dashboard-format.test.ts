/** CSV export and value formatting of the dashboard (pure functions). */
import { describe, expect, it } from 'vitest';
import { binsOf, colourOf, csvValue, formatValue, NO_DATA_FILL, SCALE, toCsv } from './dashboard-format.js';

describe('dashboard formatting', () => {
  it('writes CSV with a BOM, quotes where needed and neutralises formulas', () => {
    const csv = toCsv(
      ['地区', '数值'],
      [
        ['南昌市', 12],
        ['a,"b"', -3],
        ['=HYPERLINK("x")', '+1'],
      ],
    );
    expect(csv.startsWith('\uFEFF地区,数值\r\n')).toBe(true);
    expect(csv).toContain('南昌市,12\r\n');
    expect(csv).toContain('"a,""b""",-3\r\n');
    expect(csv).toContain(`"'=HYPERLINK(""x"")",'+1\r\n`);
  });

  it('shows money in 元, no data as 暂无数据, medians with one decimal', () => {
    expect(formatValue('subsidy_amount_paid', 123_456, '暂无数据')).toBe('1,234.56');
    expect(csvValue('subsidy_amount_paid', 123_456)).toBe('1234.56');
    expect(formatValue('hires', null, '暂无数据')).toBe('暂无数据');
    expect(csvValue('hires', null)).toBe('');
    expect(formatValue('median_days_to_hire', 5.5, '—')).toBe('5.5');
  });

  it('colours by fifths of the largest value, grey for no data', () => {
    const bins = binsOf([0, 50, 100]);
    expect(colourOf(100, bins)).toBe(SCALE[4]);
    expect(colourOf(1, bins)).toBe(SCALE[0]);
    expect(colourOf(null, bins)).toBe(NO_DATA_FILL);
  });
});
