// compensate --record reading an older export after the one that made a voucher final and recorded it:
// the very voucher (same key) is provisional again. When it comes to LESS than was recorded, the
// recorded vouchers pay all of it (toIssue 0.00) and its `recorded` column said already_recorded, where a
// final voucher at another amount says amount_changed (docs/cli.md: "a voucher recorded before is marked
// already_recorded …; one recorded before at another amount is marked amount_changed"). Now
// amount_changed (toIssue 0.00, issueNow 0.00, nothing recorded, exit 0: nothing more owed). And the
// summary counted neither such row nor the provisional already_recorded one anywhere: each is now in
// "N recorded before (not counted again)", as a final voucher recorded before and owing nothing is, so
// the summary's counts reconcile with the rows.
//
// By hand (`tmall-2026`, 48 h, base = paid − postage; ≤ 72 h late: 5 %; still unshipped > 72 h after the
// deadline: out of stock, 10 %; min 5.00; Beijing day, cap 500.00):
// 小兰 paid A 200.00 (10.00 postage: base 190.00) 10-14 01:50:00, deadline 10-16 01:50:00; C 200.00 (no
// postage) 10-14 21:40:00, deadline 10-16 21:40:00. One voucher (both paid 10-14).
// newer (run as of 10-20 23:05): A shipped 10-17 12:00:00 (34 h 10 min late: 5 % × 190.00 = 9.50), C
//   shipped 10-20 22:00:00 (96 h 20 min late: out of stock, 10 % × 200.00 = 20.00): {A, C} 29.50 final,
//   recorded new. Summary: 1 voucher totalling 29.50 to issue; 1 newly recorded.
// older (A shipped 10-17 12:00:00, C unshipped), read again:
//   as of 10-17 13:05: C 15 h 25 min late so far: 5 % × 200.00 = 10.00; {A, C} 19.50 provisional, the
//     recorded 29.50 pays it all: toIssue 0.00; recorded amount_changed (was already_recorded); summary
//     "0 vouchers totalling 0.00 to issue; …; 1 recorded before (not counted again)" (was counted nowhere).
//   as of 10-20 21:05: C 95 h 25 min late and unshipped: out of stock, 20.00: {A, C} 29.50 provisional,
//     the same amount: already_recorded as before, and now counted "1 recorded before" too.
// A final voucher that shrank says amount_changed (the same export with C shipped 10-17 13:00:00, 15 h
//   20 min late: 10.00; {A, C} 19.50 final), for comparison, and is counted "1 recorded before".
// The ledger keeps the one voucher, 29.50, throughout; every run exits 0.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';
import { ledgerTotal, recorderIn } from './record-runs.js';

const shop = { 店铺Id: '100200300', 店铺名称: '围巾小店' };
const status = (ship: string) => (ship ? '卖家已发货，等待买家确认' : '买家已付款，等待卖家发货');
const A = (ship: string) => order('3900000000000000001', { ...shop, 买家会员名: '小兰', 买家应付货款: '190.00', 买家应付邮费: '10.00', 买家实际支付金额: '200.00', 订单创建时间: '2026-10-14 01:40:00', 订单付款时间: '2026-10-14 01:50:00', 订单状态: status(ship), 发货时间: ship });
const C = (ship: string) => order('3900000000000000002', { ...shop, 买家会员名: '小兰', 买家应付货款: '200.00', 买家应付邮费: '0.00', 买家实际支付金额: '200.00', 订单创建时间: '2026-10-14 21:30:00', 订单付款时间: '2026-10-14 21:40:00', 订单状态: status(ship), 发货时间: ship });

describe.each(['UTC', 'America/Los_Angeles'])('a recorded voucher read again provisional, for less (TZ=%s)', (tz) => {
  it('says amount_changed, not already_recorded, and the summary counts it (and the provisional already_recorded row) as recorded before', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = (name: string, rows: ReturnType<typeof order>[]) => {
      const p = path.join(dir, `${name}.csv`);
      fs.writeFileSync(p, taobaoCsv(rows));
      return p;
    };
    const older = f('older', [A('2026-10-17 12:00:00'), C('')]);
    const newer = f('newer', [A('2026-10-17 12:00:00'), C('2026-10-20 22:00:00')]);
    const cols = (rows: Array<Record<string, unknown>>) => rows.map((v) => [v.amount, v.state, v.toIssue, v.recorded, v.issueNow]);
    const r1 = recorderIn(tz, '2026-10-20 23:05:00')(newer, state, '--lang', 'en');
    expect(cols(r1.rows)).toEqual([['29.50', 'final', '29.50', 'new', '29.50']]);
    expect(r1.stderr).toContain('1 voucher totalling 29.50 to issue; 0 rejected rows; 1 newly recorded');
    const r2 = recorderIn(tz, '2026-10-17 13:05:00')(older, state, '--lang', 'en');
    expect(cols(r2.rows)).toEqual([['19.50', 'provisional', '0.00', 'amount_changed', '0.00']]);
    expect(r2.stderr).toContain('0 vouchers totalling 0.00 to issue; 0 rejected rows; 0 newly recorded; 1 recorded before (not counted again)');
    expect(r2.code).toBe(0);
    const r3 = recorderIn(tz, '2026-10-20 21:05:00')(older, state, '--lang', 'en');
    expect(cols(r3.rows)).toEqual([['29.50', 'provisional', '0.00', 'already_recorded', '0.00']]);
    expect(r3.stderr).toContain('0 vouchers totalling 0.00 to issue; 0 rejected rows; 0 newly recorded; 1 recorded before (not counted again)');
    expect(r3.code).toBe(0);
    const shrunk = f('shrunk', [A('2026-10-17 12:00:00'), C('2026-10-17 13:00:00')]);
    const r4 = recorderIn(tz, '2026-10-20 23:10:00')(shrunk, state, '--lang', 'en');
    expect(cols(r4.rows)).toEqual([['19.50', 'final', '0.00', 'amount_changed', '0.00']]);
    expect(r4.stderr).toContain('1 recorded before (not counted again)');
    expect(ledgerTotal(state, tz)).toBe('29.50');
  });
});
