// An order late and unshipped at an hourly `compensate --record` run (a provisional voucher, never
// recorded), then refunded and closed (交易关闭) without ever shipping, in exports with no close time:
// RULES 1.1 says a closed, never-shipped order whose close time is unknown cannot be judged
// (closed_unshipped). But the ledger saw it open and unshipped past its deadline at that run's as-of:
// it closed after that, so after its deadline — an observation, not a guess. Before, nobody paid it.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, MIGRATIONS } from '../../src/state/schema.js';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv, write } from '../orders/build.js';

type Row = Record<string, unknown>;

// Paid 2026-11-10 09:00:00 (Beijing), 190.00 goods + 10.00 postage: tmall-2026 (paid after 2026-04-09),
// base paid-minus-postage = 190.00, window 48 h (no listing word) -> deadline 2026-11-12 09:00:00.
const paid = (id: string, buyer: string, over: Record<string, string>) =>
  order(id, { 买家会员名: buyer, 订单付款时间: '2026-11-10 09:00:00', 订单创建时间: '2026-11-10 08:58:00', 店铺Id: '100200300', 店铺名称: '暖冬织物旗舰店', ...over });
const open = (id: string, buyer: string) => paid(id, buyer, { 订单状态: '买家已付款，等待卖家发货' });
const closed = (id: string, buyer: string) => paid(id, buyer, { 订单状态: '交易关闭', 订单关闭原因: '买家申请退款' });

const A = '4100000000000000801';
const B = '4100000000000000802';
// An order of another buyer paid at `at` (on time: due 48 h later): the export holding it was made at
// `at` or later. A sighting is the export's own time as far as it shows it — the latest pay or ship
// time in the file, at most the run's --as-of (docs/rules.md §1.1, closed-seen-export-time.test.ts):
// these exports are made at their run's as-of, so each holds such an order paid then.
const madeAt = (id: string, at: string) => order(id, { 买家会员名: '小绿', 订单付款时间: at, 订单创建时间: at, 店铺Id: '100200300', 店铺名称: '暖冬织物旗舰店' });
const C1 = '4100000000000000811';
const C2 = '4100000000000000812';

const run = (tz: string, file: string, state: string | undefined, asOf: string, ...more: string[]) => {
  const r = runCli(['compensate', file, ...(state ? ['--state', state] : []), '--as-of', asOf, '-f', 'json', '--lang', 'en', ...more], { tz });
  return { ...r, rows: r.stdout ? (JSON.parse(r.stdout) as Row[]) : [] };
};
const brief = (rows: Row[]) => rows.map((v) => [(v.orderIds as string[]).join(','), v.amount, v.state, v.recorded, v.issueNow]);

