// Time columns given a date format (YYYY-MM-DD) in LibreOffice 7.4 (zh-CN) and saved as UTF-8 csv
// (desk55, test/fixtures/desk/make.sh): every time is a date alone, 2026-11-10 for 2026-11-10 09:00:00.
// The reader already gave such a time a day of slack (orders/parse.ts timeSlackOf) and judged only
// what holds for any time of that day; but the warnings said the times had lost their *seconds* and
// that only an order shipped "within a minute" of its deadline could not be judged. Now they say a
// date stands alone and a day is lost (en+zh), and how to save the columns.
// Worked by hand (tmall-2026, 48 h from payment, 5 % of paid minus postage, 5.00 minimum, 50.00 cap):
//   …7901 paid 11-10, shipped 11-13: the latest deadline is 11-10 23:59:59 + 48 h = 11-12 23:59:59,
//         before any time of 11-13: late for sure, 5 % × 190.00 = 9.50 (paid by the platform: 57.00);
//   …7903 paid 11-11, shipped 11-14: late for sure, 5 % × 2000.00 = 100.00 → 50.00 (cap), final;
//   …7902 paid 11-10, shipped 11-12; …5501 and …5502 paid 11-15, shipped 11-17: each may have
//         shipped before or after its deadline that day: not judged (time_precision).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, runCli } from '../helpers.js';

const orders = path.join(FIXTURES, 'desk', 'ExportOrderList-lo-date-only.csv');
const scans = path.join(FIXTURES, 'desk', 'shipments-lo-date-only.csv');

describe('a date alone where a time belongs (a date format saved as csv)', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`orders: the warning names dates alone and a day, not seconds and a minute (TZ=${tz})`, () => {
      const r = runCli(['compensate', orders, '--as-of', '2026-11-25 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(
        `${orders}: 9 rows have dates alone where times belong (such as 2026-11-10, no time of day: the time columns were given a date format in a spreadsheet and saved as csv); an order shipped within a day of its deadline cannot be judged.`,
      );
      // Before: "9 rows have times without seconds (the file was probably re-saved in Excel); an order shipped within a minute of its deadline cannot be judged."
      expect(r.stderr).not.toContain('within a minute');
      expect(r.stderr).toContain(
        '3 orders have times without seconds or dates alone (no time of day), and whether they were late, or at which rate, depends on the time lost; not judged (time_precision): 3515313147329357902;2987650012233445501;2987650012233445502.',
      );
      const v = JSON.parse(r.stdout) as Array<{ orderIds: string[]; amount: string; state: string }>;
      expect(v.find((x) => x.orderIds.includes('3515313147329357901'))).toMatchObject({ orderIds: ['3515313147329357901'], amount: '9.50', state: 'paid_by_platform' });
      expect(v.find((x) => x.orderIds.includes('3515313147329357903'))).toMatchObject({ amount: '50.00', state: 'final' });
      expect(v.some((x) => x.orderIds.includes('3515313147329357902'))).toBe(false);
    });
  }

  it('--shipments: a pickup date alone (zh), …7902 not judged', () => {
    const r = runCli(['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--shipments', scans, '--as-of', '2026-11-25 10:00:00', '-f', 'json', '--lang', 'zh']);
    expect(r.stderr).toContain(
      `${scans}: 1 行的揽收时间只有日期 (没有时刻: 这一列在电子表格中被设成了日期格式后存成 csv); 在截止时间前后一天内揽收的订单无法判断是否延迟 (时间精度不足)。`,
    );
    // Before: "1 行的揽收时间没有秒 (文件可能被 Excel 另存过); 在截止时间前后一分钟内揽收的订单无法判断…"
    expect(r.stderr).not.toContain('揽收时间没有秒');
    expect(r.stderr).toContain('1 个订单的时间没有秒或只有日期 (没有时刻), 是否延迟或按哪一档赔付取决于丢失的时间, 未判断 (时间精度不足): 3515313147329357902。');
  });

  it('times that lost only their seconds keep the seconds wording (a minute)', () => {
    const r = runCli(['compensate', path.join(FIXTURES, 'desk', 'ExportOrderList-lo-serial-dates.csv'), '--as-of', '2026-11-25 10:00:00', '-f', 'json', '--lang', 'en']);
    expect(r.stderr).not.toContain('dates alone');
  });
});
