// A cap share a voucher counted of another voucher's money, given back when the true export puts
// it in a day of its own, unless the orders that money paid were paid again since. A voucher that
// took those orders over and issued money of its own only for *other* orders did not pay them
// again (docs/cli.md, --record). Every amount below is worked out by hand from docs/rules.md §1.3
// (tmall-2026: shipped more than 72 h after the 48 h deadline is out of stock, window ≤ 48 h:
// 10 % of the amount paid, min 5.00, max 500.00; one buyer's Beijing day combined, capped at 500.00).
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../src/state/schema.js';
import { runCli, tmpDir } from '../helpers.js';
import { type Row, files, recorder, shipped } from './record-runs.js';

const AS_OF = '2026-07-01 00:00:00';
const run = recorder(AS_OF);
const all = recorder(AS_OF, '--reissue', 'all');
const total = (state: string) => /total ([\d.]+)/.exec(runCli(['ledger', 'list', '--state', state]).stderr)?.[1];
const told = (rows: Row[]) => rows.filter((v) => ['new', 'reissued', 'topped_up'].includes(String(v.recorded))).reduce((s, v) => s + Math.round(Number(v.toIssue) * 100), 0) / 100;
const seen = (rows: Row[]) => rows.map((v) => [v.orderIds, v.amount, v.toIssue, v.recorded]);

