// README "Running from cron", "Keep the downloads until their orders' vouchers are final": the state
// database records final vouchers only, so a late order whose buyer's day is still provisional when
// the downloads a run reads stop holding it is not judged (docs/rules.md §1.7: the exports are the
// record of what is owed) and what it was owed is not paid. This pins the README's example. Since
// schema 14 the ledger remembers such an order (provisional_late) when a --record run read it shipped
// late while its day was provisional: the second case names A and exits 1 (it exited 0, not a word;
// test/state/pruned-late-provisional has the rest).
//
// By hand (`tmall-2026`, 48 h window, base = paid − postage, 5 % up to 72 h late, min 5.00, Beijing
// day, cap 500.00): 小兰 paid A 200.00 (10.00 postage: base 190.00) at 10-14 01:50:00, deadline
// 10-16 01:50:00, shipped 10-17 12:00:00, 34 h 10 min late: 5 % × 190.00 = 9.50; C 200.00 (no
// postage) at 10-14 21:40:00, deadline 10-16 21:40:00, shipped 10-19 20:00:00, 70 h 20 min late:
// 5 % × 200.00 = 10.00. The 10-17 13:00 download shows A shipped, C not: {A, C} provisional (C may
// still turn out of stock), nothing recorded. The 10-19 21:00 download holds the orders created in the
// last 5 days (from 10-14 21:00): C, not A (created 01:40). Read with the 10-17 file: {A, C} 19.50;
// read alone: {C} 10.00, and A's 9.50 is not paid (named: exit 1).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';
import { recorderIn } from './record-runs.js';

const shopCells = { 店铺Id: '100200300', 店铺名称: '围巾小店', 买家会员名: '小兰' };
const status = (ship: string) => (ship ? '卖家已发货，等待买家确认' : '买家已付款，等待卖家发货');
const A = (ship: string) => order('3900000000000000001', { ...shopCells, 买家应付货款: '190.00', 买家应付邮费: '10.00', 买家实际支付金额: '200.00', 订单创建时间: '2026-10-14 01:40:00', 订单付款时间: '2026-10-14 01:50:00', 订单状态: status(ship), 发货时间: ship });
const C = (ship: string) => order('3900000000000000002', { ...shopCells, 买家应付货款: '200.00', 买家应付邮费: '0.00', 买家实际支付金额: '200.00', 订单创建时间: '2026-10-14 21:30:00', 订单付款时间: '2026-10-14 21:40:00', 订单状态: status(ship), 发货时间: ship });

describe.each(['UTC', 'America/Los_Angeles'])('a late order the downloads read stop holding before its day is final (TZ=%s)', (tz) => {
  for (const [name, keepOld, paid] of [['the older download kept', true, ['19.50']], ['only the newest download', false, ['10.00']]] as const) {
    it(name, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const d1 = path.join(dir, 'ExportOrderList202610171300.csv');
      const d2 = path.join(dir, 'ExportOrderList202610192100.csv');
      fs.writeFileSync(d1, taobaoCsv([A('2026-10-17 12:00:00'), C('')]));
      fs.writeFileSync(d2, taobaoCsv([C('2026-10-19 20:00:00')]));
      const r1 = recorderIn(tz, '2026-10-17 13:05:00')(d1, state);
      expect(r1.rows.map((v) => [v.amount, v.state, v.recorded])).toEqual([['19.50', 'provisional', '']]);
      const r2 = recorderIn(tz, '2026-10-19 21:05:00')(keepOld ? `${d1}` : d2, state, ...(keepOld ? [d2] : []));
      expect(r2.code).toBe(keepOld ? 0 : 1);
      expect(r2.stderr.includes('is not among the orders this run read: 3900000000000000001')).toBe(!keepOld);
      expect(r2.rows.filter((v) => v.recorded === 'new').map((v) => v.toIssue)).toEqual(paid);
    });
  }
});
