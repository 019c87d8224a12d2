// tmall-2023 (docs/rules.md §1.2: a buyer's late orders sorted by paid time, the first opens a 24-hour
// window, every order paid within 24 h of that opening joins it, the next one opens a new window; 30 %
// of paid − postage, at least 5.00 an order, 500.00 a window). A recorded window R whose first order
// the rolling downloads no longer hold, and a download opening a window of its own at e inside R's
// 24 h: the export chains its later windows from e, the truth from R's opening t. A voucher opening at
// s > t + 24 h was held (not recorded, exit 1) until the downloads and the ledger agreed — in a cron
// with rolling downloads, for hours, until e's order left the downloads too. But the two chains can
// differ only through an order paid after t + 24 h and within e's window (≤ e + 24 h): in truth it
// opens a window of its own, in the export it is in e's. With none there, the next opening after
// R's window is the same order in both, and so is every later window: the voucher is certain.
//
// By hand: 小梅 paid r1 100.00 03-01 10:00:00 (deadline 03-03 10:00:00, shipped 03-04 10:00:00, 24 h
// late: 30 % × 100.00 = 30.00), e1 50.00 03-01 20:00:00 (10 h after r1: R's window; deadline 03-03
// 20:00:00, shipped 03-04 20:00:00: 15.00) and v2 80.00 03-02 22:00:00 (36 h after r1: a window of its
// own; deadline 03-04 22:00:00). d1 (run 03-05 23:05): R {r1, e1} 45.00 final, recorded; v2 unshipped,
// 25 h late: {v2} 24.00 provisional. d2 (run 03-07 10:05; r1, created 03-01 09:50, no longer held):
// e1 opens the export's first window (03-01 20:00:00, inside R's 24 h), {e1} 15.00, paid by R (a
// conflict paid in full); v2 shipped 03-06 22:00:00, 48 h late: 30 % × 80.00 = 24.00, opening at
// 03-02 22:00:00 > 03-02 20:00:00 (e1 + 24 h): {v2}. Nothing of the buyer was paid between 03-02
// 10:00:00 (t + 24 h) and 03-02 20:00:00: v2 opens its own window in truth too. Before: held, exit 1;
// now 24.00 recorded new, exit 0; 45.00 + 24.00 = 69.00 in all.
// With v1 30.00 paid 03-02 12:00:00 (late, 30 % = 9.00) there: in truth v1 opens at 03-02 12:00:00
// and v2 joins it ({v1, v2} 33.00), in the export v1 is in e1's window and v2 alone: still held.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';
import { ledgerTotal, recorderIn } from './record-runs.js';

const shop = { 店铺Id: '100200300', 店铺名称: '围巾小店' };
const status = (ship: string) => (ship ? '卖家已发货，等待买家确认' : '买家已付款，等待卖家发货');
const o = (id: string, goods: string, created: string, paid: string, ship: string) =>
  order(id, { ...shop, 买家会员名: '小梅', 买家应付货款: goods, 买家应付邮费: '0.00', 买家实际支付金额: goods, 订单创建时间: created, 订单付款时间: paid, 订单状态: status(ship), 发货时间: ship });
const r1 = (ship: string) => o('3900000000000000051', '100.00', '2026-03-01 09:50:00', '2026-03-01 10:00:00', ship);
const e1 = (ship: string) => o('3900000000000000052', '50.00', '2026-03-01 19:50:00', '2026-03-01 20:00:00', ship);
const v1 = (ship: string) => o('3900000000000000053', '30.00', '2026-03-02 11:50:00', '2026-03-02 12:00:00', ship);
const v2 = (ship: string) => o('3900000000000000054', '80.00', '2026-03-02 21:50:00', '2026-03-02 22:00:00', ship);
const brief = (rows: Array<Record<string, unknown>>) => rows.map((v) => [(v.orderIds as string[]).map((x) => x.slice(-2)).join(','), v.amount, v.state, v.recorded, v.toIssue]);

