// A new voucher's cap and money that a conflict of the same run could take but need not
// (reissue-paths3 FUZZ_S=1000 seed 1128, tmall-2023). docs/rules.md §1.7: money an order's voucher now
// does not need stays where it was paid and counts toward the cap of the window it was recorded in;
// "of two ways to pay a voucher, the money nothing else can use or count goes first".
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000001128${n}`;

// tmall-2023 (§1.2): 48 h to ship; 30 %, at least 5.00; a buyer's late orders paid within 24 h of a
// window's opening combined, capped at 500.00.
// Export 1: Q o00 3000.00 (900.00) 05-30 04:22 → Q {00} 500.00; P o05 100.00 (30.00) 05-30 18:48,
//   o06 1000.00 (300.00) 05-31 12:29, o03 2000.00 (600.00) 12:30, o01 1000.00 (300.00) 13:45 →
//   P {05,06,03,01} 500.00; P o02 3000.00 (900.00) 06-01 07:25 (36.6 h after o05) → P {02} 500.00. 1500.00.
// Export 2 (o06, o00 left out; o01 paid 16:45): P {05,03,01} 500.00, paid by P {05,06,03,01}'s;
//   Q o30 1000.00 (300.00) 06-01 09:09 new → Q {30} 300.00. --reissue all: 1800.00.
// Export 3: o30 is P's; o03 paid 05-31 05:30; o02 paid 06-01 19:25; Q o61 1000.00 (300.00) 06-01
//   06:38 new; o60 (Q) on time.
//   P {05,03,01} 500.00 as recorded. P {30,02} (o30 06-01 09:09 opens, 38.4 h after o05) 500.00: o02's
//   money, P {02}'s 500.00, pays it all — money nothing else can use; o30's 300.00 in Q {30} (paid
//   while o30 was Q's) is not needed and stays: it counts toward the cap of Q's window it was recorded
//   in, which Q {61} opens (06-01 06:38; Q {30} 2.5 h later).
//   Q {61} 300.00: 300.00 + 300.00 − 500.00 = 100.00 over the cap: 200.00 to issue. 2000.00 in all.
// (Q {61} issuing 300.00, its cap leaving out o30's 300.00 as taken by P {30,02}, would pay 2100.00:
// o02's 500.00 would then be spare where nothing can count it.)
describe('money a conflict need not take counts toward a new voucher\'s cap (tmall-2023, three exports)', () => {
  const e1 = [
    shipped(id('00'), 'Q', '3000.00', '2025-05-30 04:22:00', '2025-06-03 23:22:00'),
    shipped(id('05'), 'P', '100.00', '2025-05-30 18:48:00', '2025-06-04 13:48:00'),
    shipped(id('06'), 'P', '1000.00', '2025-05-31 12:29:00', '2025-06-05 11:29:00'),
    shipped(id('03'), 'P', '2000.00', '2025-05-31 12:30:00', '2025-06-05 06:30:00'),
    shipped(id('01'), 'P', '1000.00', '2025-05-31 13:45:00', '2025-06-04 11:45:00'),
    shipped(id('02'), 'P', '3000.00', '2025-06-01 07:25:00', '2025-06-05 00:25:00'),
  ];
  const e2 = [
    shipped(id('05'), 'P', '100.00', '2025-05-30 18:48:00', '2025-06-04 13:48:00'),
    shipped(id('03'), 'P', '2000.00', '2025-05-31 12:30:00', '2025-06-03 00:30:00'),
    shipped(id('01'), 'P', '1000.00', '2025-05-31 16:45:00', '2025-06-04 11:45:00'),
    shipped(id('02'), 'P', '3000.00', '2025-06-01 07:25:00', '2025-06-05 00:25:00'),
    shipped(id('30'), 'Q', '1000.00', '2025-06-01 09:09:00', '2025-06-05 14:09:00'),
  ];
  const e3 = [
    shipped(id('05'), 'P', '100.00', '2025-05-30 18:48:00', '2025-06-04 13:48:00'),
    shipped(id('03'), 'P', '2000.00', '2025-05-31 05:30:00', '2025-06-03 00:30:00'),
    shipped(id('01'), 'P', '1000.00', '2025-05-31 16:45:00', '2025-06-04 11:45:00'),
    shipped(id('61'), 'Q', '1000.00', '2025-06-01 06:38:00', '2025-06-05 22:38:00'),
    shipped(id('30'), 'P', '1000.00', '2025-06-01 09:09:00', '2025-06-05 14:09:00'),
    shipped(id('02'), 'P', '3000.00', '2025-06-01 19:25:00', '2025-06-05 00:25:00'),
    shipped(id('60'), 'Q', '3000.00', '2025-06-01 22:22:00', '2025-06-03 14:22:00'),
  ];
  it('Q {61} issues 200.00, P {30,02} nothing: 2000.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2, e3 });
    run(f.e1!, state);
    expect(total(state)).toBe('1500.00');
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1800.00');
    const r = run(f.e3!, state);
    expect(seen(r.rows)).toEqual([
      ['P', '05,03,01', '500.00', '0.00', 'already_recorded'],
      ['Q', '61', '300.00', '200.00', 'new'],
      ['P', '30,02', '500.00', '0.00', 'conflict'],
    ]);
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('2000.00');
  });
});
