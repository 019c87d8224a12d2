// money36: reissue-paths3.property.test.ts FUZZ_S=9250 seed 9261 (OWED=1: 260.00 paid, said,
// --reissue all and the one-at-a-time order the property drew agreeing, where a fresh ledger of the
// last export owes 210.00; the conflicts re-issued the other way round paid 210.00). Reduced to four
// of its eight orders and the same three exports (o03, o04 on time throughout, o01 and o30 left out;
// with two exports, or without o05, every way pays what a fresh ledger owes). Worked by hand from
// docs/rules.md §1.3 and §1.7: 155.00 is right, a fresh ledger's total: no money paid for good.
// tmall-2026 (§1.3; every order paid after 2026-04-09): late ≤ 72 h: 5 % of the payment, at least
// 5.00 and at most 50.00 an order; a buyer's orders paid on one Beijing calendar day combined,
// capped at 500.00 (no day here comes near it).
//
// Export 1: o05 P 100.00 paid 05-30 19:42, shipped 06-03 07:42 (84 h, 36 h late): 5.00;
//   o02 Q 2000.00 paid 05-31 15:09, shipped 06-04 17:09 (98 h, 50 h late): 100.00 → 50.00;
//   o00 Q 9000.00 paid 05-31 15:23, shipped 06-04 18:23 (99 h, 51 h late): 450.00 → 50.00.
//   A = P {05} 5.00; B = Q {02,00} 100.00 (day 05-31). 105.00 paid.
// Export 2: o00 P, paid 05-31 00:23 (66 h late): 50.00; o05 P, paid 05-31 09:42 (22 h late): 5.00;
//   o02 P, shipped 06-02 07:09 (40 h): on time. C = P {00,05} 55.00 (day 05-31) takes o00's 50.00
//   of B and o05's 5.00 of A: nothing anew; o02's 50.00 stays in B. 105.00.
// Export 3: o00 P, paid 05-30 19:23, shipped 06-04 18:23 (119 h, 71 h late): 50.00 (day 05-30);
//   o60 P 9000.00 paid 05-31 04:54, shipped 06-03 13:54 (81 h, 33 h late): 50.00 (day 05-31);
//   o02 P, shipped 06-05 14:09 (119 h, 71 h late): 50.00 (day 05-31);
//   o05 P, paid 06-01 04:42, shipped 06-03 07:42 (51 h, 3 h late): 5.00 (day 06-01).
//   Owed: X = P {00} 50.00, Y = P {60,02} 100.00, P {05} 5.00 (A, shown again as recorded):
//   155.00, a fresh ledger's.
// Where the money is (§1.7: "the money follows the order, to the voucher that now holds it"):
//   o00's 50.00, in C, pays X; o02's 50.00, still in B, pays 50.00 of Y, which issues o60's 50.00
//   anew; o05's 5.00 pays P {05}. 105.00 + 50.00 = 155.00, whichever conflict is re-issued first.
// The ledger (before): X, taken first (--reissue all, or X re-issued first), kept C's 50.00 back for
//   Y as money C took over from B, whose other order o02 Y holds, reachable "through Y's cap" (C's
//   opening 05-31 00:23 is in Y's day), besides keeping B's 50.00 back for Y: it took nothing and
//   issued 50.00 anew, o00's 50.00 paid twice (205.00). Y re-issued first took B's 50.00, and X then
//   C's 50.00 (155.00). But Y's cap cannot be reached (Y's 100.00 and all its day holds stay under
//   500.00): C's money counts toward nothing there (§1.7: "A window's cap counts money only when it
//   can be reached"), so it is not kept back for Y through that cap. Now 155.00 every way.
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, recorderIn, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000009261${n}`;
const late = (n: string, buyer: string, paid: string, at: string, ship: string) => shipped(id(n), buyer, paid, `2026-${at}:00`, `2026-${ship}:00`);
const e1 = [
  late('05', 'P', '100.00', '05-30 19:42', '06-03 07:42'),
  late('02', 'Q', '2000.00', '05-31 15:09', '06-04 17:09'),
  late('00', 'Q', '9000.00', '05-31 15:23', '06-04 18:23'),
];
const e2 = [
  late('00', 'P', '9000.00', '05-31 00:23', '06-04 18:23'),
  late('05', 'P', '100.00', '05-31 09:42', '06-03 07:42'),
  late('02', 'P', '2000.00', '05-31 15:09', '06-02 07:09'),
];
const e3 = [
  late('00', 'P', '9000.00', '05-30 19:23', '06-04 18:23'),
  late('60', 'P', '9000.00', '05-31 04:54', '06-03 13:54'),
  late('02', 'P', '2000.00', '05-31 15:09', '06-05 14:09'),
  late('05', 'P', '100.00', '06-01 04:42', '06-03 07:42'),
];
const X = id('00');
const Y = `${id('60')},${id('02')}`;

describe('seed 9261 reduced: money kept back for a voucher through a cap it cannot reach', () => {
  const check = (steps: readonly string[]) => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2, e3 });
    run(f.e1!, state);
    expect(total(state)).toBe('105.00');
    run(f.e2!, state);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('105.00');
    run(f.e3!, state);
    for (const ids of steps) run(f.e3!, state, '--reissue', ids);
    run(f.e3!, state, '--reissue', 'all');
    return total(state);
  };
  it('a fresh ledger of the third export: 155.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'fresh.db');
    run(files(dir, { e3 }).e3!, state);
    expect(total(state)).toBe('155.00');
  });
  it('--reissue all: 155.00 (paid 205.00: o00\'s 50.00 again)', () => expect(check(['all'])).toBe('155.00'));
  it('X then Y: 155.00 (paid 205.00)', () => expect(check([X, Y])).toBe('155.00'));
  it('Y then X: 155.00', () => expect(check([Y, X])).toBe('155.00'));
  it('X and Y in one call: 155.00 (paid 205.00)', () => expect(check([`${X},${Y}`])).toBe('155.00'));
});