describe.each(['UTC', 'America/Los_Angeles'])('a closed, never-shipped order the ledger saw open past its deadline (TZ=%s)', (tz) => {
  it('is judged late from the sighting, final, paid once: 9.50 (24 h) and 19.00 (out of stock, 96 h)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    // Hour 1 (as of 11-13 09:00:00): A unshipped, 24 h past its deadline: tier 5 (late, window 48 h
    // <= 48, <= 72 h late): 5 % x 190.00 = 9.50, provisional (RULES 1.1: it may grow into out of stock).
    const f1 = write(dir, 'h1.csv', taobaoCsv([open(A, '小兰'), madeAt(C1, '2026-11-13 09:00:00')]));
    const r1 = run(tz, f1, state, '2026-11-13 09:00:00', '--record');
    expect(r1.code).toBe(0);
    expect(brief(r1.rows)).toEqual([[A, '9.50', 'provisional', '', '0.00']]);
    // B, another buyer, is first seen at 11-16 10:00:00: 97 h past its deadline (> 72 h): tier 2
    // (out of stock, window <= 48 h): 10 % x 190.00 = 19.00, provisional. A is closed by then.
    const f2 = write(dir, 'h2.csv', taobaoCsv([closed(A, '小兰'), open(B, '小红'), madeAt(C2, '2026-11-16 10:00:00')]));
    const r2 = run(tz, f2, state, '2026-11-16 10:00:00', '--record');
    expect(r2.code).toBe(0);
    // A: closed, never shipped, no close time; the ledger saw it open at 11-13 09:00:00, 24 h after its
    // deadline, so it closed after that: late by at least 24 h: tier 5, 5 % x 190.00 = 9.50, final
    // (closed: it can no longer grow), recorded now. Before: closed_unshipped, 0.00, never paid.
    expect(brief(r2.rows)).toEqual([
      [A, '9.50', 'final', 'new', '9.50'],
      [B, '19.00', 'provisional', '', '0.00'],
    ]);
    expect(r2.stderr).toContain('rules tmall-2026 (base paid-minus-postage): 3 orders read, 3 paid, 2 late, 0 not judged, 0 excluded; 1 voucher totalling 9.50 to issue');
    expect(r2.stderr).toContain(`judged late from the state database's sighting, not counted as closed_unshipped: ${A} (${f2}:2) seen open and unshipped at 2026-11-13 09:00:00, 24 h after its deadline 2026-11-12 09:00:00`);
    // Hour 3 (as of 11-17 10:00:00): both closed. B seen at 11-16 10:00:00, 97 h late: tier 2, 10 % x
    // 190.00 = 19.00 (the lower bound earns out of stock), final and recorded; A already recorded, 0.00 to issue.
    const f3 = write(dir, 'h3.csv', taobaoCsv([closed(A, '小兰'), closed(B, '小红')]));
    const r3 = run(tz, f3, state, '2026-11-17 10:00:00', '--record');
    expect(r3.code).toBe(0);
    expect(brief(r3.rows)).toEqual([
      [A, '9.50', 'final', 'already_recorded', '0.00'],
      [B, '19.00', 'final', 'new', '19.00'],
    ]);
    // --by order (no --record): the working, ship source seen_open, hours late the lower bound.
    const byOrder = run(tz, f3, state, '2026-11-17 10:00:00', '--by', 'order');
    expect(byOrder.rows.map((r) => [r.orderId, r.shipSource, r.hoursLate, r.kind, r.afterMinimum])).toEqual([
      [A, 'seen_open', 24, 'late', '9.50'],
      [B, 'seen_open', 97, 'out_of_stock', '19.00'],
    ]);
    // Hour 4: the same export again pays nothing twice: 9.50 + 19.00 = 28.50 recorded in all.
    const r4 = run(tz, f3, state, '2026-11-17 11:00:00', '--record');
    expect(brief(r4.rows)).toEqual([
      [A, '9.50', 'final', 'already_recorded', '0.00'],
      [B, '19.00', 'final', 'already_recorded', '0.00'],
    ]);
    expect(r4.stderr).toContain('0 vouchers totalling 0.00 to issue');
    const list = runCli(['ledger', 'list', '--state', state, '--lang', 'en'], { tz });
    expect(list.stderr).toContain('total 28.50');
    // The sightings are one row per order, updated, not one per run: A seen once, B once (hour 2).
    const db = new Database(state, { readonly: true });
    expect(db.prepare('SELECT order_id, seen_at FROM sightings ORDER BY order_id').all()).toEqual([
      { order_id: A, seen_at: Date.UTC(2026, 10, 13, 1) },
      { order_id: B, seen_at: Date.UTC(2026, 10, 16, 2) },
    ]);
    db.close();
  });

  it('without --record the ledger sighting is read too; without a ledger nothing changes', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    // Seen at 11-12 21:00:00 and again 11-13 09:00:00: the latest sighting (24 h) stands: 9.50.
    const f0 = write(dir, 'h0.csv', taobaoCsv([open(A, '小兰'), madeAt(C1, '2026-11-12 21:00:00')]));
    const f1 = write(dir, 'h1.csv', taobaoCsv([open(A, '小兰'), madeAt(C2, '2026-11-13 09:00:00')]));
    expect(run(tz, f0, state, '2026-11-12 21:00:00', '--record').code).toBe(0);
    expect(run(tz, f1, state, '2026-11-13 09:00:00', '--record').code).toBe(0);
    const f2 = write(dir, 'h2.csv', taobaoCsv([closed(A, '小兰')]));
    const r = run(tz, f2, state, '2026-11-14 09:00:00');
    expect(brief(r.rows)).toEqual([[A, '9.50', 'final', '', '9.50']]);
    // No ledger: closed_unshipped as before, nothing owed (RULES 1.1: never guessed).
    const none = run(tz, f2, path.join(dir, 'none.db'), '2026-11-14 09:00:00');
    expect(none.rows).toEqual([]);
    expect(none.stderr).toContain('1 not judged (closed_unshipped=1)');
  });

  it('an order seen only before its deadline stays closed_unshipped', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    // As of 11-12 09:00:00, exactly at its deadline: not late (pending), nothing seen past the deadline.
    const f1 = write(dir, 'h1.csv', taobaoCsv([open(A, '小兰')]));
    const r1 = run(tz, f1, state, '2026-11-12 09:00:00', '--record');
    expect(r1.code).toBe(0);
    expect(r1.rows).toEqual([]);
    const f2 = write(dir, 'h2.csv', taobaoCsv([closed(A, '小兰')]));
    const r2 = run(tz, f2, state, '2026-11-14 09:00:00', '--record');
    expect(r2.rows).toEqual([]);
    expect(r2.stderr).toContain('1 not judged (closed_unshipped=1)');
    expect(r2.stderr).toContain(`not judged: ${A} (${f2}:2)`);
  });
});

describe('the sightings table (schema 12; 13 adds line_id: closed-seen-lines.test.ts)', () => {
  it('a schema 11 ledger gains it in place with --record, and is only read (left at 11) without', () => {
    const dir = tmpDir();
    const v11 = path.join(dir, 'v11.db');
    const raw = new Database(v11);
    raw.pragma('journal_mode = WAL');
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of MIGRATIONS.filter((m) => m.to <= 11)) m.up(raw);
    raw.pragma('user_version = 11');
    raw.close();
    const f1 = write(dir, 'h1.csv', taobaoCsv([open(A, '小兰'), madeAt(C1, '2026-11-13 09:00:00')]));
    const f2 = write(dir, 'h2.csv', taobaoCsv([closed(A, '小兰')]));
    // Without --record a schema 11 ledger is read as it is: no sightings, closed_unshipped, left at 11.
    const ro = run('UTC', f2, v11, '2026-11-14 09:00:00');
    expect(ro.code).toBe(0);
    expect(ro.stderr).toContain('1 not judged (closed_unshipped=1)');
    const check = new Database(v11, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(11);
    check.close();
    expect(run('UTC', f1, v11, '2026-11-13 09:00:00', '--record').code).toBe(0);
    const after = new Database(v11, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(16);
    expect(after.prepare('SELECT order_id, platform, shop, deadline, seen_at FROM sightings').all()).toEqual([
      { order_id: A, platform: 'taobao', shop: '100200300', deadline: Date.UTC(2026, 10, 12, 1), seen_at: Date.UTC(2026, 10, 13, 1) },
    ]);
    after.close();
    expect(brief(run('UTC', f2, v11, '2026-11-14 09:00:00', '--record').rows)).toEqual([[A, '9.50', 'final', 'new', '9.50']]);
  });
});