describe('a voucher that took another\'s order over and issued money only for its own new order (tmall-2026)', () => {
  // Buyer B, no postage, every order shipped 7 days or more after its 48 h deadline (out of stock, 10 %):
  //   a 1000.00 paid 06-01 10:00, shipped 06-10 10:00 (168 h late)           → 100.00
  //   b 3000.00 paid 06-01 11:00, shipped 06-10 11:00 (168 h late)           → 300.00
  //   c 1000.00 paid 05-31 20:00, shipped 06-10 20:00 (192 h late)           → 100.00
  //   x 3000.00 paid 06-02 10:00, shipped 06-11 10:00 (168 h late)           → 300.00
  // Owed: 05-31 {c} 100.00 + 06-01 {a,b} 400.00 + 06-02 {x} 300.00 = 800.00.
  // Two exports carry a wrong paid time on 06-01 (the amounts stay: still out of stock, 10 %):
  //   c paid 06-01 09:00 (179 h late → 100.00), x paid 06-01 20:00 (206 h late → 300.00).
  const a = shipped('6100000000000000001', 'B', '1000.00', '2026-06-01 10:00:00', '2026-06-10 10:00:00');
  const b = shipped('6100000000000000002', 'B', '3000.00', '2026-06-01 11:00:00', '2026-06-10 11:00:00');
  const c = shipped('6100000000000000003', 'B', '1000.00', '2026-05-31 20:00:00', '2026-06-10 20:00:00');
  const x = shipped('6100000000000000004', 'B', '3000.00', '2026-06-02 10:00:00', '2026-06-11 10:00:00');
  const cWrong = shipped('6100000000000000003', 'B', '1000.00', '2026-06-01 09:00:00', '2026-06-10 20:00:00');
  const xWrong = shipped('6100000000000000004', 'B', '3000.00', '2026-06-01 20:00:00', '2026-06-11 10:00:00');
  const ids = (...o: typeof a[]) => o.map((r) => r['订单编号']);

  it('{x} is given back both shares it counted (300.00), not only {b,c}\'s: 800.00 paid, not 700.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { r1: [a, b], r2: [b, cWrong], r3: [xWrong], full: [a, b, c, x] });
    // Run 1: 06-01 {a,b} = 100 + 300 = 400.00, issued.
    const r1 = run(f.r1!, state);
    expect(seen(r1.rows)).toEqual([[ids(a, b), '400.00', '400.00', 'new']]);
    // Run 2 (--reissue b): 06-01 {b,c} = 300 + 100 = 400.00. {a,b} paid b's 300.00 of it: issue
    // 100.00 (c's). The day holds {a,b}'s 100.00 left and {b,c}'s 400.00: 500.00, within the cap.
    const r2 = recorder(AS_OF, '--reissue', ids(b)[0] as string)(f.r2!, state);
    expect(seen(r2.rows)).toEqual([[ids(c, b), '400.00', '100.00', 'reissued']]);
    // Run 3: 06-01 {x} = 300.00, but the day already holds 500.00: the cap leaves nothing to issue
    // (it counts 100.00 of {a,b}'s money and 200.00 of {b,c}'s as paid toward it).
    const r3 = run(f.r3!, state);
    expect(seen(r3.rows)).toEqual([[ids(x), '300.00', '0.00', 'new']]);
    // Run 4, the true export (--reissue all):
    // - 05-31 {c} 100.00: {b,c} issued 100.00 of its own for c: nothing to issue.
    // - 06-01 {a,b} 400.00: recorded at 400.00; its money paid a (100.00) and, through {b,c}, b.
    // - 06-02 {x} 300.00: a day of its own; the 300.00 its cap counted as {a,b}'s and {b,c}'s money
    //   paid their orders, not x: all 300.00 is owed (a top-up of 0.00 giving both shares back).
    //   {b,c} took b over, but with {a,b}'s money: its own 100.00 paid c, not b or a again.
    //   Before, {a,b}'s 100.00 share was taken to be paid again by {b,c}: x was given 200.00.
    const r4 = all(f.full!, state);
    expect(seen(r4.rows)).toEqual([
      [ids(c), '100.00', '0.00', 'reissued'],
      [ids(a, b), '400.00', '0.00', 'already_recorded'],
      [ids(x), '300.00', '300.00', 'topped_up'],
    ]);
    expect(total(state)).toBe('800.00');
    expect(told(r1.rows) + told(r2.rows) + told(r3.rows) + told(r4.rows)).toBe(800);
  });
  it('a ledger of schema 7 is brought to 8 in place; what it recorded without shares still errs short (700.00), never twice', () => {
    // Runs 1-3 as above, then their rows copied into a file with the schema of storeops before v8
    // (no `shares`): nothing there says {b,c}'s 100.00 paid c rather than b again, so the true
    // run gives {x} back only {b,c}'s 200.00 share, as before (docs/cli.md says so).
    const dir = tmpDir();
    const fresh = path.join(dir, 'fresh.db');
    const f = files(dir, { r1: [a, b], r2: [b, cWrong], r3: [xWrong], full: [a, b, c, x] });
    run(f.r1!, fresh);
    recorder(AS_OF, '--reissue', ids(b)[0] as string)(f.r2!, fresh);
    run(f.r3!, fresh);
    const src = new Database(fresh, { readonly: true });
    const vouchers = src.prepare('SELECT voucher_key, buyer, rules, order_ids, amount, window_start, recorded_at, kind, reissue_of, covered FROM vouchers ORDER BY rowid').all() as Record<string, unknown>[];
    const claims = src.prepare('SELECT voucher_key, order_id, kind, claim FROM voucher_orders ORDER BY rowid').all() as Record<string, unknown>[];
    src.close();
    expect(vouchers.map((v) => [v.amount, v.covered === null ? null : Object.values(JSON.parse(String(v.covered)) as Record<string, string>).sort()])).toEqual([
      ['400.00', null],
      ['400.00', ['300.00']],
      ['300.00', ['100.00', '200.00']],
    ]);
    const state = path.join(dir, 'v7.db');
    const raw = new Database(state);
    raw.pragma('journal_mode = WAL');
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of MIGRATIONS.filter((m) => m.to <= 7)) m.up(raw);
    raw.pragma('user_version = 7');
    const ins = raw.prepare('INSERT INTO vouchers (voucher_key, buyer, rules, order_ids, amount, window_start, recorded_at, kind, reissue_of, covered) VALUES (@voucher_key, @buyer, @rules, @order_ids, @amount, @window_start, @recorded_at, @kind, @reissue_of, @covered)');
    for (const v of vouchers) ins.run(v);
    const claim = raw.prepare('INSERT INTO voucher_orders (voucher_key, order_id, kind, claim) VALUES (@voucher_key, @order_id, @kind, @claim)');
    for (const c of claims) claim.run(c);
    raw.close();
    expect(total(state)).toBe('500.00');

    const r4 = all(f.full!, state);
    expect(seen(r4.rows)).toEqual([
      [ids(c), '100.00', '0.00', 'reissued'],
      [ids(a, b), '400.00', '0.00', 'already_recorded'],
      [ids(x), '300.00', '200.00', 'topped_up'],
    ]);
    expect(total(state)).toBe('700.00');
    const check = new Database(state, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(16); // 12: the sightings table (closed-seen.test.ts); 13: its line_id (closed-seen-lines.test.ts); 14: provisional_late (pruned-late-provisional.test.ts); 15: contacts.conversation (reviews/one-conversation.test.ts); 16: cap_share_orders (reissue-9217-step2.test.ts)
    // The rows of schema 7 keep no shares (never guessed); those recorded since have them.
    expect(check.prepare('SELECT amount, shares FROM vouchers ORDER BY rowid').all()).toEqual([
      { amount: '400.00', shares: null },
      { amount: '400.00', shares: null },
      { amount: '300.00', shares: null },
      { amount: '100.00', shares: JSON.stringify({ [ids(c)[0] as string]: '100.00' }) },
      { amount: '0.00', shares: JSON.stringify({ [ids(x)[0] as string]: '300.00' }) },
    ]);
    check.close();
  });
});

