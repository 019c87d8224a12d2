// Found at a desk (user10, 阿芳's hourly job, the order report alone as the cron recipe reads it): an
// order of two items shipped one parcel on time (卖家部分发货, 发货时间 the first parcel's), the other
// parcel late; once it went, the order report showed 卖家已发货 with that first parcel's 发货时间
// (docs/rules.md §1.1: "the report's 发货时间 may still be the first parcel's"), and the order was
// judged on time: its voucher, provisional the hour before, vanished without a word. A --record run
// had seen it not wholly shipped after its deadline; the export proving that time, the order shipped
// after it: late by at least sighting − deadline, final.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv, write } from '../orders/build.js';

type Row = Record<string, unknown>;

const P = '4012345678901234506';
const Q = '4012345678901234513';
// P: paid 2026-12-03 14:00:00, 台灯 120.00 + 灯泡 30.00 = 150.00, no postage: tmall-2026, base 150.00,
// window 48 h -> deadline 2026-12-05 14:00:00. First parcel 2026-12-04 10:00:00 (on time).
const p = (status: string) =>
  order(P, { 买家会员名: '老周', 买家应付货款: '150.00', 买家应付邮费: '0.00', 买家实际支付金额: '150.00', 订单状态: status, 订单付款时间: '2026-12-03 14:00:00', 订单创建时间: '2026-12-03 13:59:00', 发货时间: '2026-12-04 10:00:00', 宝贝标题: '护眼台灯，LED灯泡', 店铺Id: '200300400', 店铺名称: '阿芳家居旗舰店' });
// Q: another buyer's order paid when the first export was made (its latest time: the sighting).
const q = order(Q, { 买家会员名: '月亮', 订单付款时间: '2026-12-06 17:30:00', 订单创建时间: '2026-12-06 17:29:00', 店铺Id: '200300400', 店铺名称: '阿芳家居旗舰店' });

const run = (tz: string, files: string[], state: string, asOf: string) => {
  const r = runCli(['compensate', ...files, '--record', '--state', state, '--as-of', asOf, '-f', 'json', '--lang', 'en'], { tz });
  return { ...r, rows: r.stdout ? (JSON.parse(r.stdout) as Row[]) : [] };
};
const brief = (rows: Row[]) => rows.map((v) => [(v.orderIds as string[]).join(','), v.amount, v.state, v.recorded, v.issueNow]);

describe.each(['UTC', 'America/Los_Angeles'])('an order report 发货时间 that is the first parcel\'s, after a sighting (TZ=%s)', (tz) => {
  it('is late by at least the sighting, final, recorded once: 7.50', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    // 12-06 18:35: P 卖家部分发货, unshipped as a whole, 28.58 h past its deadline: tier 5 (late,
    // window 48 h, <= 72 h): 5 % x 150.00 = 7.50, provisional. The export proves 12-06 17:30:00 (Q).
    const f1 = write(dir, 'ExportOrderList202612061830.csv', taobaoCsv([p('卖家部分发货'), q]));
    const r1 = run(tz, [f1], state, '2026-12-06 18:35:00');
    expect(r1.code).toBe(0);
    expect(brief(r1.rows)).toEqual([[P, '7.50', 'provisional', '', '0.00']]);
    // 12-07 12:00: the second parcel went; the report says 卖家已发货 with the first parcel's time. The
    // ledger saw P not wholly shipped at 12-06 17:30:00, 27.5 h after its deadline: shipped after
    // that, late >= 27.5 h: tier 5, 5 % x 150.00 = 7.50, final. Before: on time, no voucher.
    const f2 = write(dir, 'ExportOrderList202612071200.csv', taobaoCsv([p('卖家已发货，等待买家确认'), q]));
    const r2 = run(tz, [f1, f2], state, '2026-12-07 12:05:00');
    expect(brief(r2.rows)).toEqual([[P, '7.50', 'final', 'new', '7.50']]);
    expect(r2.code).toBe(0);
    expect(r2.stderr).toContain(`1 order shows a 发货时间 before a --record run saw it not yet (wholly) shipped: that is the first parcel's time, and the order shipped after the sighting; judged late by at least that long (final), not on time by the export's 发货时间: ${P} (${f2}:2) shows 发货时间 2026-12-04 10:00:00 but was seen not (wholly) shipped at 2026-12-06 17:30:00, 27.5 h after its deadline 2026-12-05 14:00:00`);
    // The next hour: the same, recorded before; nothing said of a paid order judged on time.
    const r3 = run(tz, [f1, f2], state, '2026-12-07 13:05:00');
    expect(brief(r3.rows)).toEqual([[P, '7.50', 'final', 'already_recorded', '0.00']]);
    expect(r3.stderr).not.toContain('paid in recorded vouchers');
    // zh: the source of its ship time named.
    const zh = runCli(['compensate', f2, '--state', state, '--as-of', '2026-12-07 13:05:00', '--by', 'order', '-f', 'csv', '--lang', 'zh'], { tz });
    expect(zh.stdout.split('\n')[1]).toContain(`${P},,老周,2026-12-03 14:00:00,2026-12-05 14:00:00,2026-12-06 17:30:00,发货晚于账本所见未发货之时,27.5,延迟发货,150.00,0.05,7.50,7.50,`);
  });
});
