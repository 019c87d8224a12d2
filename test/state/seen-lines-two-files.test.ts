// rev30: a line's sighting (schema 13) is taken at the time of the file the line was read from. Since
// 61bd573 an order's lines in two item reports (宝贝报表) are folded into one order, named after the
// newer file; the sighting of a line read from the older file took the newer file's time, which shows
// nothing of that line (a 已发货 download does not hold a line still 待发货). docs/rules.md §1.1: a
// sighting is the time of the export as far as the export shows it (its latest pay or ship time, at
// most --as-of); RULES 1.3 (tmall-2026): 5 % of the sub-order's amount, min 5, max 50; a closed line
// never shipped is left out unless a sighting proves it late.
// Worked by hand (tmall-2026, order A paid 2026-11-01 10:00:00, 48 h -> deadline 11-03 10:00:00):
//   wait.csv (older, the 待发货 download): L2 200.00 open, unshipped; its latest time 11-01 10:00:00.
//   ship.csv (newer, 已发货): L1 300.00 shipped 11-04 12:00:00; order M paid 11-05 10:00:00 (latest).
//   Run 1 (--record, as of 11-05 10:00:00): L2 is proven open only at 11-01 10:00:00, before its deadline:
//   no sighting. Run 2 (as of 11-07 10:00:00): L1 shipped 26 h late: 5 % x 300.00 = 15.00; L2 交易关闭,
//   never shipped, no sighting: left out. 15.00. Before: L2 seen at ship.csv's 11-05 10:00:00, 48 h
//   late: + 5 % x 200.00 = 10.00 -> 25.00.
//   Second case: wait.csv also holds L3 100.00 of A shipped 11-04 00:00:00 (its latest time, 14 h past
//   the deadline): L2 is seen at 11-04 00:00:00. Run 2: L1 15.00 + L2 (closed, seen 14 h late) 5 % x
//   200.00 = 10.00 + L3 14 h late 5 % x 100.00 = 5.00 -> 30.00, L2 seen at 11-04 00:00:00.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { write } from '../orders/build.js';

const HEAD =
  '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间,';
const A = '3710000000000000001';
const M = '3710000000000000002';
const L1 = '3710000000000000011';
const L2 = '3710000000000000012';
const L3 = '3710000000000000013';
const M1 = '3710000000000000021';
const OPEN = '买家已付款，等待卖家发货';
const SHIPPED = '卖家已发货，等待买家确认';
const CLOSED = '交易关闭';
const line = (main: string, sub: string, amount: string, status: string, paid: string, shipped = '', refund = '0') =>
  `="${sub}",="${main}",t,${amount},1,,,,,${status},,,${amount},${amount},${refund === '0' ? '' : '退款成功'},${refund},${paid},${paid},,,,,${shipped},,,,,,`;
const PAID = '2026-11-01 10:00:00';
// Beijing 2026-11-<d> <h>:00:00 as epoch ms.
const bj = (d: number, h: number) => Date.UTC(2026, 10, d, h - 8);
const seen = (state: string) => {
  const db = new Database(state, { readonly: true });
  try {
    return db.prepare('SELECT line_id, seen_at FROM sightings ORDER BY line_id').raw().all();
  } finally {
    db.close();
  }
};
const amounts = (stdout: string) => (JSON.parse(stdout) as Array<Record<string, unknown>>).map((v) => [(v.orderIds as string[]).join(','), v.amount, v.state]);

describe.each(['UTC', 'America/Los_Angeles'])('a line of an older item report folded into an order of a newer one (TZ=%s)', (tz) => {
  const run1 = (waitLines: string[]) => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const items = (name: string, lines: string[], mtime: string) => write(dir, name, [HEAD, ...lines, ''].join('\n'), new Date(mtime));
    const wait = items('wait.csv', waitLines, '2026-11-04T03:00:00Z');
    const ship = items('ship.csv', [line(A, L1, '300.00', SHIPPED, PAID, '2026-11-04 12:00:00'), line(M, M1, '100.00', OPEN, '2026-11-05 10:00:00')], '2026-11-05T02:00:00Z');
    const r1 = runCli(['compensate', ship, wait, '--state', state, '--record', '--as-of', '2026-11-05 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
    expect(r1.code).toBe(0);
    return { dir, state, items };
  };

  it('is not seen at the newer file\'s time: 15.00, not 25.00', () => {
    const { state, items } = run1([line(A, L2, '200.00', OPEN, PAID)]);
    expect(seen(state)).toEqual([]);
    const later = items('later.csv', [line(A, L1, '300.00', SHIPPED, PAID, '2026-11-04 12:00:00'), line(A, L2, '200.00', CLOSED, PAID, '', '200.00')], '2026-11-07T02:00:00Z');
    const r2 = runCli(['compensate', later, '--state', state, '--as-of', '2026-11-07 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
    expect(r2.code).toBe(0);
    expect(amounts(r2.stdout)).toEqual([[A, '15.00', 'final']]);
  });

  it('is seen at its own file\'s latest time, shown by a line folded away from it: 30.00', () => {
    const { state, items } = run1([line(A, L2, '200.00', OPEN, PAID), line(A, L3, '100.00', SHIPPED, PAID, '2026-11-04 00:00:00')]);
    expect(seen(state)).toEqual([[L2, bj(4, 0)]]);
    const later = items(
      'later.csv',
      [line(A, L1, '300.00', SHIPPED, PAID, '2026-11-04 12:00:00'), line(A, L2, '200.00', CLOSED, PAID, '', '200.00'), line(A, L3, '100.00', SHIPPED, PAID, '2026-11-04 00:00:00')],
      '2026-11-07T02:00:00Z',
    );
    const r2 = runCli(['compensate', later, '--state', state, '--as-of', '2026-11-07 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
    expect(r2.code).toBe(0);
    expect(amounts(r2.stdout)).toEqual([[A, '30.00', 'final']]);
  });

  // Run 1 reads the 待发货 download alone: A is a one-line order there (L2 200.00 open; M paid
  // 11-04 10:00:00 makes the file's time 11-04 10:00:00, 24 h past A's deadline). Run 2 reads a full
  // download: L1 300.00 and L2 both 交易关闭, never shipped. Only L2 was seen open: 24 h late, 5 % x
  // 200.00 = 10.00; L1, never seen, is left out. 10.00. Before: the order's sighting priced the order
  // whole, 5 % x (300.00 + 200.00) = 25.00, where L1 may have been closed before its deadline.
  it('one line seen as a one-line order, the order\'s other line found later: 10.00, not 25.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const items = (name: string, lines: string[]) => write(dir, name, [HEAD, ...lines, ''].join('\n'));
    const wait = items('wait.csv', [line(A, L2, '200.00', OPEN, PAID), line(M, M1, '100.00', OPEN, '2026-11-04 10:00:00')]);
    const r1 = runCli(['compensate', wait, '--state', state, '--record', '--as-of', '2026-11-04 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
    expect(r1.code).toBe(0);
    expect(seen(state)).toEqual([
      ['', bj(4, 10)],
      [L2, bj(4, 10)],
    ]);
    const full = items('full.csv', [line(A, L1, '300.00', CLOSED, PAID, '', '300.00'), line(A, L2, '200.00', CLOSED, PAID, '', '200.00')]);
    const r2 = runCli(['compensate', full, '--state', state, '--as-of', '2026-11-06 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
    expect(r2.code).toBe(0);
    expect(amounts(r2.stdout)).toEqual([[A, '10.00', 'final']]);
  });
});
