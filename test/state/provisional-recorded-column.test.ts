// A provisional voucher already recorded showed an empty `recorded` column: an hourly
// `compensate --record` job that reads an older export again after the one that made the voucher
// final (and recorded it) finds the very voucher (same key: buyer, Beijing day, shop, rule set)
// provisional again, its orders paid by the recorded voucher, toIssue 0.00 — and the column said
// nothing, as of a voucher never recorded. docs/cli.md: "a voucher recorded before is marked
// already_recorded, its toIssue is 0.00 and it is not counted again". Now it says already_recorded;
// no amount, exit code or record changes.
//
// By hand (`tmall-2026`, 48 h, base = paid − postage, late ≤ 72 h: 5 %; still unshipped > 72 h after
// the deadline: out of stock, 10 %; Beijing day, cap 500.00):
// 小兰 paid A 200.00 (10.00 postage: base 190.00) 10-14 01:50:00, deadline 10-16 01:50:00; C 200.00
// (no postage) 10-14 21:40:00, deadline 10-16 21:40:00. Both paid 10-14 (Beijing): one voucher.
// new (run 10-19 21:05): A shipped 10-17 12:00:00 (34 h 10 min late: 5 % × 190.00 = 9.50), C shipped
//   10-19 20:00:00 (70 h 20 min late: 5 % × 200.00 = 10.00): {A, C} 19.50 final, recorded new.
// old (A shipped 10-17 12:00:00, C unshipped), read again:
//   as of 10-17 13:05: C late 15 h 25 min so far, 5 % = 10.00: {A, C} 19.50 provisional; the recorded
//     voucher paid 19.50 of it: toIssue 0.00, issueNow 0.00, recorded already_recorded (before: '').
//   as of 10-19 22:05: C 72 h 25 min late and unshipped: out of stock, 10 % × 200.00 = 20.00: {A, C}
//     29.50 provisional, toIssue 29.50 − 19.50 = 10.00 owed so far beyond what was recorded, issueNow
//     0.00; not the voucher as recorded: the column stays empty (docs/cli.md says what that means).
// The ledger keeps the one voucher, 19.50, throughout; every run exits 0.
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

describe.each(['UTC', 'America/Los_Angeles'])('a recorded voucher read again provisional from an older export (TZ=%s)', (tz) => {
  it('is marked already_recorded when the recorded voucher paid all of it; no amount changes', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = (name: string, rows: ReturnType<typeof order>[]) => {
      const p = path.join(dir, `${name}.csv`);
      fs.writeFileSync(p, taobaoCsv(rows));
      return p;
    };
    const older = f('older', [A('2026-10-17 12:00:00'), C('')]);
    const newer = f('newer', [A('2026-10-17 12:00:00'), C('2026-10-19 20:00:00')]);
    const cols = (rows: Array<Record<string, unknown>>) => rows.map((v) => [v.amount, v.state, v.toIssue, v.recorded, v.issueNow]);
    const r1 = recorderIn(tz, '2026-10-19 21:05:00')(newer, state, '--lang', 'en');
    expect(cols(r1.rows)).toEqual([['19.50', 'final', '19.50', 'new', '19.50']]);
    expect(r1.code).toBe(0);
    const r2 = recorderIn(tz, '2026-10-17 13:05:00')(older, state, '--lang', 'en');
    expect(cols(r2.rows)).toEqual([['19.50', 'provisional', '0.00', 'already_recorded', '0.00']]);
    expect(r2.code).toBe(0);
    const r3 = recorderIn(tz, '2026-10-19 22:05:00')(older, state, '--lang', 'en');
    expect(cols(r3.rows)).toEqual([['29.50', 'provisional', '10.00', '', '0.00']]);
    expect(r3.code).toBe(0);
    expect(ledgerTotal(state, tz)).toBe('19.50');
  });
});
