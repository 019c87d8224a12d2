// reissue-paths3.property.test.ts FUZZ_S=9000 seed 9190 (rev29; step 2: said and --reissue all
// 1430.00, the conflicts re-issued one at a time 1330.00), reduced to three exports of six orders
// (led28; the seed's three orders on time in every export left out). docs/rules.md §1.7: "of two ways
// to pay a voucher, the money nothing else can use or count goes first"; "the same total is paid
// whichever way the conflicts are re-issued". Settled (led29): 1330.00 every way; the first three
// cases failed before (said 430.00 owed, --reissue all and X first 1430.00). Times are Beijing time;
// run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000009190${n}`;

// tmall-2023 (docs/rules.md §1.2; every order paid in 2025): 30 % of the goods, at least 5.00; 48 h
// to ship; a buyer's late orders paid within 24 h of a window's opening combined, 500.00 cap.
//
// Export 1: P o02 1000.00 paid 05-31 05:04, 53 h late → 300.00: A = P {02} 300.00. P o05 1000.00
//   06-01 06:51 (after A's 24 h), 102 h late → 300.00: B = P {05} 300.00. Q o04 100.00 05-31 18:44,
//   127 h late → 30.00: C = Q {04} 30.00. (o03 on time.)   630.00 issued.
// Export 2: o02 is Q's, paid 05-30 22:04 (60 h late, 300.00); o03 shipped 103 h late (300.00): with
//   o04, D = Q {02,03,04} = min(500, 630.00) = 500.00: takes A's 300.00 (o02's) and C's 30.00 (o04's),
//   issues 170.00 (o03's). P o30 (new) 9000.00 06-01 13:36, 101 h late → 2700.00, with o05:
//   E = P {05,30} = 500.00: takes B's 300.00 (o05's), issues 200.00 (o30's).   1000.00 in all, what
//   a fresh ledger of export 2 owes.
// Export 3: o02 P's again (05-30 22:04) and o05 paid 05-31 12:51 (87 h late): X = P {02,05} = min(500,
//   600.00) = 500.00, window to 05-31 22:04. P o60 (new) 1000.00 06-02 02:17 → 300.00, with o30:
//   Y = P {60,30} = 500.00, window 06-01 02:17 to 06-02 02:17, which holds E's (and B's) opening
//   06-01 06:51. Q o03 paid 05-31 10:39 (96 h late): Z = Q {03} 300.00, in the window D opened
//   (05-30 22:04 to 05-31 22:04). o04 shipped 40 h after payment: on time.   A fresh ledger owes 1300.00.
// Where the money is (§1.7):
//   X may take o02's 300.00 (A's, held by D, in Q's window) and o05's 300.00 (B's, held by E, in
//   Y's window); it needs 500.00 of the 600.00. Either 100.00 is left over where it was paid:
//   - o05's left in E counts toward Y's cap: Y holds o30's 200.00 and 100.00 of o05's, 100.00 +
//     500.00 − 500.00 = 100.00 counted; Y issues 500.00 − 200.00 − 100.00 = 200.00;
//   - o02's left in D counts toward Z's cap for nothing: Z comes to 300.00, and D's window holds
//     100.00 of o02's and o04's 30.00 (paid for good): 430.00 under the 500.00 cap, nothing counted.
//   So o02's money is the money nothing else can count and goes first: X takes A's 300.00 and
//   200.00 of B's. Z takes o03's 170.00 of D and issues 130.00 (D's other money is o02's, gone to X,
//   and o04's, which stays for o04: no voucher can take it). Y takes o30's 200.00 of E, counts o05's
//   100.00 and issues 200.00.
//   130.00 + 200.00 = 330.00 anew: 1330.00 whichever way (1300.00 a fresh ledger owes + o04's 30.00,
//   on time now, paid for good).
// The ledger before (led28): X takes B's 300.00 first (B holds no order outside X; D holds two) and 200.00 of D:
//   o02's 100.00 left in D counts nowhere, and Y, counting nothing, issues 300.00: 1430.00, said and
//   --reissue all; Y and Z re-issued first (Y keeps o05's money it counts, X then takes A's): 1330.00.
//   Both of X's ways count as "cap-counted" money (Z's group holds D, Y's holds E and B), so the
//   cap-last ordering does not tell them apart; telling them apart needs how much of each the cap
//   would count (Z's: none, its cap is out of reach), which the ledger did not work out.
// Now (led29, capReachable in `cover`): a later voucher's cap counts the money only when it can be
//   reached: Z's 300.00, plus what its group holds toward it (D: 200.00, o03's 170.00 and o04's 30.00;
//   o02's 300.00, taken over from P's A, counts toward no Q cap), less o03's share of D that Z takes
//   for itself (170.00): 330.00 < 500.00. So D's money counts toward no cap, and X takes it first; Y's
//   cap (500.00 + E's 500.00 − o30's 200.00 = 800.00 ≥ 500.00) can be reached and counts E's.
const late = (n: string, buyer: string, paid: string, at: string, ship: string) => shipped(id(n), buyer, paid, `2025-${at}:00`, `2025-${ship}:00`);
const e1 = [
  late('03', 'Q', '1000.00', '05-31 03:39', '06-01 19:39'),
  late('02', 'P', '1000.00', '05-31 05:04', '06-02 10:04'),
  late('04', 'Q', '100.00', '05-31 18:44', '06-06 01:44'),
  late('05', 'P', '1000.00', '06-01 06:51', '06-05 12:51'),
];
const e2 = [
  late('02', 'Q', '1000.00', '05-30 22:04', '06-02 10:04'),
  late('03', 'Q', '1000.00', '05-31 03:39', '06-04 10:39'),
  late('04', 'Q', '100.00', '05-31 18:44', '06-06 01:44'),
  late('05', 'P', '1000.00', '06-01 06:51', '06-05 12:51'),
  late('30', 'P', '9000.00', '06-01 13:36', '06-05 18:36'),
];
const e3 = [
  late('02', 'P', '1000.00', '05-30 22:04', '06-02 10:04'),
  late('03', 'Q', '1000.00', '05-31 10:39', '06-04 10:39'),
  late('05', 'P', '1000.00', '05-31 12:51', '06-04 03:51'),
  late('04', 'Q', '100.00', '05-31 18:44', '06-02 10:44'),
  late('60', 'P', '1000.00', '06-01 02:17', '06-03 12:17'),
  late('30', 'P', '9000.00', '06-01 13:36', '06-05 18:36'),
];
const X = `${id('02')},${id('05')}`;
const Y = `${id('60')},${id('30')}`;
const Z = id('03');

describe('seed 9190 reduced: the money no cap can count pays first: 1330.00 whichever way', () => {
  const check = (steps: readonly string[]) => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2, e3 });
    run(f.e1!, state);
    expect(total(state)).toBe('630.00');
    run(f.e2!, state);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
    const said = owedSaid(run(f.e3!, state).rows);
    for (const ids of steps) run(f.e3!, state, '--reissue', ids);
    run(f.e3!, state, '--reissue', 'all');
    return { said, total: total(state) };
  };
  it('said: 330.00 owed (Z 130.00, Y 200.00)', () => expect(check([]).said).toBe(33000));
  it('--reissue all: 1330.00', () => expect(check(['all']).total).toBe('1330.00'));
  it('X, Y, Z: 1330.00', () => expect(check([X, Y, Z]).total).toBe('1330.00'));
  it('Y, Z, X: 1330.00', () => expect(check([Y, Z, X]).total).toBe('1330.00'));
  it('Y, X, Z: 1330.00', () => expect(check([Y, X, Z]).total).toBe('1330.00'));
});
