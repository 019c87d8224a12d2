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

// Reissue-paths3 FUZZ_S=1000 seed 1003 (tmall-2023). Export 1: Q o00 9000.00 (2700.00) 05-30 19:47,
//   o01 100.00 (30.00) 20:59, o02 1000.00 (300.00) 05-31 02:27 → Q {00,01,02} 500.00; P o05 100.00
//   (30.00) 06-01 23:57 → P {05} 30.00. 530.00.
// Export 2: o00, o01 are P's → P {00,01} 500.00: 200.00 of Q {00,01,02}'s money (o00's and o01's,
//   what o02's 300.00 leaves) and 300.00 new; Q {02} 300.00 ← the other 300.00 of Q {00,01,02}
//   (o02's). P {05} (paid 06-02 00:57) as recorded. 830.00.
// Export 3 (o00 left out; o01 Q's again, paid 05-31 13:59, 30.00; o04 P 1000.00 paid 05-31 02:17,
//   shipped 06-03 06:17, late → 300.00; Q o60 100.00 (30.00) 05-30 04:06 new):
//   Q {01} 30.00: o01's money is the 30.00 of Q's money P {00,01} took over for it: nothing new.
//   P {04} 300.00: its window (05-31 02:17, rebuilt from P {00,01}'s opening 05-30 19:47, 6.5 h
//   before) holds P {00,01}, whose own 300.00 (issued for P's orders, o00's now: o00 is left out)
//   counts toward its cap, and so does the 170.00 of Q's money P {00,01} took over for o00 (§1.7:
//   money paid for an order follows the order and counts once, in the window the order is in now;
//   o00, lacking, stays in P {00,01}); o01's 30.00 counts in Q {01}'s window only: room 500.00 −
//   300.00 − 170.00 = 30.00 to issue. Q {60} (05-30 04:06; its window holds Q {02}'s 05-31 02:27
//   start, o02's 300.00 counts, room 200.00) 30.00 new.
//   Paid: 830.00 + 30.00 + 30.00 = 890.00 (a fresh ledger with o00, o02 as last seen: P {00,04}
//   500.00, Q {60,02} 330.00, Q {01} 30.00, P {05} 30.00 = 890.00).
// (With 3a75d24 to 2a273d4: P {04}'s cap took Q {01}'s 30.00 as out of P {00,01}'s own money and
// issued 230.00: 1090.00. Before the lacking-order fix the 170.00 counted toward no cap: P {04}
// issued 200.00, 1060.00 — right only as long as Q's window had room for it.)
describe('what a later conflict takes of money taken over for its orders does not shrink a cap (tmall-2023, three exports)', () => {
  const id3 = (n: string) => `61000000000001003${n}`;
  const e1 = [
    shipped(id3('00'), 'Q', '9000.00', '2025-05-30 19:47:00', '2025-06-03 00:47:00'),
    shipped(id3('01'), 'Q', '100.00', '2025-05-30 20:59:00', '2025-06-04 08:59:00'),
    shipped(id3('02'), 'Q', '1000.00', '2025-05-31 02:27:00', '2025-06-03 17:27:00'),
    shipped(id3('04'), 'P', '1000.00', '2025-05-31 08:17:00', '2025-06-02 00:17:00'),
    shipped(id3('03'), 'Q', '2000.00', '2025-06-01 03:03:00', '2025-06-02 19:03:00'),
    shipped(id3('05'), 'P', '100.00', '2025-06-01 23:57:00', '2025-06-07 03:57:00'),
  ];
  const e2 = [
    shipped(id3('00'), 'P', '9000.00', '2025-05-30 19:47:00', '2025-06-03 00:47:00'),
    shipped(id3('01'), 'P', '100.00', '2025-05-30 20:59:00', '2025-06-04 08:59:00'),
    shipped(id3('04'), 'P', '1000.00', '2025-05-31 02:17:00', '2025-06-02 00:17:00'),
    shipped(id3('02'), 'Q', '1000.00', '2025-05-31 02:27:00', '2025-06-03 05:27:00'),
    shipped(id3('03'), 'Q', '2000.00', '2025-06-01 03:03:00', '2025-06-02 19:03:00'),
    shipped(id3('05'), 'P', '100.00', '2025-06-02 00:57:00', '2025-06-07 03:57:00'),
  ];
  const e3 = [
    shipped(id3('60'), 'Q', '100.00', '2025-05-30 04:06:00', '2025-06-03 08:06:00'),
    shipped(id3('04'), 'P', '1000.00', '2025-05-31 02:17:00', '2025-06-03 06:17:00'),
    shipped(id3('01'), 'Q', '100.00', '2025-05-31 13:59:00', '2025-06-04 08:59:00'),
    shipped(id3('03'), 'Q', '2000.00', '2025-06-01 03:03:00', '2025-06-02 19:03:00'),
    shipped(id3('05'), 'P', '100.00', '2025-06-02 00:57:00', '2025-06-07 03:57:00'),
  ];
  it('P {04} issues 30.00, Q {60} 30.00: 890.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2, e3 });
    run(f.e1!, state);
    expect(total(state)).toBe('530.00');
    run(f.e2!, state);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('830.00');
    const r = run(f.e3!, state);
    expect(seen(r.rows)).toEqual([
      ['Q', '60', '30.00', '30.00', 'new'],
      ['P', '04', '300.00', '30.00', 'new'],
      ['Q', '01', '30.00', '0.00', 'conflict'],
      ['P', '05', '30.00', '0.00', 'already_recorded'],
    ]);
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('890.00');
  });
});
