// reissue-paths3.property.test.ts FUZZ_S=3216 seed 3216 (led20; step 2: said and --reissue all
// 2100.00, the conflicts re-issued one at a time 1800.00), reduced to three exports of four orders
// (led24). docs/rules.md §1.7: "of two ways to pay a voucher, the money nothing else can use or
// count goes first"; "the same total is paid whichever way the conflicts are re-issued". Times are
// Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000003216${n}`;

// tmall-2023 (docs/rules.md §1.2; every order paid in 2025): 30 % of the goods; 48 h to ship; a
// buyer's late orders paid within 24 h of a window's opening combined, 500.00 cap.
//
// Export 1: P o03 1000.00 paid 05-31 21:44, shipped 06-03 13:44 (64 h late) → 300.00; o00 2000.00
//   06-01 06:48, 54 h late → 600.00; o30 1000.00 06-01 17:15, 76 h late → 300.00: one window
//   (05-31 21:44 to 06-01 21:44), F = P {03,00,30} = min(500, 1200.00) = 500.00.   500.00 issued.
// Export 2: o03 paid 05-31 17:30 (a corrected paid time; 68 h late, 300.00): the window opens
//   there and holds o00 and o30 (17:15) still: P {03,00,30} 500.00, recorded as it was. o02 (P)
//   1000.00 paid 06-01 18:00, after that window, shipped 06-05 21:36 (99 h late): C = P {02} 300.00,
//   new.   800.00 issued in all, what a fresh ledger of export 2 owes.
// Export 3: P o00 paid 05-31 19:00 (65 h late, 600.00) and o03 (05-31 21:44, 300.00): Y = P {00,03}
//   = min(500, 900.00) = 500.00, window 05-31 19:00 to 06-01 19:00; o02 shipped 06-02 12:36, 18 h
//   after payment: on time; o30 now Q's (76 h late): Z = Q {30} = 300.00.   800.00 owed.
// Where the money is (§1.7):
//   C's 300.00 was paid for o02, on time now: it stays where it was paid, P's window; its opening
//   (06-01 18:00) is in Y's window, so it counts toward Y's cap, and nothing else can use it (no
//   voucher of export 3 holds o02).
//   F's 500.00 is o03's, o00's and o30's money (300.00, 600.00, 300.00 before the cap): Y may take
//   it for o00 and o03, Z for o30 (at most 300.00).
//   Y: 300.00 of its window counted (C), 200.00 more owed: 200.00 of F.   Z: the 300.00 of F left.
//   0.00 anew: 800.00 whichever way (a fresh ledger of export 3 owes 800.00 too).
// Before: Y's cap took the 300.00 it counts from the group's vouchers in their recorded order,
// F (recorded first) before C: F's last 300.00, o30's, which Z takes; Z then found it gone and issued
// 300.00 anew: said and --reissue all 1100.00 (o30's money counted in P's window and paid again in
// Q's; C's 300.00 counted nowhere); Z re-issued first took o30's 300.00 and Y counted C's: 800.00.
// (Seed 3216 itself: its exports record C and F in the same run, and the keys' order put F first.)
const late = (n: string, buyer: string, paid: string, at: string, ship: string) => shipped(id(n), buyer, paid, `2025-${at}:00`, `2025-${ship}:00`);
const e1 = [
  late('03', 'P', '1000.00', '05-31 21:44', '06-03 13:44'),
  late('00', 'P', '2000.00', '06-01 06:48', '06-03 12:48'),
  late('30', 'P', '1000.00', '06-01 17:15', '06-04 21:15'),
];
const e2 = [
  late('03', 'P', '1000.00', '05-31 17:30', '06-03 13:44'),
  late('00', 'P', '2000.00', '06-01 06:48', '06-03 12:48'),
  late('30', 'P', '1000.00', '06-01 17:15', '06-04 21:15'),
  late('02', 'P', '1000.00', '06-01 18:00', '06-05 21:36'),
];
const e3 = [
  late('00', 'P', '2000.00', '05-31 19:00', '06-03 12:48'),
  late('03', 'P', '1000.00', '05-31 21:44', '06-03 13:44'),
  late('02', 'P', '1000.00', '06-01 18:00', '06-02 12:36'),
  late('30', 'Q', '1000.00', '06-01 17:15', '06-04 21:15'),
];

describe('seed 3216 reduced: a cap counts the money nothing else can use before money a later voucher takes: 800.00 whichever way', () => {
  const check = (steps: readonly string[]) => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2, e3 });
    run(f.e1!, state);
    run(f.e2!, state);
    expect(total(state)).toBe('800.00');
    const said = owedSaid(run(f.e3!, state).rows);
    for (const ids of steps) run(f.e3!, state, '--reissue', ids);
    run(f.e3!, state, '--reissue', 'all');
    return { said, total: total(state) };
  };
  it('said: 0.00 owed (was 300.00, Q {30})', () => expect(check([]).said).toBe(0));
  it('--reissue all: 800.00 (was 1100.00: Y\'s cap took o30\'s 300.00 of F)', () => expect(check(['all']).total).toBe('800.00'));
  it('{30}, then {00,03}: 800.00', () => expect(check([id('30'), `${id('00')},${id('03')}`]).total).toBe('800.00'));
  it('{00,03}, then {30}: 800.00', () => expect(check([`${id('00')},${id('03')}`, id('30')]).total).toBe('800.00'));
  it('{30} and {00,03} in one call: 800.00 (was 1100.00)', () => expect(check([`${id('30')},${id('00')},${id('03')}`]).total).toBe('800.00'));
});