describe.each(['UTC', 'America/Los_Angeles'])('tmall-2023: a window certain although its ledger window lacks its first order (TZ=%s)', (tz) => {
  it('is recorded, not held, when no order falls between the two chains', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const d1 = path.join(dir, 'd1.csv');
    fs.writeFileSync(d1, taobaoCsv([r1('2026-03-04 10:00:00'), e1('2026-03-04 20:00:00'), v2('')]));
    const d2 = path.join(dir, 'd2.csv');
    fs.writeFileSync(d2, taobaoCsv([e1('2026-03-04 20:00:00'), v2('2026-03-06 22:00:00')]));
    const r = recorderIn(tz, '2026-03-05 23:05:00')(d1, state, '--lang', 'en');
    expect(brief(r.rows)).toEqual([
      ['51,52', '45.00', 'final', 'new', '45.00'],
      ['54', '24.00', 'provisional', '', '24.00'],
    ]);
    const r2 = recorderIn(tz, '2026-03-07 10:05:00')(d2, state, '--lang', 'en');
    expect(brief(r2.rows)).toEqual([
      ['52', '15.00', 'final', 'conflict', '0.00'],
      ['54', '24.00', 'final', 'new', '24.00'],
    ]);
    expect(r2.code).toBe(0);
    expect(ledgerTotal(state, tz)).toBe('69.00');
  });

  it('is still held when an order falls between them', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const d1 = path.join(dir, 'd1.csv');
    fs.writeFileSync(d1, taobaoCsv([r1('2026-03-04 10:00:00'), e1('2026-03-04 20:00:00'), v1(''), v2('')]));
    const d2 = path.join(dir, 'd2.csv');
    fs.writeFileSync(d2, taobaoCsv([e1('2026-03-04 20:00:00'), v1('2026-03-05 12:00:00'), v2('2026-03-06 22:00:00')]));
    const r = recorderIn(tz, '2026-03-05 23:05:00')(d1, state, '--lang', 'en');
    expect(brief(r.rows).map((x) => x.slice(0, 4))).toEqual([
      ['51,52', '45.00', 'final', 'new'],
      ['53,54', '33.00', 'provisional', ''],
    ]);
    const r2 = recorderIn(tz, '2026-03-07 10:05:00')(d2, state, '--lang', 'en');
    expect(brief(r2.rows).find((x) => x[0] === '54')?.[3]).toBe('held');
    expect(r2.code).toBe(1);
  });
  // rev36: the same certain case, but the second download is the Excel re-save (times without their
  // seconds) and holds x1 1000.00, paid 03-02 10:00:45 — 15 s after R's window ends (r1 03-01
  // 10:00:30 + 24 h = 03-02 10:00:30) — shown as 03-02 10:00. By the rule (§1.2) x1 opens a window of
  // its own, v2 (80.00, 03-02 22:00, within x1's 24 h) joins it: {x1, v2} 30 % × 1000.00 + 30 % × 80.00
  // = 300.00 + 24.00 = 324.00, as d1 (with seconds) shows it: provisional while v2 is unshipped. The re-saved download puts
  // x1 in e1's window ({e1, x1}); its last paid time, 10:00, may be up to 10:00:59, past R's end: the
  // two chains may differ, so {v2} stays held (exit 1). Before this fix lastPaid was read as 10:00:00
  // and {v2} 24.00 was recorded new, though by the rule v2 belongs in x1's window.
  it('is still held when the order between may be paid after R ends by the seconds its time lost', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const r1s = o('3900000000000000051', '100.00', '2026-03-01 09:50:00', '2026-03-01 10:00:30', '2026-03-04 10:00:00');
    const x1 = (paid: string, ship: string) => o('3900000000000000055', '1000.00', '2026-03-02 09:50', paid, ship);
    const d1 = path.join(dir, 'd1.csv');
    fs.writeFileSync(d1, taobaoCsv([r1s, e1('2026-03-04 20:00:00'), x1('2026-03-02 10:00:45', '2026-03-05 10:00:00'), v2('')]));
    const d2 = path.join(dir, 'd2.csv');
    const re = (x: ReturnType<typeof o>) => Object.fromEntries(Object.entries(x).map(([k, val]) => [k, typeof val === 'string' && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(val) ? val.slice(0, 16) : val]));
    fs.writeFileSync(d2, taobaoCsv([re(e1('2026-03-04 20:00:00')), re(x1('2026-03-02 10:00:45', '2026-03-05 10:00:00')), re(v2('2026-03-06 22:00:00'))] as Parameters<typeof taobaoCsv>[0]));
    const r = recorderIn(tz, '2026-03-05 23:05:00')(d1, state, '--lang', 'en');
    expect(brief(r.rows).map((x) => x.slice(0, 4))).toEqual([
      ['51,52', '45.00', 'final', 'new'],
      ['55,54', '324.00', 'provisional', ''],
    ]);
    const r2 = recorderIn(tz, '2026-03-07 10:05:00')(d2, state, '--lang', 'en');
    expect(brief(r2.rows).find((x) => x[0] === '54')?.[3]).toBe('held');
    expect(r2.code).toBe(1);
    expect(ledgerTotal(state, tz)).toBe('45.00');
  });
});
