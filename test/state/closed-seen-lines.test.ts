// rev28: sightings (docs/rules.md §1.1) were kept per order (schema 12), but tmall-2026 prices an order
// whose item report (宝贝报表) is given line by line (RULES 1.3: 5 % of the sub-order's amount, clamped
// 5–50; out of stock 10 %, 5–500; a closed line that never shipped is left out, "nothing says when it
// was closed"). A sighting of the order cannot say which lines were open: main priced a line already
// closed then from it (25.00 where 10.00 is proven), and since the guard in run.ts (an order of an item
// report seen only while every line is open) it paid 0.00 there (10.00 short), and left out a line seen
// open then closed beside a line that shipped (10.00 short). From schema 13 each line of an order judged
// line by line is seen on its own (sightings.line_id, its 子订单编号), and a closed line never shipped is
// priced from its own sighting (5 % of the line's amount, the line's minimum and maximum).
// Worked by hand (tmall-2026, paid 2026-11-01 10:00:00, window 48 h -> deadline 11-03 10:00:00):
//   Run 1 (--record, as of 11-04 10:00:00, the file's latest payment 11-04 10:00:00): L1 300.00 already
//   交易关闭 (refunded, never shipped), L2 200.00 open and unshipped, 24 h late: L2 is seen at
//   11-04 10:00:00. L1 was closed already: not seen (left out, as in closed-line.test.ts).
//   Run 2 (as of 11-06 10:00:00): both lines 交易关闭, never shipped. L2 was seen open 24 h after the
//   deadline: late by at least 24 h, tier 5 %: 5 % x 200.00 = 10.00 (min 5.00, max 50.00), final.
//   L1 is left out: 10.00 in all. Before: 0.00 (closed_unshipped; 25.00 before the guard).
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, MIGRATIONS } from '../../src/state/schema.js';
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
const L3 = '3710000000000000013';
const brief = (stdout: string) => (JSON.parse(stdout) as Array<Record<string, unknown>>).map((v) => [(v.orderIds as string[]).join(','), v.amount, v.state, v.recorded, v.issueNow]);
const sightings = (state: string) => {
  const db = new Database(state, { readonly: true });
  try {
    return db.prepare('SELECT order_id, line_id, deadline, seen_at FROM sightings ORDER BY order_id, line_id').all();
  } finally {
    db.close();
  }
};
// Beijing 2026-11-<d> <h>:00:00 as epoch ms.
const bj = (d: number, h: number) => Date.UTC(2026, 10, d, h - 8);

