// The one case README's pruning paragraph left silent (rev36): a late order that shipped before any
// --record run saw it past its deadline unshipped (so no sighting), while its voucher was provisional
// (its buyer's day, or 24-hour window, had another order unshipped: nothing recorded), then its only
// export pruned. The run that recorded the rest of the day without it paid it nothing, and no run
// said a word. Schema 14 keeps such orders (`provisional_late`): the run that misses one names it
// (stderr, exit 1; --exclude stops it), until a run reading it finds its voucher final and a recorded
// voucher pays it.
//
// By hand, tmall-2026 (48 h, base = paid − postage, 5 % up to 72 h late when the window is ≤ 48 h,
// min 5.00, max 50.00 an order; Beijing calendar day, cap 500.00; docs/rules.md §1.3, §1.4):
// 小兰 paid A 200.00 (10.00 postage: base 190.00) 10-14 01:50:00, deadline 10-16 01:50:00; C 200.00
// (no postage: base 200.00) 10-14 21:40:00, deadline 10-16 21:40:00. Both on Beijing day 10-14.
// d1 (run 10-17 13:05): A shipped 10-17 12:00:00, 34 h 10 min late: 5 % × 190.00 = 9.50 (its share);
//   C unshipped: {A, C} provisional, 9.50 + 5 % × 200.00 = 19.50, nothing recorded. No run before saw A.
// d2 (run 10-19 21:05, d1 pruned): C shipped 10-19 20:00:00, 70 h 20 min late: 5 % × 200.00 = 10.00;
//   {C} final, 10.00 recorded new. A is in no input: before, not a word, exit 0 (A's 9.50 lost);
//   now named with its deadline, ship time, 9.50 and the run that judged it, exit 1.
// d1 put back beside d2: {A, C} 19.50 final; C was paid by {C} 10.00: a conflict owing 19.50 − 10.00
//   = 9.50 (exit 1). With --reissue all: reissued, 9.50 to issue; A is paid, its row goes, d2 alone
//   names nothing. 10.00 + 9.50 = 19.50 in all, what the day owes.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, MIGRATIONS } from '../../src/state/schema.js';
import { cliAsync, runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';
import { ledgerTotal, recorderIn } from './record-runs.js';

const shop = { 店铺Id: '100200300', 店铺名称: '围巾小店' };
const status = (ship: string) => (ship ? '卖家已发货，等待买家确认' : '买家已付款，等待卖家发货');
const AID = '3900000000000000011';
const CID = '3900000000000000012';
const A = (ship: string) => order(AID, { ...shop, 买家会员名: '小兰', 买家应付货款: '190.00', 买家应付邮费: '10.00', 买家实际支付金额: '200.00', 订单创建时间: '2026-10-14 01:40:00', 订单付款时间: '2026-10-14 01:50:00', 订单状态: status(ship), 发货时间: ship });
const C = (ship: string) => order(CID, { ...shop, 买家会员名: '小兰', 买家应付货款: '200.00', 买家应付邮费: '0.00', 买家实际支付金额: '200.00', 订单创建时间: '2026-10-14 21:30:00', 订单付款时间: '2026-10-14 21:40:00', 订单状态: status(ship), 发货时间: ship });

const NAMED = `1 order an earlier --record run judged shipped late while its voucher was still provisional (another order of the buyer's day, or 24-hour window, unshipped), so nothing of it was recorded, is not among the orders this run read: ${AID} (deadline 2026-10-16 01:50:00, shipped 2026-10-17 12:00:00, 9.50 before the buyer's cap, as judged by the run at 2026-10-17 13:05:00).`;
const MISSING = 'judged shipped late while';

function setup() {
  const dir = tmpDir();
  const f = (name: string, rows: ReturnType<typeof order>[]) => {
    const p = path.join(dir, `${name}.csv`);
    fs.writeFileSync(p, taobaoCsv(rows));
    return p;
  };
  return { dir, d1: f('d1', [A('2026-10-17 12:00:00'), C('')]), d2: f('d2', [C('2026-10-19 20:00:00')]) };
}
const lan = (rows: Array<Record<string, unknown>>) => rows.filter((v) => v.buyer === '小兰').map((v) => [v.amount, v.state, v.recorded, v.toIssue]);
const lateRows = (state: string) => {
  const db = new Database(state, { readonly: true });
  try {
    return db.prepare('SELECT order_id, platform, shop, rules, share FROM provisional_late ORDER BY order_id').all();
  } finally {
    db.close();
  }
};

describe.each(['UTC', 'America/Los_Angeles'])('a late order shipped while its day was provisional, never sighted, then pruned (TZ=%s)', (tz) => {
  it('is named by every run that misses it until a recorded voucher pays it; --exclude stops it', () => {
    const { dir, d1, d2 } = setup();
    const state = path.join(dir, 'state.db');
    const r1 = recorderIn(tz, '2026-10-17 13:05:00')(d1, state, '--lang', 'en');
    expect(lan(r1.rows)).toEqual([['19.50', 'provisional', '', '19.50']]);
    expect(r1.code).toBe(0);
    expect(lateRows(state)).toEqual([{ order_id: AID, platform: 'taobao', shop: '100200300', rules: 'tmall-2026', share: '9.50' }]);
    // d1 pruned: {C} final and recorded; A named (before: exit 0, nothing said).
    const r2 = recorderIn(tz, '2026-10-19 21:05:00')(d2, state, '--lang', 'en');
    expect(lan(r2.rows)).toEqual([['10.00', 'final', 'new', '10.00']]);
    expect(r2.stderr).toContain(NAMED);
    expect(r2.stderr).not.toContain('小兰');
    expect(r2.code).toBe(1);
    // Every later run missing it says it again; zh too.
    const r3 = recorderIn(tz, '2026-10-19 22:05:00')(d2, state, '--lang', 'zh');
    expect(r3.stderr).toContain(`1 个订单此前的 --record 运行判定已延迟发货, 但当时其红包仍待定 (买家当天 (或 24 小时窗口内) 还有订单未发货), 因此没有记录; 它们不在本次读取的订单里: ${AID} (发货时限 2026-10-16 01:50:00, 发货 2026-10-17 12:00:00, 封顶前应赔 9.50 元, 2026-10-17 13:05:00 的运行判定)`);
    expect(r3.code).toBe(1);
    // Settled by hand: --exclude stops the naming (the row stays).
    const excl = path.join(dir, 'exclude.txt');
    fs.writeFileSync(excl, `${AID}\n`);
    const r4 = recorderIn(tz, '2026-10-19 22:35:00')(d2, state, '--lang', 'en', '--exclude', excl);
    expect(r4.stderr).not.toContain(MISSING);
    expect(r4.code).toBe(0);
    // d1 put back: a conflict owing 9.50; A is read, not named, and its row stays (not recorded).
    const r5 = recorderIn(tz, '2026-10-19 23:05:00')(d1, state, '--lang', 'en', d2);
    expect(lan(r5.rows)).toEqual([['19.50', 'final', 'conflict', '9.50']]);
    expect(r5.stderr).not.toContain(MISSING);
    expect(r5.code).toBe(1);
    expect(lateRows(state)).toHaveLength(1);
    expect(recorderIn(tz, '2026-10-19 23:35:00')(d2, state, '--lang', 'en').stderr).toContain(NAMED);
    // Re-issued: 9.50 more, A paid, its row gone; nothing named after.
    const r6 = recorderIn(tz, '2026-10-20 00:05:00')(d1, state, '--lang', 'en', d2, '--reissue', 'all');
    expect(lan(r6.rows)).toEqual([['19.50', 'final', 'reissued', '9.50']]);
    expect(lateRows(state)).toEqual([]);
    expect(ledgerTotal(state, tz)).toBe('19.50');
    const r7 = recorderIn(tz, '2026-10-20 01:05:00')(d2, state, '--lang', 'en');
    expect(r7.stderr).not.toContain(MISSING);
    expect(r7.code).toBe(0);
  });

  it('goes once a run reads it with its day final (recorded), and is never named after', () => {
    const { dir, d1, d2 } = setup();
    const state = path.join(dir, 'state.db');
    expect(recorderIn(tz, '2026-10-17 13:05:00')(d1, state, '--lang', 'en').code).toBe(0);
    // The hourly job still reads d1 (not pruned yet): {A, C} final, 19.50 recorded new.
    const r2 = recorderIn(tz, '2026-10-19 21:05:00')(d1, state, '--lang', 'en', d2);
    expect(lan(r2.rows)).toEqual([['19.50', 'final', 'new', '19.50']]);
    expect(lateRows(state)).toEqual([]);
    const r3 = recorderIn(tz, '2026-10-19 22:05:00')(d2, state, '--lang', 'en');
    expect(r3.stderr).not.toContain(MISSING);
    expect(r3.code).toBe(0);
  });
});

// The day's cap paid by the voucher recorded without it: nothing more owed, so once a run reads it
// again (a conflict paid in full: no exit 1) it is not named after. By hand: C2 5000.00 (no postage)
// paid 10-14 21:40:00, deadline 10-16 21:40:00; d1 (10-17 13:05): A shipped (9.50), C2 unshipped
// 39 h 25 min late: 5 % × 5000.00 = 250.00 → the 50.00 maximum; {A, C2} 59.50 provisional. d2 (10-20
// 21:05): C2 shipped 10-20 20:00:00, 94 h 20 min late: out of stock (> 72 h, window 48 h: tier 2),
// 10 % × 5000.00 = 500.00 (the tier's 500.00 maximum); {C2} 500.00 recorded; A named. d1 with d2:
// {A, C2} 9.50 + 500.00 = 509.50 → the day's 500.00 cap, which {C2} paid: a conflict owing 0.00.
describe.each(['UTC', 'America/Los_Angeles'])('the day paid up to its cap without it (TZ=%s)', (tz) => {
  it('a conflict paid in full: its row goes, not named after', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const C2 = (ship: string) => order(CID, { ...shop, 买家会员名: '小兰', 买家应付货款: '5000.00', 买家应付邮费: '0.00', 买家实际支付金额: '5000.00', 订单创建时间: '2026-10-14 21:30:00', 订单付款时间: '2026-10-14 21:40:00', 订单状态: status(ship), 发货时间: ship });
    const d1 = path.join(dir, 'd1.csv');
    fs.writeFileSync(d1, taobaoCsv([A('2026-10-17 12:00:00'), C2('')]));
    const d2 = path.join(dir, 'd2.csv');
    fs.writeFileSync(d2, taobaoCsv([C2('2026-10-20 20:00:00')]));
    expect(lan(recorderIn(tz, '2026-10-17 13:05:00')(d1, state, '--lang', 'en').rows)).toEqual([['59.50', 'provisional', '', '59.50']]);
    const r2 = recorderIn(tz, '2026-10-20 21:05:00')(d2, state, '--lang', 'en');
    expect(lan(r2.rows)).toEqual([['500.00', 'final', 'new', '500.00']]);
    expect(r2.stderr).toContain(`is not among the orders this run read: ${AID} (deadline 2026-10-16 01:50:00, shipped 2026-10-17 12:00:00, 9.50 before the buyer's cap`);
    expect(r2.code).toBe(1);
    const r3 = recorderIn(tz, '2026-10-20 22:05:00')(d1, state, '--lang', 'en', d2);
    expect(lan(r3.rows)).toEqual([['500.00', 'final', 'conflict', '0.00']]);
    expect(r3.code).toBe(0);
    expect(lateRows(state)).toEqual([]);
    const r4 = recorderIn(tz, '2026-10-20 23:05:00')(d2, state, '--lang', 'en');
    expect(r4.stderr).not.toContain(MISSING);
    expect(r4.code).toBe(0);
  });
});


