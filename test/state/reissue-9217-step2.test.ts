// rev31: reissue-paths3.property.test.ts seed 9217 step 2 (the third export): OWED=1 reports 2000.00
// paid (said, --reissue all and one at a time agreeing) where a fresh ledger of the last export owes
// 1830.00. Worked by hand from docs/rules.md §1.2 and §1.7: 1830.00 is right (no money paid for an
// order on time, none left spare: every payment goes to its orders where they are now). The two
// orders on time in every export (o03, o05) are left out, as in reissue-later-cap-own-window.test.ts,
// which works the first two exports (1500.00, nothing anew).
// tmall-2023 (§1.2; every order paid before 2026-04-09): 30 % of the goods, at least 5.00; 48 h to
// ship; a buyer's late orders paid within 24 h of a window's opening combined, capped at 500.00.
//
// Export 1: A = P {01,02} 500.00 (o01 2700.00, o02 30.00; P's window opens 04-06 23:02);
//   B = Q {04,06} 500.00 (o04 300.00, o06 900.00; opens 04-07 02:30); C = Q {00} 500.00. 1500.00 paid.
// Export 2 (reissue-later-cap-own-window): X = Q {01} 500.00 counts B's 500.00 (o04 on time, o06 paid
//   by C's money in Y = Q {06,00}) toward its cap; Z = P {30,02} 60.00 takes o02's 30.00 of A and
//   counts 30.00 of o01's 470.00 toward P's cap. Nothing anew: 1500.00.
// Export 3: o30 is Q's (paid 04-07 10:26, 100 h late, 30.00); o04 is P's again, paid 04-07 10:30 and
//   shipped 04-09 14:30, 52 h: late, 300.00. Owed:
//   V = P {04,02} 330.00 (o04 300.00 + o02 30.00; in P's window rebuilt from A's 04-06 23:02);
//   X = Q {01} 500.00 (window 04-06 05:02 to 04-07 05:02, holding B's opening 04-07 02:30);
//   W = Q {30,06} min(30.00 + 900.00, 500.00) = 500.00 (window 04-07 10:26 to 04-08 10:26);
//   C = Q {00} 500.00 (04-08 16:18, as recorded). A fresh ledger: 330 + 500 + 500 + 500 = 1830.00.
// Where the money is (§1.7: "the money follows the order, to the voucher that now holds it …
//   never also toward its old buyer's window"; "Money a voucher counted toward its cap (a cap share:
//   another voucher's money, spare in its window) is stale once the export puts that voucher's orders
//   out of the window (another buyer's or window's voucher holds them): the money pays its own
//   orders' voucher again"):
//   B's 500.00 was o04's 300.00 and o06's 200.00 (in paid order, §1.4a/--by order): o04's follows o04
//   to V, o06's to W. Nothing of B is spare in X's window any more: X's cap share of it is stale.
//   A's 500.00: o02's 30.00 follows o02 to V (V: 300.00 + 30.00 = 330.00, nothing anew); o01's
//   470.00 follows o01 to X, which owes 500.00 − 470.00 = 30.00 (its window holds nothing spare).
//   C's 500.00 is o00's, C shown again as recorded. W: o06's 200.00 of B, o30 nothing (Z's 60.00
//   was o02's 30.00 and a cap share of o01's money, which o01 takes now): 500.00 − 200.00 = 300.00.
//   1500.00 + 30.00 + 300.00 = 1830.00, the fresh ledger's: no order paid twice, no money spare.
// The ledger (before): V took 300.00 of A (o01's money) for o04, X kept counting all of B's 500.00
//   toward its cap (already_recorded), and W found none of o06's money in B and issued 500.00:
//   2000.00, o06's 200.00 in B paid again (170.00 more than owed, every way).
// Not fixed (rev31 tried): counting X's cap share of B as stale for what B's moved orders came to in
//   it (500.00; staleCap skips shares of a voucher still in X's cap group) made X a top-up: 2000.00 ->
//   1860.00 here (X took only 440.00 of A: Z = P {30,02} had taken 60.00 of A, o02's 30.00 and a 30.00
//   cap share of o01's money, and that 30.00 did not come back to o01), and it broke hand-worked cases
//   (reissue-stale-share-first 2000.00 -> 2500.00, reissue-cap-taken-for-moved 1600.00 -> 1800.00,
//   reissue-takeover-held, reissue-cap-spare-moved, reissue-stale-notlate-path, conflict-owed-after-new):
//   the conflicts' giveStale already hands such shares back in other shapes, and both together paid
//   twice. Left for the lead.
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, recorderIn, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000009217${n}`;
const late = (n: string, buyer: string, paid: string, at: string, ship: string) => shipped(id(n), buyer, paid, `2026-${at}:00`, `2026-${ship}:00`);
const e1 = [
  late('01', 'P', '9000.00', '04-06 23:02', '04-09 14:02'),
  late('04', 'Q', '1000.00', '04-07 02:30', '04-09 14:30'),
  late('02', 'P', '100.00', '04-07 13:39', '04-10 03:39'),
  late('06', 'Q', '3000.00', '04-08 00:08', '04-12 17:08'),
  late('00', 'Q', '9000.00', '04-08 16:18', '04-12 18:18'),
];
const e2 = [
  late('01', 'Q', '9000.00', '04-06 05:02', '04-09 14:02'),
  late('30', 'P', '100.00', '04-07 10:26', '04-11 14:26'),
  late('02', 'P', '100.00', '04-07 13:39', '04-10 03:39'),
  late('04', 'P', '1000.00', '04-07 21:30', '04-09 14:30'),
  late('06', 'Q', '3000.00', '04-08 10:08', '04-12 17:08'),
  late('00', 'Q', '9000.00', '04-08 16:18', '04-12 18:18'),
];
const e3 = [
  late('01', 'Q', '9000.00', '04-06 05:02', '04-09 14:02'),
  late('30', 'Q', '100.00', '04-07 10:26', '04-11 14:26'),
  late('04', 'P', '1000.00', '04-07 10:30', '04-09 14:30'),
  late('02', 'P', '100.00', '04-07 13:39', '04-10 03:39'),
  late('06', 'Q', '3000.00', '04-08 10:08', '04-12 17:08'),
  late('00', 'Q', '9000.00', '04-08 16:18', '04-12 18:18'),
];
const V = `${id('04')},${id('02')}`;
const W = `${id('30')},${id('06')}`;

describe('seed 9217 step 2 reduced: the third export owes 1830.00, as a fresh ledger', () => {
  const check = (steps: readonly string[]) => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2, e3 });
    run(f.e1!, state);
    run(f.e2!, state);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1500.00');
    run(f.e3!, state);
    for (const ids of steps) run(f.e3!, state, '--reissue', ids);
    run(f.e3!, state, '--reissue', 'all');
    return total(state);
  };
  it('a fresh ledger of the third export: 1830.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'fresh.db');
    run(files(dir, { e3 }).e3!, state);
    expect(total(state)).toBe('1830.00');
  });
  it.fails('--reissue all: 1830.00 (pays 2000.00: o06\'s 200.00 in B paid again)', () => expect(check(['all'])).toBe('1830.00'));
  it.fails('V then W: 1830.00 (pays 2000.00)', () => expect(check([V, W])).toBe('1830.00'));
  it.fails('W then V: 1830.00 (pays 2000.00)', () => expect(check([W, V])).toBe('1830.00'));
});
