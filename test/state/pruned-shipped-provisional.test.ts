// rev35 (review of 3e51a15 and the README's "Keep the downloads until their orders' vouchers are
// final"): a sighted order that an export then shows shipped lost its sighting at once, even when its
// voucher stayed provisional (another order of its buyer's day still unshipped). Nothing of it was
// recorded, so once the exports holding it were pruned no run named it and its share was never paid.
// The sighting now stays until its voucher is final; the run that misses it names it (exit 1).
//
// By hand (`tmall-2026`, 48 h, base = paid − postage, 5 % up to 72 h late, Beijing day, cap 500.00):
// 小兰 paid A 200.00 (10.00 postage: base 190.00) 10-14 01:50:00, deadline 10-16 01:50:00; C 200.00
// 10-14 21:40:00, deadline 10-16 21:40:00. B (another buyer, 小林) paid 10-16 11:30:00: the time d0
// shows it was made by (its latest pay or ship time).
// d0 (run 10-16 12:05): A unshipped and late (seen 10-16 11:30:00, after its deadline): sighted.
// d1 (run 10-17 13:05): A shipped 10-17 12:00:00 (34 h 10 min late: 5 % × 190.00 = 9.50), C unshipped
//   (late since 10-16 21:40): {A, C} provisional, nothing recorded. Before: A's sighting deleted here.
// d2 (run 10-18 13:05, d0 and d1 pruned): C alone, still unshipped. A is in no input: named with its
//   deadline and sighting, exit 1 (before: not a word, exit 0).
// d3 (run 10-19 21:05): A shipped as in d1, C shipped 10-19 20:00:00 (70 h 20 min late: 5 % × 200.00
//   = 10.00): {A, C} final, 19.50 recorded; A's sighting goes. d2 again after it: nothing named.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';
import { recorderIn } from './record-runs.js';

const shop = { 店铺Id: '100200300', 店铺名称: '围巾小店' };
const status = (ship: string) => (ship ? '卖家已发货，等待买家确认' : '买家已付款，等待卖家发货');
const A = (ship: string) => order('3900000000000000001', { ...shop, 买家会员名: '小兰', 买家应付货款: '190.00', 买家应付邮费: '10.00', 买家实际支付金额: '200.00', 订单创建时间: '2026-10-14 01:40:00', 订单付款时间: '2026-10-14 01:50:00', 订单状态: status(ship), 发货时间: ship });
const C = (ship: string) => order('3900000000000000002', { ...shop, 买家会员名: '小兰', 买家应付货款: '200.00', 买家应付邮费: '0.00', 买家实际支付金额: '200.00', 订单创建时间: '2026-10-14 21:30:00', 订单付款时间: '2026-10-14 21:40:00', 订单状态: status(ship), 发货时间: ship });
const B = () => order('3900000000000000003', { ...shop, 买家会员名: '小林', 买家应付货款: '50.00', 买家应付邮费: '0.00', 买家实际支付金额: '50.00', 订单创建时间: '2026-10-16 11:20:00', 订单付款时间: '2026-10-16 11:30:00', 订单状态: status(''), 发货时间: '' });

describe.each(['UTC', 'America/Los_Angeles'])('a sighted order shipped while its day is provisional, then pruned (TZ=%s)', (tz) => {
  it('is named by the run that misses it until its voucher is final', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = (name: string, rows: ReturnType<typeof order>[]) => {
      const p = path.join(dir, `${name}.csv`);
      fs.writeFileSync(p, taobaoCsv(rows));
      return p;
    };
    const d0 = f('d0', [A(''), C(''), B()]);
    const d1 = f('d1', [A('2026-10-17 12:00:00'), C('')]);
    const d2 = f('d2', [C('')]);
    const d3 = f('d3', [A('2026-10-17 12:00:00'), C('2026-10-19 20:00:00')]);
    const lan = (rows: Array<Record<string, unknown>>) => rows.filter((v) => v.buyer === '小兰').map((v) => [v.amount, v.state, v.recorded]);
    expect(recorderIn(tz, '2026-10-16 12:05:00')(d0, state, '--lang', 'en').code).toBe(0);
    const r1 = recorderIn(tz, '2026-10-17 13:05:00')(d1, state, '--lang', 'en');
    expect(lan(r1.rows)).toEqual([['19.50', 'provisional', '']]);
    const r2 = recorderIn(tz, '2026-10-18 13:05:00')(d2, state, '--lang', 'en');
    expect(r2.stderr).toContain('1 order an earlier --record run saw late and still unshipped is not among the orders this run read: 3900000000000000001 (deadline 2026-10-16 01:50:00, last seen unshipped 2026-10-16 11:30:00).');
    // It has shipped: the advice is to keep it read until its voucher is final, not 'until it ships'.
    expect(r2.stderr).toContain('until its voucher is final (shipped or closed, as are the buyer\'s other orders of that day)');
    expect(r2.code).toBe(1);
    const r3 = recorderIn(tz, '2026-10-19 21:05:00')(d3, state, '--lang', 'en');
    expect(lan(r3.rows)).toEqual([['19.50', 'final', 'new']]);
    const r4 = recorderIn(tz, '2026-10-19 22:05:00')(d2, state, '--lang', 'en');
    expect(r4.stderr).not.toContain('not among the orders this run read');
  });
});