describe('a voucher that paid a taken-over order again with part of its money (tmall-2026)', () => {
  // As above (10 %), but a is 500.00 → 50.00:
  //   a 500.00 paid 06-01 10:00 → 50.00; b 300.00, c 100.00 (05-31), x 300.00 (06-02) as above.
  // Owed: 05-31 {c} 100.00 + 06-01 {a,b} 350.00 + 06-02 {x} 300.00 = 750.00.
  const a = shipped('6200000000000000001', 'B', '500.00', '2026-06-01 10:00:00', '2026-06-10 10:00:00');
  const b = shipped('6200000000000000002', 'B', '3000.00', '2026-06-01 11:00:00', '2026-06-10 11:00:00');
  const c = shipped('6200000000000000003', 'B', '1000.00', '2026-05-31 20:00:00', '2026-06-10 20:00:00');
  const x = shipped('6200000000000000004', 'B', '3000.00', '2026-06-02 10:00:00', '2026-06-11 10:00:00');
  const cWrong = shipped('6200000000000000003', 'B', '1000.00', '2026-06-01 09:00:00', '2026-06-10 20:00:00');
  const xWrong = shipped('6200000000000000004', 'B', '3000.00', '2026-06-01 20:00:00', '2026-06-11 10:00:00');
  const ids = (...o: typeof a[]) => o.map((r) => r['订单编号']);

  it('{x} is given back the 50.00 of its share {b,c} did not pay again: 750.00 paid, not 700.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { r1: [a, b], r2: [xWrong], r3: [b, cWrong, x], full: [a, b, c, x] });
    // Run 1: 06-01 {a,b} = 50 + 300 = 350.00.
    expect(seen(run(f.r1!, state).rows)).toEqual([[ids(a, b), '350.00', '350.00', 'new']]);
    // Run 2: 06-01 {x} 300.00; the day holds 350.00: the cap leaves 150.00 to issue (150.00 of
    // {a,b}'s money counted toward it).
    expect(seen(run(f.r2!, state).rows)).toEqual([[ids(x), '300.00', '150.00', 'new']]);
    // Run 3 (--reissue all), x's paid time true, c's still wrong:
    // - 06-01 {b,c} 400.00: {a,b} has 350 − 150 = 200.00 left, all of it for b (300.00): issue
    //   200.00, of which 100.00 pays b again (b's money {x} counted) and 100.00 pays c. The day:
    //   {a,b}'s 0.00 left + 400.00, within the cap.
    // - 06-02 {x} 300.00, a day of its own: of the 150.00 it counted, {b,c} paid 100.00 again;
    //   50.00 is given back (a top-up of 0.00, covered −50.00). Before, {b,c}'s own money was all
    //   taken to pay b again: nothing given back.
    const r3 = all(f.r3!, state);
    expect(seen(r3.rows)).toEqual([
      [ids(c, b), '400.00', '200.00', 'reissued'],
      [ids(x), '300.00', '50.00', 'topped_up'],
    ]);
    // Run 4, the true export: {c} 100.00 is paid by {b,c}'s 100.00 for c; {a,b} and {x} as recorded.
    const r4 = all(f.full!, state);
    expect(seen(r4.rows)).toEqual([
      [ids(c), '100.00', '0.00', 'reissued'],
      [ids(a, b), '350.00', '0.00', 'already_recorded'],
      [ids(x), '300.00', '0.00', 'already_recorded'],
    ]);
    expect(total(state)).toBe('750.00');
  });
});
