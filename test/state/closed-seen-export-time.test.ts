// A --record run's sighting of an order open and unshipped past its deadline (schema 12, docs/rules.md
// §1.1) is what the export showed, and the export shows the order as it stood when it was made, not at
// the run's --as-of: an hourly cron's as-of is "now", the export it reads may be hours old. What an
// export proves about its own time: every 订单付款时间 and 发货时间 in it had happened when it was made,
// so it was made no earlier than the latest of them (over every row of the file, on-time orders too).
// The sighting is min(--as-of, that); none is kept when it is not after the deadline.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv, write } from '../orders/build.js';

type Row = Record<string, unknown>;

// A: paid 2026-11-10 09:00:00 (Beijing), 190.00 goods + 10.00 postage: tmall-2026 (paid after
// 2026-04-09), base paid-minus-postage = 190.00, window 48 h (no listing word) -> deadline
// 2026-11-12 09:00:00. Tiers (window <= 48 h): late by <= 72 h: late, 5 % x 190.00 = 9.50; by more
// than 72 h: out of stock, 10 % x 190.00 = 19.00.
const base = { 店铺Id: '100200300', 店铺名称: '暖冬织物旗舰店' };
const A = '4100000000000000901';
const B = '4100000000000000902';
const openA = order(A, { ...base, 买家会员名: '小兰', 订单付款时间: '2026-11-10 09:00:00', 订单创建时间: '2026-11-10 08:58:00' });
const closedA = order(A, { ...base, 买家会员名: '小兰', 订单付款时间: '2026-11-10 09:00:00', 订单创建时间: '2026-11-10 08:58:00', 订单状态: '交易关闭', 订单关闭原因: '买家申请退款' });
// B, another buyer, paid at `paid` (its deadline 48 h later: never late in these runs), shipped at `shipped` if given.
const otherB = (paid: string, shipped?: string) =>
  order(B, { ...base, 买家会员名: '小红', 订单付款时间: paid, 订单创建时间: paid, ...(shipped ? { 订单状态: '卖家已发货，等待买家确认', 发货时间: shipped } : {}) });

const run = (tz: string, file: string, state: string, asOf: string, more: string[] = [], input?: string) => {
  const r = runCli(['compensate', file, '--state', state, '--as-of', asOf, '-f', 'json', '--lang', 'en', ...more], { tz, input });
  return { ...r, rows: r.stdout ? (JSON.parse(r.stdout) as Row[]) : [] };
};
const brief = (rows: Row[]) => rows.map((v) => [(v.orderIds as string[]).join(','), v.amount, v.state, v.recorded, v.issueNow]);
const sightings = (state: string) => {
  const db = new Database(state, { readonly: true });
  try {
    return db.prepare('SELECT order_id, seen_at FROM sightings ORDER BY order_id').all();
  } finally {
    db.close();
  }
};
const bj = (d: number, h: number, m = 0) => Date.UTC(2026, 10, d, h - 8, m);

