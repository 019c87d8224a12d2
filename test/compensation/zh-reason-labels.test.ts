// zh output shows every enumerated value by its zh label (README "Language"); the summary line does
// ("无法判断 1 (无发货时间 1)") and so does the closed_unshipped warning ("(关闭未发货)"), but four zh
// warnings put the English code in: "未判断是否延迟 (no_ship_time)", "未判断 (time_precision)",
// "(no_paid_amount)", "(platform_paid_unknown)", and the scan file's "(time_precision)". Now the
// labels of src/compensation/codes.ts: 无发货时间, 时间精度不足, 无实付金额, 平台已赔付但金额未知.
import { describe, expect, it } from 'vitest';
import { T41, order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
const shipped = '卖家已发货，等待买家确认';
const AS_OF = ['--as-of', '2026-11-25 12:00:00', '--rules', 'tmall-2023', '-f', 'csv', '--lang', 'zh'];
const A = '3515313147329357911';
const B = '3515313147329357912';

describe('zh warnings name the reason by its zh label', () => {
  it('no ship time (2016 layout): (无发货时间)', () => {
    // A shipped, the layout has no 发货时间: not judged. B unshipped, paid 11-24 12:00, due 11-26 12:00:
    // judged (not late), so the run goes on (with nothing judgeable it is exit 3).
    const f = write(dir, 'ExportOrderList201611201200.csv', taobaoCsv([
      order(A, { 买家会员名: '老李', 订单状态: '交易成功', 订单付款时间: '2026-11-20 09:00:00' }),
      order(B, { 买家会员名: '老张', 订单创建时间: '2026-11-24 11:59:00', 订单付款时间: '2026-11-24 12:00:00' }),
    ], T41));
    const r = runCli(['compensate', f, ...AS_OF]);
    expect(r.stderr).toContain('storeops: 警告: 1 个已发货订单在报表里没有发货时间 (较早的淘宝订单报表没有"发货时间"列), 未判断是否延迟 (无发货时间)。');
    expect(r.stderr).not.toContain('no_ship_time');
  });

  it('times without seconds: (时间精度不足), also for a scan file', () => {
    // Paid 11-15 11:00 (to the minute), deadline 11-17 11:00:00–11:00:59, shipped 11-17 11:00: either.
    const f = write(dir, 'coarse.csv', taobaoCsv([order(A, { 买家会员名: '阿花', 订单状态: shipped, 订单创建时间: '2026/11/15 10:59', 订单付款时间: '2026/11/15 11:00', 发货时间: '2026/11/17 11:00' })]));
    const r = runCli(['compensate', f, ...AS_OF]);
    expect(r.stderr).toContain(`1 个订单的时间没有秒, 是否延迟或按哪一档赔付取决于丢失的秒数, 未判断 (时间精度不足): ${A}。`);
    expect(r.stderr).not.toContain('time_precision');
    // A scan file typed to the minute: its own warning.
    const g = write(dir, 'exact.csv', taobaoCsv([order(B, { 买家会员名: '小明', 订单状态: shipped, 订单付款时间: '2026-11-15 11:00:00', 发货时间: '2026-11-17 10:00:00' })]));
    const scans = write(dir, 'scans.csv', `订单编号,揽收时间\n${B},2026/11/17 11:00\n`);
    const s = runCli(['compensate', g, '--shipments', scans, ...AS_OF]);
    expect(s.stderr).toContain(`${scans}: 1 行的揽收时间没有秒 (文件可能被 Excel 另存过); 在截止时间前后一分钟内揽收的订单无法判断是否延迟 (时间精度不足)。`);
    expect(s.stderr).not.toContain('time_precision');
  });

  it('an empty paid amount: (无实付金额)', () => {
    const f = write(dir, 'empty.csv', taobaoCsv([order(A, { 买家会员名: '阿花', 订单状态: shipped, 订单付款时间: '2026-11-10 09:00:00', 发货时间: '2026-11-13 09:00:00', 买家实际支付金额: '' })]));
    const r = runCli(['compensate', f, ...AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`同一买家同窗口的红包暂定 (无实付金额): ${A} (${f}:2)。`);
    expect(r.stderr).not.toContain('no_paid_amount');
  });
});