// Three --record runs at once after d1's (one reading d1 and d2, two reading d2 alone): whichever
// commits first, no order is paid twice (the ledger refuses a second paying claim) and the day ends
// at 19.50 once the conflict, if any, is re-issued: {A, C} 19.50 recorded first (the d2-alone runs'
// {C} 10.00 then a conflict paid in full), or {C} 10.00 first (then {A, C} a conflict owing 9.50).
describe('three parallel --record runs', () => {
  it('pay the day once, 19.50 in all, and leave nothing named', async () => {
    const { dir, d1, d2 } = setup();
    const state = path.join(dir, 'state.db');
    expect(recorderIn('UTC', '2026-10-17 13:05:00')(d1, state, '--lang', 'en').code).toBe(0);
    const args = (files: string[]) => ['compensate', ...files, '--record', '--state', state, '--as-of', '2026-10-19 21:05:00', '-f', 'json', '--lang', 'en', '--no-input'];
    const rs = await Promise.all([cliAsync(args([d1, d2]), dir), cliAsync(args([d2]), dir), cliAsync(args([d2]), dir)]);
    for (const r of rs) expect([0, 1]).toContain(r.code);
    const db = new Database(state, { readonly: true });
    const twice = db.prepare("SELECT order_id FROM voucher_orders WHERE claim = 'paid' GROUP BY order_id, kind HAVING COUNT(*) > 1").all();
    db.close();
    expect(twice).toEqual([]);
    expect(['19.50', '10.00']).toContain(ledgerTotal(state, 'UTC'));
    const r = recorderIn('UTC', '2026-10-19 22:05:00')(d1, state, '--lang', 'en', d2, '--reissue', 'all');
    expect([0, 1]).toContain(r.code);
    expect(ledgerTotal(state, 'UTC')).toBe('19.50');
    expect(lateRows(state)).toEqual([]);
    const after = recorderIn('UTC', '2026-10-19 23:05:00')(d2, state, '--lang', 'en');
    expect(after.stderr).not.toContain(MISSING);
    expect(after.code).toBe(0);
  }, 60_000);
});

