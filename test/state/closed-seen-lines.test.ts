// rev28: sightings (docs/rules.md §1.1, schema 12) are kept per order, but tmall-2026 prices an order
// whose item report (宝贝报表) is given line by line (RULES 1.3: 5 % of the sub-order's amount; a closed
// line that never shipped is left out, "nothing says when it was closed"). When every line ends closed
// and never shipped, the order is judged as one (closed_unshipped) and the order's sighting prices it
// on the whole order's amount — including a line that was already closed when the sighting was made,
// which the sighting says nothing about.
// Worked by hand (tmall-2026, paid 2026-11-01 10:00:00, window 48 h -> deadline 11-03 10:00:00):
//   Run 1 (--record, as of 11-04 10:00:00, the file's latest payment 11-04 10:00:00): L1 300.00 already
//   交易关闭 (refunded, never shipped), L2 200.00 open and unshipped, 24 h late: the sighting of A is
//   11-04 10:00:00. It proves L2 open then; L1 was closed already (left out, as in closed-line.test.ts).
//   Run 2 (as of 11-06 10:00:00): both lines 交易关闭, never shipped. L2 was seen open 24 h after the
//   deadline: late by at least 24 h, tier 5 %: 5 % x 200.00 = 10.00 (min 5.00, max 50.00), final.
//   L1 is left out: 10.00 in all. Main pays 5 % x 500.00 = 25.00 (the order priced as one).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { write } from '../orders/build.js';

const HEAD =
  '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间,';
const A = '3710000000000000001';
const L1 = '3710000000000000011';
const L2 = '3710000000000000012';
const M = '3710000000000000002';
const M1 = '3710000000000000021';
const line = (main: string, sub: string, amount: string, status: string, paid = '2026-11-01 10:00:00', refund = '0', shipped = '') =>
  `="${sub}",="${main}",t,${amount},1,,,,,${status},,,${amount},${amount},${refund === '0' ? '' : '退款成功'},${refund},${paid},${paid},,,,,${shipped},,,,,,`;
const OPEN = '买家已付款，等待卖家发货';
const CLOSED = '交易关闭';

