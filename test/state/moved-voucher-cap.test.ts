// A recorded voucher all of whose orders a later export puts under another buyer: its money follows
// them, and its old buyer's cap counts only what they do not need (docs/rules.md §1.7, led12).
// reissue-paths3 FUZZ_S=1000 seed 1137: 2000.00 paid before, 1530.00 by hand now.
// tmall-2023 (§1.2; every order paid before 2026-04-09): 48 h to ship; 30 % of the paid amount, at least
// 5.00; one buyer's late orders paid within 24 h of a window's opening combined, capped at 500.00.
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000001137${n}`;

describe('a voucher whose only order moved to another buyer is not counted toward its old buyer\'s cap as well', () => {
  // Export 1: P o03 100.00 04-08 11:33, 122 h (30.00) → P {03} 30.00; Q o01 9000.00 04-08 22:18, 71 h
  //   (2700.00) → Q {01} 500.00; o04, o02, o00 shipped in 40 h (on time). 530.00.
  // Export 2: o01 is P's. P o30 2000.00 04-08 04:30, 80 h (600.00) opens a window; o03 (7 h 03 min
  //   later) and o01 (17 h 48 min) join: P {30,03,01} min(500, 3330) = 500.00 ← o03's 30.00 (P {03}) +
  //   470.00 of o01's 500.00 (Q {01}): nothing new. Q o02 3000.00 paid 04-07 23:54, 62 h (900.00) →
  //   Q {02} 500.00; its window (to 04-08 23:54) holds Q {01}'s opening (04-08 22:18), and the 30.00 of
  //   o01's money P {30,03,01} does not need stays there (§1.7): 470.00 new. 1000.00.
  //   (Before: Q {02}'s cap counted all 500.00 of Q {01} and P {30,03,01} issued 470.00 anew: 1000.00
  //   too, with o01's payment counted in both buyers' windows.)
  // Export 3: Q o60 9000.00 04-06 00:55, 70 h (2700.00) + o04 100.00 04-06 22:30, 116 h (30.00; 21 h 35 min
  //   later) → Q {60,04} 500.00 new. Q o00 3000.00 paid 04-07 20:13, 59 h (900.00; 43 h 18 min after
  //   o60: a window of its own) + o02 (3 h 41 min later) → Q {00,02} 500.00 ← Q {02}'s own 470.00; the
  //   30.00 Q {02} counted of Q {01} is stale (Q {01}'s opening 04-08 22:18 is past this window's end,
  //   04-08 20:13): 30.00 new. P {30,03,01} as recorded. 1530.00 (a fresh ledger owes 1500.00; o01's
  //   spare 30.00 is paid for good). Before: Q {00,02} found all of Q {02}'s 500.00 stale and issued
  //   500.00: 2000.00, o01's money paid twice over.
  const e1 = [
    shipped(id('04'), 'Q', '100.00', '2026-04-06 22:30:00', '2026-04-08 14:30:00'),
    shipped(id('02'), 'Q', '3000.00', '2026-04-07 15:54:00', '2026-04-09 07:54:00'),
    shipped(id('03'), 'P', '100.00', '2026-04-08 11:33:00', '2026-04-13 13:33:00'),
    shipped(id('00'), 'Q', '3000.00', '2026-04-08 15:13:00', '2026-04-10 07:13:00'),
    shipped(id('01'), 'Q', '9000.00', '2026-04-08 22:18:00', '2026-04-11 21:18:00'),
  ];
  const e2 = [
    shipped(id('04'), 'Q', '100.00', '2026-04-06 22:30:00', '2026-04-08 14:30:00'),
    shipped(id('02'), 'Q', '3000.00', '2026-04-07 23:54:00', '2026-04-10 13:54:00'),
    shipped(id('30'), 'P', '2000.00', '2026-04-08 04:30:00', '2026-04-11 12:30:00'),
    shipped(id('03'), 'P', '100.00', '2026-04-08 11:33:00', '2026-04-13 13:33:00'),
    shipped(id('00'), 'Q', '3000.00', '2026-04-08 15:13:00', '2026-04-10 07:13:00'),
    shipped(id('01'), 'P', '9000.00', '2026-04-08 22:18:00', '2026-04-11 21:18:00'),
  ];
  const e3 = [
    shipped(id('60'), 'Q', '9000.00', '2026-04-06 00:55:00', '2026-04-08 22:55:00'),
    shipped(id('04'), 'Q', '100.00', '2026-04-06 22:30:00', '2026-04-11 18:30:00'),
    shipped(id('00'), 'Q', '3000.00', '2026-04-07 20:13:00', '2026-04-10 07:13:00'),
    shipped(id('02'), 'Q', '3000.00', '2026-04-07 23:54:00', '2026-04-10 13:54:00'),
    shipped(id('30'), 'P', '2000.00', '2026-04-08 04:30:00', '2026-04-11 11:30:00'),
    shipped(id('03'), 'P', '100.00', '2026-04-08 11:33:00', '2026-04-13 13:33:00'),
    shipped(id('01'), 'P', '9000.00', '2026-04-08 22:18:00', '2026-04-13 15:18:00'),
  ];
  it('seed 1137: 1530.00 after the third export (2000.00 before led12)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2, e3 });
    run(f.e1!, state);
    expect(total(state)).toBe('530.00');
    expect(seen(run(f.e2!, state, '--reissue', 'all').rows)).toEqual([
      ['Q', '02', '500.00', '470.00', 'new'],
      ['P', '30,03,01', '500.00', '0.00', 'reissued'],
    ]);
    expect(total(state)).toBe('1000.00');
    expect(seen(run(f.e3!, state, '--reissue', 'all').rows)).toEqual([
      ['Q', '60,04', '500.00', '500.00', 'new'],
      ['Q', '00,02', '500.00', '30.00', 'reissued'],
      ['P', '30,03,01', '500.00', '0.00', 'already_recorded'],
    ]);
    expect(total(state)).toBe('1530.00');
  });
});