// tmall-2023 (paid before 2026-04-09; 48 h; 30 % of paid − postage, min 5.00 an order; a buyer's orders
// paid within 24 h of the window's first combined, cap 500.00): 小梅 paid E 100.00 03-01 10:00:00
// (deadline 03-03 10:00:00) and F 50.00 03-01 20:00:00 (deadline 03-03 20:00:00; 10 h after E: one window).
// d1 (run 03-04 11:05): E shipped 03-04 10:00:00, 24 h late: 30 % × 100.00 = 30.00; F unshipped:
//   {E, F} provisional, 30.00 + 30 % × 50.00 = 45.00. d2 (run 03-05 21:05, d1 pruned): F shipped
//   03-05 20:00:00 (48 h late: 15.00), {F} final 15.00 recorded; E named with its 30.00, exit 1.
describe('tmall-2023: the same within a 24-hour window', () => {
  it.each(['UTC', 'America/Los_Angeles'])('names the order missing from the window (TZ=%s)', (tz) => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const E = (ship: string) => order('3900000000000000021', { ...shop, 买家会员名: '小梅', 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00', 订单创建时间: '2026-03-01 09:50:00', 订单付款时间: '2026-03-01 10:00:00', 订单状态: status(ship), 发货时间: ship });
    const F = (ship: string) => order('3900000000000000022', { ...shop, 买家会员名: '小梅', 买家应付货款: '50.00', 买家应付邮费: '0.00', 买家实际支付金额: '50.00', 订单创建时间: '2026-03-01 19:50:00', 订单付款时间: '2026-03-01 20:00:00', 订单状态: status(ship), 发货时间: ship });
    const d1 = path.join(dir, 'd1.csv');
    fs.writeFileSync(d1, taobaoCsv([E('2026-03-04 10:00:00'), F('')]));
    const d2 = path.join(dir, 'd2.csv');
    fs.writeFileSync(d2, taobaoCsv([F('2026-03-05 20:00:00')]));
    const mei = (rows: Array<Record<string, unknown>>) => rows.filter((v) => v.buyer === '小梅').map((v) => [v.amount, v.state, v.recorded]);
    const r1 = recorderIn(tz, '2026-03-04 11:05:00')(d1, state, '--lang', 'en');
    expect(mei(r1.rows)).toEqual([['45.00', 'provisional', '']]);
    const r2 = recorderIn(tz, '2026-03-05 21:05:00')(d2, state, '--lang', 'en');
    expect(mei(r2.rows)).toEqual([['15.00', 'final', 'new']]);
    expect(r2.stderr).toContain('is not among the orders this run read: 3900000000000000021 (deadline 2026-03-03 10:00:00, shipped 2026-03-04 10:00:00, 30.00 before the buyer\'s cap, as judged by the run at 2026-03-04 11:05:00).');
    expect(r2.code).toBe(1);
  });
});

// Schema 14: a state file of the previous version (13) opens as it is without --record (read-only,
// not migrated), and a --record run gains provisional_late in place, its vouchers kept, and works.
describe('the provisional_late table, schema 14', () => {
  it('a schema 13 ledger is read as it is, then migrated in place by --record, which keeps what it held', () => {
    const { dir, d1, d2 } = setup();
    // What the v13 file's storeops recorded: 小林's voucher. 2026-10-10 10:00 + 48 h = 10-12 10:00,
    // shipped 10-13 10:00: 24 h late, 5 % × 100.00 = 5.00. Recorded by this storeops into a scratch
    // file, its rows copied into a file made by the migrations up to 13 (the vouchers tables are alike).
    const other = path.join(dir, 'other.csv');
    fs.writeFileSync(other, taobaoCsv([order('3900000000000000031', { ...shop, 买家会员名: '小林', 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00', 订单创建时间: '2026-10-10 09:50:00', 订单付款时间: '2026-10-10 10:00:00', 订单状态: status('x'), 发货时间: '2026-10-13 10:00:00' })]));
    const scratch = path.join(dir, 'scratch.db');
    expect(recorderIn('UTC', '2026-10-13 11:00:00')(other, scratch, '--lang', 'en').rows.map((v) => [v.buyer, v.amount, v.recorded])).toEqual([['小林', '5.00', 'new']]);
    const src = new Database(scratch, { readonly: true });
    const vouchers = src.prepare('SELECT * FROM vouchers').all() as Record<string, unknown>[];
    const claims = src.prepare('SELECT * FROM voucher_orders').all() as Record<string, unknown>[];
    src.close();
    const v13 = path.join(dir, 'v13.db');
    const raw = new Database(v13);
    raw.pragma('journal_mode = WAL');
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of MIGRATIONS.filter((m) => m.to <= 13)) m.up(raw);
    raw.pragma('user_version = 13');
    const insertAll = (table: string, rows: Record<string, unknown>[]) => {
      for (const r of rows) raw.prepare(`INSERT INTO ${table} (${Object.keys(r).join(', ')}) VALUES (${Object.keys(r).map((k) => '@' + k).join(', ')})`).run(r);
    };
    insertAll('vouchers', vouchers);
    insertAll('voucher_orders', claims);
    raw.close();
    // Without --record: read as it is, not migrated.
    const ro = runCli(['compensate', d1, '--state', v13, '--as-of', '2026-10-17 13:05:00', '-f', 'json', '--lang', 'en'], { tz: 'UTC' });
    expect(ro.code).toBe(0);
    const check = new Database(v13, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(13);
    check.close();
    expect(ledgerTotal(v13, 'UTC')).toBe('5.00');
    // The hourly job on the new storeops: migrated, the row kept, the pruned order named.
    expect(recorderIn('UTC', '2026-10-17 13:05:00')(d1, v13, '--lang', 'en').code).toBe(0);
    const after = new Database(v13, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(16);
    after.close();
    expect(lateRows(v13)).toEqual([{ order_id: AID, platform: 'taobao', shop: '100200300', rules: 'tmall-2026', share: '9.50' }]);
    const r2 = recorderIn('UTC', '2026-10-19 21:05:00')(d2, v13, '--lang', 'en');
    expect(r2.stderr).toContain(NAMED);
    expect(r2.code).toBe(1);
    expect(recorderIn('UTC', '2026-10-19 22:05:00')(other, v13, '--lang', 'en').rows.map((v) => [v.buyer, v.recorded, v.toIssue])).toEqual([['小林', 'already_recorded', '0.00']]);
    expect(ledgerTotal(v13, 'UTC')).toBe('15.00'); // 5.00 + {C} 10.00

  });
});