describe.each(['UTC', 'America/Los_Angeles'])('tmall-2026 item report: a sighting of an order whose other line was already closed (TZ=%s)', (tz) => {
  it.fails('pays the line seen open (10.00), not the whole order (25.00)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const items = (name: string, lines: string[]) => write(dir, name, [HEAD, ...lines, ''].join('\n'));
    // The file was made at 11-04 10:00:00 or later: M paid then (on time, due 11-06 10:00:00).
    const f1 = items('h1.csv', [line(A, L1, '300.00', CLOSED, undefined, '300.00'), line(A, L2, '200.00', OPEN), line(M, M1, '100.00', OPEN, '2026-11-04 10:00:00')]);
    const r1 = runCli(['compensate', f1, '--state', state, '--record', '--as-of', '2026-11-04 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
    expect(r1.code).toBe(0);
    const f2 = items('h2.csv', [line(A, L1, '300.00', CLOSED, undefined, '300.00'), line(A, L2, '200.00', CLOSED, undefined, '200.00')]);
    const r2 = runCli(['compensate', f2, '--state', state, '--as-of', '2026-11-06 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
    expect(r2.code).toBe(0);
    expect((JSON.parse(r2.stdout) as Array<Record<string, unknown>>).map((v) => [(v.orderIds as string[]).join(','), v.amount, v.state])).toEqual([[A, '10.00', 'final']]);
  });

  // Seen with both lines open (run 1 at 11-04 10:00:00, 24 h late), then L1 (300.00) shipped 11-05
  // 10:00:00 (48 h late: 5 % x 300.00 = 15.00) and L2 (200.00) refunded, 交易关闭, never shipped. The
  // sighting proves L2 open 24 h after the deadline: late by at least 24 h, 5 % x 200.00 = 10.00.
  // Voucher 15.00 + 10.00 = 25.00, final. Main: 15.00 (L2 left out as closed never shipped: 10.00 short).
  it.fails('a line seen open, closed never shipped beside a line shipped late: 25.00, not 15.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const items = (name: string, lines: string[]) => write(dir, name, [HEAD, ...lines, ''].join('\n'));
    const f1 = items('h1.csv', [line(A, L1, '300.00', OPEN), line(A, L2, '200.00', OPEN), line(M, M1, '100.00', OPEN, '2026-11-04 10:00:00')]);
    const r1 = runCli(['compensate', f1, '--state', state, '--record', '--as-of', '2026-11-04 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
    expect(r1.code).toBe(0);
    const f2 = items('h2.csv', [line(A, L1, '300.00', '卖家已发货，等待买家确认', undefined, '0', '2026-11-05 10:00:00'), line(A, L2, '200.00', CLOSED, undefined, '200.00')]);
    const r2 = runCli(['compensate', f2, '--state', state, '--as-of', '2026-11-06 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
    expect(r2.code).toBe(0);
    expect((JSON.parse(r2.stdout) as Array<Record<string, unknown>>).map((v) => [(v.orderIds as string[]).join(','), v.amount, v.state])).toEqual([[A, '25.00', 'final']]);
  });

  // What the ledger does now (docs/rules.md §1.1): an order of an item report is seen only when every
  // line is open and unshipped. Run 1 above: L1 already closed, so no sighting of A is kept; run 2: both
  // lines closed, never shipped, no close time: closed_unshipped, not judged, nothing paid (0.00: the
  // 10.00 L2 earns is not proven line by line, so it is not paid; never the 25.00 the whole order earns).
  it('a sighting is not kept while a line is already closed: nothing paid, closed_unshipped', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const items = (name: string, lines: string[]) => write(dir, name, [HEAD, ...lines, ''].join('\n'));
    const f1 = items('h1.csv', [line(A, L1, '300.00', CLOSED, undefined, '300.00'), line(A, L2, '200.00', OPEN), line(M, M1, '100.00', OPEN, '2026-11-04 10:00:00')]);
    expect(runCli(['compensate', f1, '--state', state, '--record', '--as-of', '2026-11-04 10:00:00', '-f', 'json', '--lang', 'en'], { tz }).code).toBe(0);
    const f2 = items('h2.csv', [line(A, L1, '300.00', CLOSED, undefined, '300.00'), line(A, L2, '200.00', CLOSED, undefined, '200.00')]);
    const r2 = runCli(['compensate', f2, '--state', state, '--as-of', '2026-11-06 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
    expect(r2.code).toBe(0);
    expect(JSON.parse(r2.stdout)).toEqual([]);
    expect(r2.stderr).toContain(`(closed_unshipped); not judged: ${A}`);
  });

  // Both lines open at the sighting (24 h after the deadline), both closed never shipped later: the
  // sighting proves the whole order open then: 5 % x (300.00 + 200.00) = 25.00 (max 50.00), final.
  it('a sighting with every line open prices the whole order once all lines close: 25.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const items = (name: string, lines: string[]) => write(dir, name, [HEAD, ...lines, ''].join('\n'));
    const f1 = items('h1.csv', [line(A, L1, '300.00', OPEN), line(A, L2, '200.00', OPEN), line(M, M1, '100.00', OPEN, '2026-11-04 10:00:00')]);
    expect(runCli(['compensate', f1, '--state', state, '--record', '--as-of', '2026-11-04 10:00:00', '-f', 'json', '--lang', 'en'], { tz }).code).toBe(0);
    const f2 = items('h2.csv', [line(A, L1, '300.00', CLOSED, undefined, '300.00'), line(A, L2, '200.00', CLOSED, undefined, '200.00')]);
    const r2 = runCli(['compensate', f2, '--state', state, '--as-of', '2026-11-06 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
    expect(r2.code).toBe(0);
    expect((JSON.parse(r2.stdout) as Array<Record<string, unknown>>).map((v) => [(v.orderIds as string[]).join(','), v.amount, v.state])).toEqual([[A, '25.00', 'final']]);
  });
});
// it.fails (rev28, 2026-12-05): main paid 25.00 (15.00 over); since the guard in run.ts (a sighting is kept
// only while every line is open and unshipped) it pays 0.00 (the two `it`s above): never over, 10.00 short. The sightings table keeps one row per
// order (order_id, platform), not per line, so it cannot say which lines were open; a fix needs line
// sightings (or a sighting to price only the lines live when it was made), a schema change, left to
// the lead. The same gap the other way: L1 shipped late and L2 closed never shipped after a sighting of
// both open: L2 is left out (subOrderViews) and the order's sighting deleted (it shows a 发货时间).
