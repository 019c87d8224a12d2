// Money a voucher took over for an order a later export lacks (review 28). Each case asserts the
// amount worked out by hand from docs/rules.md §1.2/§1.7. Seeds 1053 and 1003 (o60 1000.00) were
// paid twice (the money counted toward no cap and paid no order) and are fixed (led11): that money
// counts in the voucher's window and covers its other orders. Seed 158 is fixed too (led12, schema
// 11): its o02 was not taken over at all — the voucher recorded for P was held again as Q's (the
// same key) by the second export, and the ledger kept no record of that buyer, so with o02 lacking
// the third run counted o02's 500.00 in P's window, not Q's (Q {60} 500.00 new); the ledger now keeps
// the buyer a voucher was last held under (vouchers.buyer_now). And P {03,30} issued 100.00 where
// 30.00 is owed: in export 2 Q {03}'s cap had counted 100.00 of Q {01}'s money, o01's, which P
// {30,01} took over for o01 (P then issued 100.00 to make it up); a cap no longer counts money
// another buyer's voucher of the run takes for its orders.
// tmall-2023 (§1.2): 48 h to ship; 30 % of the paid amount, at least 5.00; one buyer's late orders
// paid within 24 h of a window's opening combined, capped at 500.00. tmall-2026 (§1.3) from
// 2026-04-09: ≤ 72 h late, 5 %, at most 50.00. Times are Beijing time; run under UTC and Los Angeles.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../src/state/schema.js';
import { runCli, tmpDir } from '../helpers.js';
import { files, ledgerTotal, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);