describe.each(['UTC', 'America/Los_Angeles'])('tmall-2026 item report: a sighting of an order whose other line was already closed (TZ=%s)', (tz) => {
  it('pays the line seen open (10.00), not the whole order (25.00)', () => {
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
  // Voucher 15.00 + 10.00 = 25.00, final. Before: 15.00 (L2 left out as closed never shipped: 10.00 short).
  it('a line seen open, closed never shipped beside a line shipped late: 25.00, not 15.00', () => {
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

  // Both lines open at the sighting (24 h after the deadline), both closed never shipped later: each
  // line's sighting proves it open then: 5 % x 300.00 + 5 % x 200.00 = 15.00 + 10.00 = 25.00, final
  // (main: the order's sighting, 5 % x 500.00 = 25.00: the same here).
  it('every line seen open, all closed later: each line priced from its own sighting, 25.00', () => {
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

  // Three lines, paid 11-01 10:00:00, deadline 11-03 10:00:00 (tmall-2026, 48 h, no listing word):
  //   L1 100.00 already 交易关闭 (refunded, never shipped) at run 1: not seen, left out later.
  //   L2  60.00 open at run 1 (seen 11-04 10:00:00, the file's latest payment, 24 h late), 交易关闭 never
  //       shipped by run 2: late by at least 24 h: 5 % x 60.00 = 3.00, the line's minimum: 5.00.
  //   L3 400.00 open at run 1 (seen too), 发货时间 11-07 11:00:00 by run 2: 97 h late, unshipped 72 h after
  //       becoming late: out of stock, window 48 h: 10 % x 400.00 = 40.00 (min 5.00, max 500.00).
  // Voucher of A: 5.00 + 40.00 = 45.00, final (no line can still change). Before: 40.00 (no sighting
  // kept in run 1, L1 being closed; L2 left out as closed never shipped). Run 2 with --record keeps L2's
  // sighting and deletes L3's (L3 shows a 发货时间); run 3, an hour later on the same export, pays nothing again.
  it('three lines: one closed before the sighting, one seen open then closed, one shipped late: 45.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const items = (name: string, lines: string[]) => write(dir, name, [HEAD, ...lines, ''].join('\n'));
    const f1 = items('h1.csv', [line(A, L1, '100.00', CLOSED, undefined, '100.00'), line(A, L2, '60.00', OPEN), line(A, L3, '400.00', OPEN), line(M, M1, '100.00', OPEN, '2026-11-04 10:00:00')]);
    const r1 = runCli(['compensate', f1, '--state', state, '--record', '--as-of', '2026-11-04 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
    expect(r1.code).toBe(0);
    // Provisional then: L2 5 % x 60.00 = 3.00 -> 5.00, L3 5 % x 400.00 = 20.00: 25.00.
    expect(brief(r1.stdout)).toEqual([[A, '25.00', 'provisional', '', '0.00']]);
    expect(sightings(state)).toEqual([
      { order_id: A, line_id: L2, deadline: bj(3, 10), seen_at: bj(4, 10) },
      { order_id: A, line_id: L3, deadline: bj(3, 10), seen_at: bj(4, 10) },
    ]);
    const f2 = items('h2.csv', [line(A, L1, '100.00', CLOSED, undefined, '100.00'), line(A, L2, '60.00', CLOSED, undefined, '60.00'), line(A, L3, '400.00', '卖家已发货，等待买家确认', undefined, '0', '2026-11-07 11:00:00')]);
    const r2 = runCli(['compensate', f2, '--state', state, '--record', '--as-of', '2026-11-08 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
    expect(r2.code).toBe(0);
    expect(brief(r2.stdout)).toEqual([[A, '45.00', 'final', 'new', '45.00']]);
    expect(r2.stderr).toContain(`judged late from the state database's sighting, not counted as closed_unshipped: ${A} line ${L2} (${f2}:3) seen open and unshipped at 2026-11-04 10:00:00, 24 h after its deadline 2026-11-03 10:00:00`);
    expect(sightings(state)).toEqual([{ order_id: A, line_id: L2, deadline: bj(3, 10), seen_at: bj(4, 10) }]);
    const byOrder = runCli(['compensate', f2, '--state', state, '--as-of', '2026-11-08 10:00:00', '--by', 'order', '-f', 'json', '--lang', 'en'], { tz });
    expect((JSON.parse(byOrder.stdout) as Array<Record<string, unknown>>).map((r) => [r.lineId, r.shipSource, r.hoursLate, r.kind, r.afterMinimum])).toEqual([
      [L2, 'seen_open', 24, 'late', '5.00'],
      [L3, 'marked_shipped', 97, 'out_of_stock', '40.00'],
    ]);
    const r3 = runCli(['compensate', f2, '--state', state, '--record', '--as-of', '2026-11-08 11:00:00', '-f', 'json', '--lang', 'en'], { tz });
    expect(brief(r3.stdout)).toEqual([[A, '45.00', 'final', 'already_recorded', '0.00']]);
    expect(runCli(['ledger', 'list', '--state', state, '--lang', 'en'], { tz }).stderr).toContain('total 45.00');
  });
});

// Schema 13 (sightings.line_id). A schema 12 ledger holds one row per order: kept as the order's
// (line_id ''), read as before. Its order A (L1 300.00, L2 200.00, both seen open under the v12 guard,
// deadline 11-03 10:00:00, seen 11-04 10:00:00), both lines closed never shipped: judged as one from
// the order's sighting, 24 h late: 5 % x 500.00 = 25.00 (what schema 12 paid; no line rows to go by).
describe('the sightings table, schema 13', () => {
  it('a schema 12 ledger is read as it is without --record, and gains line_id in place with it, its rows kept', () => {
    const dir = tmpDir();
    const v12 = path.join(dir, 'v12.db');
    const raw = new Database(v12);
    raw.pragma('journal_mode = WAL');
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of MIGRATIONS.filter((m) => m.to <= 12)) m.up(raw);
    raw.pragma('user_version = 12');
    raw.prepare('INSERT INTO sightings (order_id, platform, shop, deadline, seen_at) VALUES (?, ?, ?, ?, ?)').run(A, 'taobao', null, bj(3, 10), bj(4, 10));
    raw.close();
    const items = (name: string, lines: string[]) => write(dir, name, [HEAD, ...lines, ''].join('\n'));
    const f2 = items('h2.csv', [line(A, L1, '300.00', CLOSED, undefined, '300.00'), line(A, L2, '200.00', CLOSED, undefined, '200.00')]);
    const ro = runCli(['compensate', f2, '--state', v12, '--as-of', '2026-11-06 10:00:00', '-f', 'json', '--lang', 'en'], { tz: 'UTC' });
    expect(ro.code).toBe(0);
    expect(brief(ro.stdout)).toEqual([[A, '25.00', 'final', '', '25.00']]);
    const check = new Database(v12, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(12);
    check.close();
    const rec = runCli(['compensate', f2, '--state', v12, '--record', '--as-of', '2026-11-06 10:00:00', '-f', 'json', '--lang', 'en'], { tz: 'UTC' });
    expect(rec.code).toBe(0);
    expect(brief(rec.stdout)).toEqual([[A, '25.00', 'final', 'new', '25.00']]);
    const after = new Database(v12, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(16);
    expect(after.prepare('SELECT order_id, platform, line_id, shop, deadline, seen_at FROM sightings').all()).toEqual([
      { order_id: A, platform: 'taobao', line_id: '', shop: null, deadline: bj(3, 10), seen_at: bj(4, 10) },
    ]);
    after.close();
  });
});
