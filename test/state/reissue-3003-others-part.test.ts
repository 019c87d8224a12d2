// reissue-paths3.property.test.ts FUZZ_S=3000 FUZZ_N=40 seed 3003 step 2 (rev49's list: the third
// export, seven orders, re-issued one at a time {06,05}, {01,02}, {00} paid 1560.00, --reissue all
// 1530.00; a fresh ledger of the last export 1360.00). docs/rules.md §1.7: "The same total is paid
// whichever way the conflicts are re-issued". Worked by hand (money61), then reduced to six orders and
// two exports, which show the same disagreement (1530.00 one way, 1500.00 the other).
// tmall-2023 (§1.2; paid 2026-04-06..08, up to 2026-04-08): 30 % of the goods, at least 5.00; 48 h to
// ship; a buyer's late orders paid within 24 h of a window's opening are combined, capped at 500.00.
// Shares: o00 3000.00 -> 900.00, o01 3000.00 -> 900.00, o02 2000.00 -> 600.00, o06 1000.00 -> 300.00,
// o05 100.00 -> 30.00, o04 100.00 -> 30.00. Every order below is late (79 h to 119 h) where it appears.
// Export 1: P o00 04-07 03:15 opens (to 04-08 03:15), o05 04-08 01:54 joins: A = P {00,05} 930.00
//   capped 500.00; P o02 04-08 05:36 opens, o06 05:37 joins: B = P {02,06} 900.00 capped 500.00; Q o01
//   04-07 07:06 opens, o04 04-08 03:06 joins: D = Q {01,04} 500.00. 1500.00 paid.
// Export 2: o04 left out; o02 is Q's (04-08 05:36, 22 h 30 min after o01: Q's window); o06 paid
//   04-08 06:37 and o05 08:54. F = P {00} 500.00 (o06 is 27 h 22 min after o00: a window of its own);
//   G = P {06,05} 330.00 (window 04-08 06:37 to 04-09 06:37); H = Q {01,02} 500.00 (window 04-07 07:06).
//   A fresh ledger of it: 1330.00.
// What the ledger owes after export 2 (§1.7): a voucher takes of an earlier voucher only the part of
//   the orders it holds (an order's part is at most its share: reissue-5417-one-at-a-time's header),
//   money an order's voucher does not need stays where it was paid, counts toward the cap of the window
//   it was recorded in, "and is never moved to another buyer's orders". P's vouchers F and G can be
//   paid only by A (o00's and o05's money, 500.00 in all, o05's part at most 30.00) and by B's o06
//   part (at most 300.00); the rest of B (at least 200.00) is o02's, Q's now: it follows o02 to H or
//   stays in B's window (P, opened 04-08 05:36), which no cap of export 2 counts (F's window ends
//   04-08 03:15, G's opens 06:37). Nor can a cap count anything more: F's window holds only A, G's holds
//   no money of P's. So F + G = 830.00 against at most 800.00: at least 30.00 anew, and 30.00 is enough
//   (F takes A's 500.00, o00's, G B's 300.00 and issues 30.00; or F takes o00's 470.00 and its cap
//   leaves it 30.00 to issue, G takes o05's 30.00 of A). H is paid by D (o01's part at least 470.00,
//   D's window is H's) and, if o04's part of D (o04 left out) counts for nothing, by 30.00 of o02's
//   part of B: nothing anew either way. Owed: 1500.00 + 30.00 = 1530.00 (above a fresh ledger's 1330.00:
//   B's o02 money paid to P in export 1 was spent, and o02's voucher now does not need it).
// What the build does (10a6bdf9..5905e580): G re-issued first ({06,05}, then {01,02}, {00}; or {00},
//   {06,05}, {01,02}; or {06,05}, {00}, {01,02}) 1530.00, right; said (every row 0.00 to issue),
//   --reissue all and {01,02} or {00} then {01,02} before G: 1500.00. --reissue all records G covered
//   330.00 (of B and A) and F covered 500.00 (of A): with A's 500.00 all F's, G took 330.00 of B,
//   30.00 more than o06's 300.00 part: o02's money (Q's order now) paid P's o05.
// The full seed (third export, o03 on time, Q's o30 30.00 recorded in the second) is the same plus
//   Q {30}'s 30.00: owed 1560.00, which one at a time {06,05}, {01,02}, {00} pays (right) and
//   --reissue all does not (1530.00).
// Cause (not fixed here; test-only round): see the note at the end of this header.
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000003003${n}`;
const o = (n: string, buyer: string, paid: string, at: string, ship: string) => shipped(id(n), buyer, paid, `2026-${at}:00`, `2026-${ship}:00`);
const e1 = [
  o('00', 'P', '3000.00', '04-07 03:15', '04-10 19:15'),
  o('01', 'Q', '3000.00', '04-07 07:06', '04-12 06:06'),
  o('05', 'P', '100.00', '04-08 01:54', '04-11 23:54'),
  o('04', 'Q', '100.00', '04-08 03:06', '04-11 10:06'),
  o('02', 'P', '2000.00', '04-08 05:36', '04-11 18:36'),
  o('06', 'P', '1000.00', '04-08 05:37', '04-12 15:37'),
];
const e2 = [
  o('00', 'P', '3000.00', '04-07 03:15', '04-10 19:15'),
  o('01', 'Q', '3000.00', '04-07 07:06', '04-12 06:06'),
  o('02', 'Q', '2000.00', '04-08 05:36', '04-11 18:36'),
  o('06', 'P', '1000.00', '04-08 06:37', '04-12 15:37'),
  o('05', 'P', '100.00', '04-08 08:54', '04-12 02:54'),
];
const F = id('00');
const G = [id('06'), id('05')].join(',');
const H = [id('01'), id('02')].join(',');

describe('seed 3003 reduced: P {06,05} takes of B only o06 part; 1530.00 every way', () => {
  const upTo2 = () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2 });
    run(f.e1!, state);
    expect(total(state)).toBe('1500.00');
    return { state, f };
  };
  const via = (steps: readonly string[]) => {
    const { state, f } = upTo2();
    run(f.e2!, state);
    for (const ids of steps) run(f.e2!, state, '--reissue', ids);
    run(f.e2!, state, '--reissue', 'all');
    return total(state);
  };
  it('export 1 records A, B and D, 500.00 each', () => {
    const dir = tmpDir();
    const r = run(files(dir, { e1 }).e1!, path.join(dir, 'state.db'));
    expect(seen(r.rows).map(([b, ids, amount, , rec]) => [b, ids, amount, rec]).sort()).toEqual([
      ['P', '00,05', '500.00', 'new'],
      ['P', '02,06', '500.00', 'new'],
      ['Q', '01,04', '500.00', 'new'],
    ]);
  });
  it('a fresh ledger of export 2: 1330.00 (500.00 + 330.00 + 500.00)', () => {
    const dir = tmpDir();
    run(files(dir, { e2 }).e2!, path.join(dir, 'fresh.db'));
    expect(total(path.join(dir, 'fresh.db'))).toBe('1330.00');
  });
  it('export 2 says F, G and H conflicts, by the amounts of §1.2', () => {
    const { state, f } = upTo2();
    expect(seen(run(f.e2!, state).rows).map(([b, ids, amount, , rec]) => [b, ids, amount, rec]).sort()).toEqual([
      ['P', '00', '500.00', 'conflict'],
      ['P', '06,05', '330.00', 'conflict'],
      ['Q', '01,02', '500.00', 'conflict'],
    ]);
  });
  it('G first ({06,05}, {01,02}, {00}): 1530.00', () => expect(via([G, H, F])).toBe('1530.00'));
  it('{00}, {06,05}, {01,02}: 1530.00', () => expect(via([F, G, H])).toBe('1530.00'));
  it('{06,05}, {00}, {01,02}: 1530.00', () => expect(via([G, F, H])).toBe('1530.00'));
  // The build: 1500.00 (G takes 30.00 of o02's part of B; see the header).
  it.fails('said: 30.00 to issue (the build says 0.00 on every row)', () => {
    const { state, f } = upTo2();
    expect(owedSaid(run(f.e2!, state).rows)).toBe(3000);
  });
  it.fails('--reissue all: 1530.00', () => expect(via([])).toBe('1530.00'));
  it.fails('{01,02} first, then {06,05}, {00}: 1530.00', () => expect(via([H, G, F])).toBe('1530.00'));
  it.fails('{01,02}, {00}, {06,05}: 1530.00', () => expect(via([H, F, G])).toBe('1530.00'));
  it.fails('{00}, {01,02}, {06,05}: 1530.00', () => expect(via([F, H, G])).toBe('1530.00'));
  it.fails('--reissue all and G first pay the same', () => expect(via([])).toBe(via([G, H, F])));
});

// The full seed 3003 (property file's gen(3003)): three exports, seven orders (o03 on time, Q o30).
const f1 = [
  o('03', 'Q', '9000.00', '04-06 15:58', '04-08 07:58'),
  o('00', 'P', '3000.00', '04-07 03:15', '04-10 19:15'),
  o('01', 'Q', '3000.00', '04-07 07:06', '04-12 06:06'),
  o('05', 'P', '100.00', '04-08 01:54', '04-11 23:54'),
  o('04', 'Q', '100.00', '04-08 03:06', '04-09 19:06'),
  o('02', 'P', '2000.00', '04-08 05:36', '04-11 18:36'),
  o('06', 'P', '1000.00', '04-08 05:37', '04-10 13:37'),
];
const f2 = [
  o('03', 'P', '9000.00', '04-06 15:58', '04-08 07:58'),
  ...e1.filter((x) => !['04', '06'].some((n) => x.订单编号 === id(n))),
  o('04', 'Q', '100.00', '04-08 03:06', '04-11 10:06'),
  o('06', 'P', '1000.00', '04-08 05:37', '04-12 15:37'),
  o('30', 'Q', '100.00', '04-08 09:22', '04-10 17:22'),
];
const f3 = [
  o('03', 'Q', '9000.00', '04-06 21:58', '04-08 07:58'),
  ...e2,
  o('30', 'Q', '100.00', '04-08 09:22', '04-13 17:22'),
];
describe('seed 3003 step 2 (three exports): 1560.00 every way', () => {
  const via = (steps: readonly string[]) => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { f1, f2, f3 });
    run(f.f1!, state);
    run(f.f2!, state);
    run(f.f2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1530.00');
    run(f.f3!, state);
    for (const ids of steps) run(f.f3!, state, '--reissue', ids);
    run(f.f3!, state, '--reissue', 'all');
    return total(state);
  };
  it('one at a time {06,05}, {01,02}, {00} (the sweep): 1560.00', () => expect(via([G, H, F])).toBe('1560.00'));
  it.fails('--reissue all: 1560.00 (the build: 1530.00)', () => expect(via([])).toBe('1560.00'));
});
