// money36: reissue-paths3.property.test.ts FUZZ_S=9250 seed 9342 (OWED=1: 1900.00 paid, said,
// --reissue all and one at a time agreeing; a fresh ledger of the last export owes 1830.00, and
// export 1 straight to export 3 pays 1930.00). Reduced to four of its nine orders (o61, o04, o02
// on time throughout; o03 and o01, each in a window of its own, left out) and the same three
// exports. Worked by hand from docs/rules.md §1.2 and §1.7: 930.00 is owed; the ledger paid 900.00,
// 30.00 owed not issued (o00's 30.00 counted twice).
// tmall-2023 (§1.2; every order paid in 2025): 30 % of the goods, at least 5.00; 48 h to ship; a
// buyer's late orders paid within 24 h of a window's opening combined, capped at 500.00.
//
// Export 1: o05 P 1000.00 paid 05-31 01:25, shipped 06-03 15:25 (86 h, 38 h late): 300.00;
//   o06 Q 1000.00 paid 05-31 06:41, shipped 06-04 21:41 (111 h, 63 h late): A = Q {06} 300.00;
//   o00 P 100.00 paid 05-31 14:16, shipped 06-05 09:16 (115 h, 67 h late): 30.00, 12 h 51 min after
//   o05: B = P {05,00} 330.00 (o05's 300.00, o00's 30.00). 630.00 paid.
// Export 2: o06 paid 05-30 10:41 (131 h, 83 h late): 300.00; o05 Q, 14 h 44 min after o06: 300.00:
//   C = Q {06,05} min(600.00, 500.00) = 500.00; o00 shipped 06-05 11:16 (69 h late): D = P {00} 30.00
//   (window 05-31 14:16 to 06-01 14:16: B's opening, 01:25, is not in it).
//   D takes o00's 30.00 of B; C takes A's 300.00 (o06's, A's opening in C's own window) and 200.00 of
//   o05's 300.00 in B. o05's other 100.00 stays in B, in P's window where it was paid. 630.00.
// Export 3: o06 paid 05-31 00:41 (117 h, 69 h late), o05 as before: C = Q {06,05} 500.00 (as
//   recorded); o00 as before: 30.00; o60 P 1000.00 paid 06-01 03:34, shipped 06-05 14:34 (107 h, 59 h
//   late): 300.00, 13 h 18 min after o00: E = P {00,60} 330.00. Owed 830.00 (a fresh ledger's).
// Where the money is (§1.7): o00's 30.00, in D, pays o00 in E. o05's 100.00 left in B is money
//   o05's voucher (C, paid in full) does not need: it "stays where it was paid: it counts toward the
//   cap of the window it was recorded in, once" (B's, 05-31 01:25, which E's window does not hold;
//   E's cap, 330.00 < 500.00, cannot be reached anyway): it pays no other order. E issues o60's 300.00:
//   630.00 + 300.00 = 930.00 (export 1 straight to export 3 pays 930.00 too; a fresh ledger 830.00, as
//   it never paid o05's 100.00).
// The ledger (before): E took D's 30.00 (o00's, taken from B) and 30.00 more of B as o00's share
//   there, o05's money: E issued 270.00 (900.00), every way.
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000009342${n}`;
const late = (n: string, buyer: string, paid: string, at: string, ship: string) => shipped(id(n), buyer, paid, `2025-${at}:00`, `2025-${ship}:00`);
const e1 = [
  late('05', 'P', '1000.00', '05-31 01:25', '06-03 15:25'),
  late('06', 'Q', '1000.00', '05-31 06:41', '06-04 21:41'),
  late('00', 'P', '100.00', '05-31 14:16', '06-05 09:16'),
];
const e2 = [
  late('06', 'Q', '1000.00', '05-30 10:41', '06-04 21:41'),
  late('05', 'Q', '1000.00', '05-31 01:25', '06-03 15:25'),
  late('00', 'P', '100.00', '05-31 14:16', '06-05 11:16'),
];
const e3 = [
  late('06', 'Q', '1000.00', '05-31 00:41', '06-04 21:41'),
  late('05', 'Q', '1000.00', '05-31 01:25', '06-03 15:25'),
  late('00', 'P', '100.00', '05-31 14:16', '06-05 11:16'),
  late('60', 'P', '1000.00', '06-01 03:34', '06-05 14:34'),
];

describe('seed 9342 reduced: an order\'s share taken over once is not taken again from where it was', () => {
  it('export 1 straight to export 3: 930.00; a fresh ledger of export 3: 830.00', () => {
    const dir = tmpDir();
    const f = files(dir, { e1, e3 });
    const straight = path.join(dir, 'straight.db');
    run(f.e1!, straight);
    run(f.e3!, straight, '--reissue', 'all');
    expect(total(straight)).toBe('930.00');
    const fresh = path.join(dir, 'fresh.db');
    run(f.e3!, fresh);
    expect(total(fresh)).toBe('830.00');
  });
  it('three exports: E = P {00,60} issues 300.00, 930.00 (270.00 and 900.00 before)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2, e3 });
    run(f.e1!, state);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('630.00');
    expect(seen(run(f.e3!, state, '--reissue', 'all').rows)).toEqual([
      ['Q', '06,05', '500.00', '0.00', 'already_recorded'],
      ['P', '00,60', '330.00', '300.00', 'reissued'],
    ]);
    expect(total(state)).toBe('930.00');
  });
});