describe('money taken over for an order a later export lacks is not paid again', () => {
  // reissue-paths3 FUZZ_S=1000 seed 1053 (OWED=1: 1340.00 > 1210.00; 1380.00 at 57f2cfc).
  // Export 1: P o06 100.00 04-08 00:11 (102 h, 30.00), o05 9000.00 04-08 20:00 (2700.00), o02
  //   2000.00 04-08 23:42 (600.00) → P {06,05,02} 500.00; Q o00 100.00 (30.00) 09:12, o04 1000.00
  //   (300.00) 20:03 → Q {00,04} 330.00. 830.00.
  // Export 2 (o00 lacking): P o30 1000.00 04-07 23:22, shipped 04-12 15:22 (300.00) opens
  //   {30,06} 330.00; P {02} 500.00 (600.00 capped); o05 paid 04-09 01:00 is tmall-2026, 52 h:
  //   P {05} 50.00; Q {04} 300.00 ← Q {00,04}'s. {06,05,02}'s 500.00 pays o06 30.00, o02 500.00,
  //   o05 50.00 as far as it goes (580.00 > 500.00): 80.00 + o30's 300.00 new → 1210.00.
  // Export 3: o06 lacking too; o02 shipped 04-13 13:42, still 600.00 → 500.00; nothing else moves.
  //   P {30} 300.00 is paid by P {30,06}'s 330.00 (o06's window-mate takes its money, §1.7):
  //   nothing new, 1210.00 (a fresh ledger with o00, o06 as last seen: 330 + 500 + 50 + 330 =
  //   1210.00). Before led11 the ledger re-issued P {30} with 130.00: P {30,06} had taken 160.00 of
  //   {06,05,02}'s money (130.00 of it paid o30), and P {30} counts only the 170.00 it issued itself.
  const id = (n: string) => `61000000000001053${n}`;
  const e1 = [
    shipped(id('01'), 'P', '3000.00', '2026-04-06 00:13:00', '2026-04-07 16:13:00'),
    shipped(id('06'), 'P', '100.00', '2026-04-08 00:11:00', '2026-04-12 06:11:00'),
    shipped(id('00'), 'Q', '100.00', '2026-04-08 09:12:00', '2026-04-11 16:12:00'),
    shipped(id('03'), 'Q', '1000.00', '2026-04-08 10:39:00', '2026-04-10 02:39:00'),
    shipped(id('05'), 'P', '9000.00', '2026-04-08 20:00:00', '2026-04-11 05:00:00'),
    shipped(id('04'), 'Q', '1000.00', '2026-04-08 20:03:00', '2026-04-12 09:03:00'),
    shipped(id('02'), 'P', '2000.00', '2026-04-08 23:42:00', '2026-04-11 07:42:00'),
  ];
  const e2 = [
    shipped(id('01'), 'P', '3000.00', '2026-04-06 18:13:00', '2026-04-07 16:13:00'),
    shipped(id('30'), 'P', '1000.00', '2026-04-07 23:22:00', '2026-04-12 15:22:00'),
    shipped(id('06'), 'P', '100.00', '2026-04-08 00:11:00', '2026-04-12 06:11:00'),
    shipped(id('03'), 'Q', '1000.00', '2026-04-08 10:39:00', '2026-04-10 02:39:00'),
    shipped(id('04'), 'Q', '1000.00', '2026-04-08 20:03:00', '2026-04-12 09:03:00'),
    shipped(id('02'), 'P', '2000.00', '2026-04-08 23:42:00', '2026-04-11 07:42:00'),
    shipped(id('05'), 'P', '9000.00', '2026-04-09 01:00:00', '2026-04-11 05:00:00'),
  ];
  const e3 = [
    shipped(id('01'), 'P', '3000.00', '2026-04-06 18:13:00', '2026-04-07 16:13:00'),
    shipped(id('30'), 'P', '1000.00', '2026-04-07 23:22:00', '2026-04-12 15:22:00'),
    shipped(id('03'), 'Q', '1000.00', '2026-04-08 07:39:00', '2026-04-10 02:39:00'),
    shipped(id('04'), 'Q', '1000.00', '2026-04-08 20:03:00', '2026-04-12 09:03:00'),
    shipped(id('02'), 'P', '2000.00', '2026-04-08 23:42:00', '2026-04-13 13:42:00'),
    shipped(id('05'), 'P', '9000.00', '2026-04-09 01:00:00', '2026-04-11 05:00:00'),
  ];
  it('seed 1053: 1210.00 after the third export (1340.00 before led11)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2, e3 });
    run(f.e1!, state);
    expect(total(state)).toBe('830.00');
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1210.00');
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('1210.00');
  });

  // reissue-cap-spare-moved's seed 1003 with Q o60 1000.00 (300.00) instead of 100.00.
  // Export 1: Q {00,01,02} 500.00; P {05} 30.00. Export 2: P {00,01} 500.00 ← 200.00 of Q's
  //   money + 300.00 new; Q {02} 300.00 ← Q's other 300.00. 830.00.
  // Export 3 (o00, o02 lacking): Q {01} 30.00 ← o01's money; Q {60} 300.00 (05-30 04:06, its window
  //   holds Q {02}'s 05-31 02:27 start: o02's 300.00 counts, room 200.00); P {04} 300.00 (window
  //   holds P {00,01}'s 05-30 19:47 start). Of Q's 200.00 P {00,01} took over, o01 takes 30.00;
  //   the other 170.00 is o00's and counts toward one cap: P's (o00's last window, as a fresh ledger
  //   with o00 and o02 counts it: P {00,04} 500.00, Q {60,02} 500.00, Q {01} 30.00, P {05} 30.00 =
  //   1060.00) or Q's where it was paid. Either way Q {60} + P {04} issue 230.00: 1060.00.
  //   The ledger counted it toward neither: Q {60} 200.00 and P {04} 200.00, 1230.00 (before led11).
  const id3 = (n: string) => `61000000000001003${n}`;
  const f1 = [
    shipped(id3('00'), 'Q', '9000.00', '2025-05-30 19:47:00', '2025-06-03 00:47:00'),
    shipped(id3('01'), 'Q', '100.00', '2025-05-30 20:59:00', '2025-06-04 08:59:00'),
    shipped(id3('02'), 'Q', '1000.00', '2025-05-31 02:27:00', '2025-06-03 17:27:00'),
    shipped(id3('04'), 'P', '1000.00', '2025-05-31 08:17:00', '2025-06-02 00:17:00'),
    shipped(id3('03'), 'Q', '2000.00', '2025-06-01 03:03:00', '2025-06-02 19:03:00'),
    shipped(id3('05'), 'P', '100.00', '2025-06-01 23:57:00', '2025-06-07 03:57:00'),
  ];
  const f2 = [
    shipped(id3('00'), 'P', '9000.00', '2025-05-30 19:47:00', '2025-06-03 00:47:00'),
    shipped(id3('01'), 'P', '100.00', '2025-05-30 20:59:00', '2025-06-04 08:59:00'),
    shipped(id3('04'), 'P', '1000.00', '2025-05-31 02:17:00', '2025-06-02 00:17:00'),
    shipped(id3('02'), 'Q', '1000.00', '2025-05-31 02:27:00', '2025-06-03 05:27:00'),
    shipped(id3('03'), 'Q', '2000.00', '2025-06-01 03:03:00', '2025-06-02 19:03:00'),
    shipped(id3('05'), 'P', '100.00', '2025-06-02 00:57:00', '2025-06-07 03:57:00'),
  ];
  const f3 = [
    shipped(id3('60'), 'Q', '1000.00', '2025-05-30 04:06:00', '2025-06-03 08:06:00'),
    shipped(id3('04'), 'P', '1000.00', '2025-05-31 02:17:00', '2025-06-03 06:17:00'),
    shipped(id3('01'), 'Q', '100.00', '2025-05-31 13:59:00', '2025-06-04 08:59:00'),
    shipped(id3('03'), 'Q', '2000.00', '2025-06-01 03:03:00', '2025-06-02 19:03:00'),
    shipped(id3('05'), 'P', '100.00', '2025-06-02 00:57:00', '2025-06-07 03:57:00'),
  ];
  it('seed 1003 with o60 1000.00: 1060.00 (1230.00 before led11)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { f1, f2, f3 });
    run(f.f1!, state);
    run(f.f2!, state, '--reissue', 'all');
    expect(total(state)).toBe('830.00');
    run(f.f3!, state, '--reissue', 'all');
    expect(total(state)).toBe('1060.00');
  });
  // reissue-paths3 seed 158 (FUZZ_S=151: 2400.00, 2600.00 at 57f2cfc; OWED=1 fresh ledger 1330.00).
  // Export 1: Q o01 2000.00 04-06 00:31, 68 h (600.00) → Q {01} 500.00; Q o05 9000.00 04-07 12:33, 121 h
  //   (2700.00; 36 h after o01: a window of its own) → Q {05} 500.00; P o02 3000.00 04-08 23:54, 99 h
  //   (900.00) → P {02} 500.00; o03, o04, o00, o06 shipped in 40 h (on time). 1500.00.
  // Export 2: o01 is P's (04-06 13:31), with P o30 100.00 04-06 10:05 (30.00) → P {30,01} 500.00 ←
  //   o01's 500.00 (o01 comes to 600.00 in it: all of it is needed there, none of it counts toward
  //   Q's window, §1.7); Q o03 1000.00 04-06 05:31, 77 h (300.00) → Q {03} 300.00 new; o02 is Q's →
  //   Q {02} ← P {02}'s 500.00 (the same voucher: Q's now); Q {05} as recorded. 1800.00.
  //   (Before, Q {03}'s cap counted 100.00 of Q {01}'s money, Q {03} issued 200.00 and P {30,01}
  //   100.00: 1800.00 too, but o03's voucher held only 200.00 of its own.)
  // Export 3 (o02 lacking): P o03 04-05 09:31, 97 h (300.00) + o30 04-06 02:05 (16 h 34 min
  //   later) → P {03,30} 330.00 ← o03's 300.00: 30.00 new (o30 had none: P {30,01} was o01's money);
  //   P o01 04-06 13:31 (28 h after o03: a new window) + o05 04-07 12:33 (23 h 02 min) → P {01,05}
  //   500.00 ← o01's and o05's money (500.00 of 1000.00 spare, paid for good); Q o60 2000.00 04-08
  //   14:00, 90 h (600.00) → Q {60} 500.00, its window (to 04-09 14:00) holding {02}'s recorded start
  //   (04-08 23:54), Q's since export 2, and o02's 500.00: nothing new.
  //   1830.00 (fresh ledger 1330.00 + the 500.00 P {01,05} cannot use). The ledger issued Q {60}
  //   500.00 and P {03,30} 100.00: 2400.00.
  const id8 = (n: string) => `61000000000000158${n}`;
  const g1 = [
    shipped(id8('01'), 'Q', '2000.00', '2026-04-06 00:31:00', '2026-04-08 20:31:00'),
    shipped(id8('03'), 'Q', '1000.00', '2026-04-06 05:31:00', '2026-04-07 21:31:00'),
    shipped(id8('05'), 'Q', '9000.00', '2026-04-07 12:33:00', '2026-04-12 13:33:00'),
    shipped(id8('04'), 'Q', '100.00', '2026-04-07 16:16:00', '2026-04-09 08:16:00'),
    shipped(id8('00'), 'P', '1000.00', '2026-04-08 01:38:00', '2026-04-09 17:38:00'),
    shipped(id8('06'), 'Q', '100.00', '2026-04-08 12:06:00', '2026-04-10 04:06:00'),
    shipped(id8('02'), 'P', '3000.00', '2026-04-08 23:54:00', '2026-04-13 02:54:00'),
  ];
  const g2 = [
    shipped(id8('03'), 'Q', '1000.00', '2026-04-06 05:31:00', '2026-04-09 10:31:00'),
    shipped(id8('30'), 'P', '100.00', '2026-04-06 10:05:00', '2026-04-10 20:05:00'),
    shipped(id8('01'), 'P', '2000.00', '2026-04-06 13:31:00', '2026-04-08 20:31:00'),
    shipped(id8('05'), 'Q', '9000.00', '2026-04-07 12:33:00', '2026-04-12 13:33:00'),
    shipped(id8('00'), 'P', '1000.00', '2026-04-08 01:38:00', '2026-04-09 17:38:00'),
    shipped(id8('06'), 'Q', '100.00', '2026-04-08 12:06:00', '2026-04-10 04:06:00'),
    shipped(id8('02'), 'Q', '3000.00', '2026-04-08 23:54:00', '2026-04-13 02:54:00'),
  ];
  const g3 = [
    shipped(id8('03'), 'P', '1000.00', '2026-04-05 09:31:00', '2026-04-09 10:31:00'),
    shipped(id8('30'), 'P', '100.00', '2026-04-06 02:05:00', '2026-04-10 20:05:00'),
    shipped(id8('01'), 'P', '2000.00', '2026-04-06 13:31:00', '2026-04-11 19:31:00'),
    shipped(id8('05'), 'P', '9000.00', '2026-04-07 12:33:00', '2026-04-12 13:33:00'),
    shipped(id8('00'), 'P', '1000.00', '2026-04-08 01:38:00', '2026-04-09 17:38:00'),
    shipped(id8('06'), 'Q', '100.00', '2026-04-08 12:06:00', '2026-04-10 04:06:00'),
    shipped(id8('60'), 'Q', '2000.00', '2026-04-08 14:00:00', '2026-04-12 08:00:00'),
  ];
  it('seed 158: 1830.00 after the third export (2400.00 before led12)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { g1, g2, g3 });
    run(f.g1!, state);
    expect(total(state)).toBe('1500.00');
    const r2 = run(f.g2!, state, '--reissue', 'all');
    expect(seen(r2.rows)).toEqual([
      ['Q', '03', '300.00', '300.00', 'new'],
      ['P', '30,01', '500.00', '0.00', 'reissued'],
      ['Q', '05', '500.00', '0.00', 'already_recorded'],
      ['Q', '02', '500.00', '0.00', 'already_recorded'],
    ]);
    expect(total(state)).toBe('1800.00');
    const r3 = run(f.g3!, state, '--reissue', 'all');
    expect(seen(r3.rows)).toEqual([
      ['P', '03,30', '330.00', '30.00', 'reissued'],
      ['P', '01,05', '500.00', '0.00', 'reissued'],
      ['Q', '60', '500.00', '0.00', 'new'],
    ]);
    expect(total(state)).toBe('1830.00');
    // Schema 11 keeps the buyer {02} was last held under (Q), beside the buyer it was recorded for.
    const db = new Database(state, { readonly: true });
    expect(db.prepare('SELECT buyer, buyer_now FROM vouchers WHERE order_ids = ?').get(JSON.stringify([id8('02')]))).toEqual({ buyer: 'P', buyer_now: 'Q' });
    db.close();
    // ledger list: buyer as recorded, buyerNow (last column) where it is held now; empty for the others.
    const listed = JSON.parse(runCli(['ledger', 'list', '--state', state, '-f', 'json'], { tz }).stdout) as Record<string, unknown>[];
    const byOrders = listed.map((v) => [(v.orderIds as string[]).map((x) => x.slice(-2)).join(','), v.buyer, v.buyerNow]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byOrders).toEqual([
      ['01', 'Q', null],
      ['01,05', 'P', null],
      ['02', 'P', 'Q'],
      ['03', 'Q', null],
      ['03,30', 'P', null],
      ['05', 'Q', null],
      ['30,01', 'P', null],
      ['60', 'Q', null],
    ]);
  });

  // A ledger of schema 10 (before buyer_now) holding export 1, as this storeops records it, opened by
  // this storeops: migrated to 11 with nothing lost (ledger list shows the same rows and total, the
  // same columns), and exports 2 and 3 then pay as on a new ledger: 1830.00 (worked out above).
  it('seed 158 on a schema 10 ledger of export 1: upgraded, lists the same, 1830.00 after export 3', () => {
    const dir = tmpDir();
    const fresh = path.join(dir, 'fresh.db');
    const f = files(dir, { g1, g2, g3 });
    run(f.g1!, fresh);
    const src = new Database(fresh, { readonly: true });
    const cols = 'voucher_key, buyer, rules, order_ids, amount, window_start, recorded_at, kind, reissue_of, covered, shares, shop, shop_kind';
    const vouchers = src.prepare(`SELECT ${cols} FROM vouchers`).all() as Record<string, unknown>[];
    const claims = src.prepare('SELECT voucher_key, order_id, kind, claim FROM voucher_orders').all() as Record<string, unknown>[];
    src.close();
    const state = path.join(dir, 'v10.db');
    const raw = new Database(state);
    raw.pragma('journal_mode = WAL');
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of MIGRATIONS.filter((m) => m.to <= 10)) m.up(raw);
    raw.pragma('user_version = 10');
    const ins = raw.prepare(`INSERT INTO vouchers (${cols}) VALUES (${cols.split(', ').map((c) => `@${c}`).join(', ')})`);
    for (const v of vouchers) ins.run(v);
    const claim = raw.prepare('INSERT INTO voucher_orders (voucher_key, order_id, kind, claim) VALUES (@voucher_key, @order_id, @kind, @claim)');
    for (const c of claims) claim.run(c);
    raw.close();
    const list = (file: string) => runCli(['ledger', 'list', '--state', file, '-f', 'csv'], { tz });
    const before = list(fresh);
    const upgraded = list(state);
    expect(upgraded.code).toBe(0);
    expect(upgraded.stdout).toBe(before.stdout);
    expect(upgraded.stderr.replace(state, 'F')).toBe(before.stderr.replace(fresh, 'F'));
    const r1 = run(f.g1!, state);
    expect(seen(r1.rows)).toEqual([
      ['Q', '01', '500.00', '0.00', 'already_recorded'],
      ['Q', '05', '500.00', '0.00', 'already_recorded'],
      ['P', '02', '500.00', '0.00', 'already_recorded'],
    ]);
    const check = new Database(state, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(check.prepare('SELECT count(*) AS n FROM vouchers WHERE buyer_now IS NOT NULL').get()).toEqual({ n: 0 });
    check.close();
    expect(list(state).stdout).toBe(before.stdout);
    expect(total(state)).toBe('1500.00');
    run(f.g2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1800.00');
    run(f.g3!, state, '--reissue', 'all');
    expect(total(state)).toBe('1830.00');
  });
});