describe.each(['UTC', 'America/Los_Angeles'])('the sighting is the export\'s own time as far as it shows it (TZ=%s)', (tz) => {
  for (const stdin of [false, true]) {
    it(`an export made before the deadline, read by a run after it, proves nothing: 0.00, closed_unshipped${stdin ? ' (standard input)' : ''}`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      // The export downloaded 11-12 08:00: A open; the latest pay time in it is B's, 11-12 07:59:00.
      // The buyer cancels A at 08:45, before its 09:00 deadline: not late (RULES 1.1), nothing owed.
      // The hourly run at 11-12 10:00 reads that export: A judged late by 1 h (provisional, 9.50).
      // Before: the ledger kept 10:00 as a sighting of A open; the next export showing A closed with no
      // close time judged it late from it: 1 h <= 72 h, 5 % x 190.00 = 9.50, final, recorded, paid.
      // Now: the sighting is min(10:00, 07:59:00) = 07:59:00, not after the 09:00 deadline: none kept.
      const text1 = taobaoCsv([openA, otherB('2026-11-12 07:59:00')]);
      const f1 = stdin ? '-' : write(dir, 'h1.csv', text1);
      const r1 = run(tz, f1, state, '2026-11-12 10:00:00', ['--record'], stdin ? text1 : undefined);
      expect(r1.code).toBe(0);
      expect(brief(r1.rows)).toEqual([[A, '9.50', 'provisional', '', '0.00']]);
      const text2 = taobaoCsv([closedA, otherB('2026-11-12 07:59:00')]);
      const f2 = stdin ? '-' : write(dir, 'h2.csv', text2);
      const r2 = run(tz, f2, state, '2026-11-12 11:00:00', ['--record'], stdin ? text2 : undefined);
      expect(r2.code).toBe(0);
      expect(r2.rows).toEqual([]);
      expect(r2.stderr).toContain('1 not judged (closed_unshipped=1)');
      expect(r2.stderr).toContain('0 vouchers totalling 0.00 to issue');
      const list = runCli(['ledger', 'list', '--state', state, '--lang', 'en'], { tz });
      expect(list.stderr).not.toContain('total 9.50');
      expect(sightings(state)).toEqual([]);
    });
  }

  it('an export whose latest pay time is after the deadline proves that much: 71 h late, 9.50 (not 75 h, 19.00)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    // The export holds B paid 11-15 08:00:00: it was made then or later. The run at 11-15 12:00 (75 h
    // after A's deadline) read it showing A open: A was open at 11-15 08:00:00 at least, 71 h after
    // its deadline. A then closes without shipping (no close time): late by at least 71 h: <= 72 h,
    // late, 5 % x 190.00 = 9.50, final. Before: seen at 12:00, 75 h > 72 h: out of stock, 19.00.
    const f1 = write(dir, 'h1.csv', taobaoCsv([openA, otherB('2026-11-15 08:00:00')]));
    const r1 = run(tz, f1, state, '2026-11-15 12:00:00', ['--record']);
    expect(r1.code).toBe(0);
    // As of 12:00 A is 75 h late and unshipped: out of stock, 19.00, provisional (that is the as-of's view).
    expect(brief(r1.rows)).toEqual([[A, '19.00', 'provisional', '', '0.00']]);
    const f2 = write(dir, 'h2.csv', taobaoCsv([closedA, otherB('2026-11-15 08:00:00')]));
    const r2 = run(tz, f2, state, '2026-11-16 10:00:00', ['--record']);
    expect(r2.code).toBe(0);
    expect(brief(r2.rows)).toEqual([[A, '9.50', 'final', 'new', '9.50']]);
    expect(r2.stderr).toContain(`${A} (${f2}:2) seen open and unshipped at 2026-11-15 08:00:00, 71 h after its deadline 2026-11-12 09:00:00`);
    const byOrder = run(tz, f2, state, '2026-11-16 10:00:00', ['--by', 'order']);
    expect(byOrder.rows.map((r) => [r.orderId, r.shipSource, r.hoursLate, r.kind, r.afterMinimum])).toEqual([[A, 'seen_open', 71, 'late', '9.50']]);
    expect(sightings(state)).toEqual([{ order_id: A, seen_at: bj(15, 8) }]);
  });

  it('per file: a newer file given beside it proves nothing of the older file\'s time (0.00)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    // old.csv (downloaded 11-12 08:00, its latest payment B's 07:59:00) shows A open; new.csv, made
    // later, holds only C paid 11-13 09:00:00. The run at 11-13 10:00 reads both. A's own file was
    // made no earlier than 07:59:00 as far as it shows: min(10:00, 07:59:00) is not after A's 09:00
    // deadline, no sighting. (The latest payment over both files, 11-13 09:00, is new.csv's time, not
    // old.csv's: used, it would sight A at 09:00 on 11-13, 24 h late, and pay 9.50 once A shows closed.)
    const C = '4100000000000000904';
    const older = write(dir, 'old.csv', taobaoCsv([openA, otherB('2026-11-12 07:59:00')]), new Date(Date.UTC(2026, 10, 12, 0)));
    const newer = write(dir, 'new.csv', taobaoCsv([order(C, { ...base, 买家会员名: '小绿', 订单付款时间: '2026-11-13 09:00:00', 订单创建时间: '2026-11-13 09:00:00' })]), new Date(Date.UTC(2026, 10, 13, 1, 30)));
    const r1 = runCli(['compensate', older, newer, '--record', '--state', state, '--as-of', '2026-11-13 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
    expect(r1.code).toBe(0);
    const r2 = run(tz, write(dir, 'h2.csv', taobaoCsv([closedA, otherB('2026-11-12 07:59:00')])), state, '2026-11-13 11:00:00', ['--record']);
    expect(r2.rows).toEqual([]);
    expect(r2.stderr).toContain('1 not judged (closed_unshipped=1)');
    expect(sightings(state)).toEqual([]);
  });

  it('a 发货时间 in the export is a past event too: the latest of pay and ship times bounds it (73 h, 19.00)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    // B paid 11-14 08:00:00, shipped 11-15 10:00:00 (on time: its deadline 11-16 08:00:00). The export
    // was made no earlier than 11-15 10:00:00, when B shipped; the run's as-of is 11-15 12:00:00.
    // Sighting min(12:00, 10:00) = 11-15 10:00:00: A late by at least 73 h > 72 h: out of stock,
    // 10 % x 190.00 = 19.00, final. (The pay times alone prove 11-14 08:00:00, 47 h: 9.50.) Before:
    // seen at 12:00, 75 h: also 19.00, but hours late 75 and the sighting 12:00.
    const f1 = write(dir, 'h1.csv', taobaoCsv([openA, otherB('2026-11-14 08:00:00', '2026-11-15 10:00:00')]));
    expect(run(tz, f1, state, '2026-11-15 12:00:00', ['--record']).code).toBe(0);
    const f2 = write(dir, 'h2.csv', taobaoCsv([closedA, otherB('2026-11-14 08:00:00', '2026-11-15 10:00:00')]));
    const byOrder = run(tz, f2, state, '2026-11-16 10:00:00', ['--by', 'order']);
    expect(byOrder.rows.map((r) => [r.orderId, r.shipSource, r.hoursLate, r.kind, r.afterMinimum])).toEqual([[A, 'seen_open', 73, 'out_of_stock', '19.00']]);
    expect(sightings(state)).toEqual([{ order_id: A, seen_at: bj(15, 10) }]);
  });

  it('a sighting of an order that has since shipped is dropped by the next --record run; the others stay', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    // D: another buyer, paid 11-10 10:00:00, deadline 11-12 10:00:00. The export holds B paid 11-13
    // 09:00:00: made then or later; the run at 11-13 09:00:00 sees A (24 h late) and D (23 h) open:
    // both sighted at min(09:00, 09:00) = 11-13 09:00:00.
    const D = '4100000000000000903';
    const openD = order(D, { ...base, 买家会员名: '小紫', 订单付款时间: '2026-11-10 10:00:00', 订单创建时间: '2026-11-10 09:58:00' });
    const f1 = write(dir, 'h1.csv', taobaoCsv([openA, openD, otherB('2026-11-13 09:00:00')]));
    expect(run(tz, f1, state, '2026-11-13 09:00:00', ['--record']).code).toBe(0);
    expect(sightings(state)).toEqual([
      { order_id: A, seen_at: bj(13, 9) },
      { order_id: D, seen_at: bj(13, 9) },
    ]);
    // Next export: A shipped 11-13 12:00:00 (27 h late: 5 % x 190.00 = 9.50, final, recorded); it is
    // judged by that ship time from now on, its sighting never read again: gone. D still open: sighted
    // again at this export's time as far as it shows it, A's 发货时间 11-13 12:00:00 (< as-of 11-14 09:00).
    const shippedA = order(A, { ...base, 买家会员名: '小兰', 订单付款时间: '2026-11-10 09:00:00', 订单创建时间: '2026-11-10 08:58:00', 订单状态: '卖家已发货，等待买家确认', 发货时间: '2026-11-13 12:00:00' });
    const r2 = run(tz, write(dir, 'h2.csv', taobaoCsv([shippedA, openD, otherB('2026-11-13 09:00:00')])), state, '2026-11-14 09:00:00', ['--record']);
    expect(r2.code).toBe(0);
    expect(brief(r2.rows.filter((v) => (v.orderIds as string[]).includes(A)))).toEqual([[A, '9.50', 'final', 'new', '9.50']]);
    expect(sightings(state)).toEqual([{ order_id: D, seen_at: bj(13, 12) }]);
  });
});
