// reissue-paths3.property.test.ts FUZZ_S=3000 seed 3139 (the exports of ef3e32b, "WIP ledger"), on a
// path the property test does not take: the second export's conflict left unresolved (no --reissue),
// then the third export recorded and --reissue all. ef3e32b settled the property's path (1000.00
// every way) by giving back a cap share whose voucher's orders the export now shows on time
// (giveStale, "shown judged not late"), but on this path that money is also what caps another voucher
// of the same window: the same 500.00 pays P {01} and caps Q {31}, and 530.00 is paid where 830.00 is
// owed whatever reading is taken (review rev27). Left it.fails until the ledger settles it.
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const id = (n: string) => `61000000000003139${n}`;

// tmall-2023 (docs/rules.md §1.2; every order paid before 2026-04-09): 30 % of the goods, at least
// 5.00; 48 h to ship; a buyer's late orders paid within 24 h of a window's opening combined, 500.00 cap.
// Export 1:
//   Q o05 100.00 paid 04-07 03:33, shipped 85 h → 30.00; o01 9000.00 04-07 17:02, 84 h → 2700.00;
//     o04 1000.00 04-07 18:39, 66 h → 300.00: Q {05,01,04} one window (opened 03:33) = 500.00.
//   P o00 100.00 04-08 12:44, 91 h → 30.00: P {00} 30.00. o02, o03 shipped in 40 h: on time.
//   530.00 recorded.
// Export 2: o01 now P's (paid 04-07 05:02, 111 h → 2700.00), P o31 1000.00 04-07 21:23 (104 h → 300.00),
//   o00 paid 04-08 03:44 (98 h → 30.00): P {01,31,00} = 500.00, a conflict (o01 paid in Q's voucher,
//   o00 in P {00}), left without --reissue. Q o30 3000.00 04-07 13:56, 56 h → 900.00: Q {30} 500.00,
//   capped with Q's recorded window (500.00 paid): 0.00. o05 shipped in 40 h now: on time. o04 missing.
// Export 3: P o01 as before → P {01} = 500.00 (o00, paid 04-08 14:44, is 33 h 42 min after 04-07 05:02:
//   a window of its own, P {00} 30.00, recorded). Q o31 paid 04-08 02:23, 99 h → 300.00: Q {31}, 22 h 50 min
//   after Q's recorded window opened (04-07 03:33), capped with it: 500.00 paid there, 0.00 to issue.
//   o30 shipped in 41 h, o05 (P's now) in 40 h, o03 in 43 h: on time.
// Owed: P was paid 30.00 (for o00) and nothing for o01: P {01} 500.00 is to be issued; Q's 500.00 caps
//   its 04-07 window (o31 300.00, o04 300.00 as last seen, o05's 30.00 paid for good). 530.00 + 500.00 =
//   1030.00, as a fresh ledger of the last export with o04 as last seen (P {01} 500.00 + P {00} 30.00 +
//   Q {04,31} min(500, 600) = 500.00). Under any reading the vouchers the last export shows are owed
//   500.00 + 30.00 + 300.00 = 830.00, more than 530.00.
// ef3e32b: P {01} re-issued with 0.00 to issue (o01's part of Q {05,01,04}'s 500.00, which also caps
//   Q {31}): 530.00. Before ef3e32b: 1030.00.
const o = (n: string, buyer: string, paid: string, paidAt: string, shippedAt: string) => shipped(id(n), buyer, paid, `2026-${paidAt}:00`, `2026-${shippedAt}:00`);
const e1 = [
  o('02', 'P', '1000.00', '04-06 09:40', '04-08 01:40'),
  o('03', 'P', '100.00', '04-07 03:32', '04-08 19:32'),
  o('05', 'Q', '100.00', '04-07 03:33', '04-10 16:33'),
  o('01', 'Q', '9000.00', '04-07 17:02', '04-11 05:02'),
  o('04', 'Q', '1000.00', '04-07 18:39', '04-10 12:39'),
  o('00', 'P', '100.00', '04-08 12:44', '04-12 07:44'),
];
const e2 = [
  o('02', 'P', '1000.00', '04-06 09:40', '04-08 01:40'),
  o('03', 'P', '100.00', '04-07 03:32', '04-08 19:32'),
  o('01', 'P', '9000.00', '04-07 05:02', '04-11 20:02'),
  o('05', 'Q', '100.00', '04-07 11:33', '04-09 03:33'),
  o('30', 'Q', '3000.00', '04-07 13:56', '04-09 21:56'),
  o('31', 'P', '1000.00', '04-07 21:23', '04-12 05:23'),
  o('00', 'P', '100.00', '04-08 03:44', '04-12 05:44'),
];
const e3 = [
  o('03', 'P', '100.00', '04-07 00:32', '04-08 19:32'),
  o('01', 'P', '9000.00', '04-07 05:02', '04-11 20:02'),
  o('05', 'P', '100.00', '04-07 11:33', '04-09 03:33'),
  o('31', 'Q', '1000.00', '04-08 02:23', '04-12 05:23'),
  o('30', 'Q', '3000.00', '04-08 04:56', '04-09 21:56'),
  o('00', 'P', '100.00', '04-08 14:44', '04-12 05:44'),
];

describe('seed 3139, the second export\'s conflict left: P {01} is owed 500.00 (1030.00 in all)', () => {
  const dir = tmpDir();
  const state = path.join(dir, 'state.db');
  const f = files(dir, { e1, e2, e3 });
  it('the first two exports: 530.00 recorded, P {01,31,00} a conflict', () => {
    run(f.e1!, state);
    expect(ledgerTotal(state, tz)).toBe('530.00');
    expect(seen(run(f.e2!, state).rows).map((r) => [r[0], r[1], r[4]])).toEqual([
      ['P', '01,31,00', 'conflict'],
      ['Q', '30', 'new'],
    ]);
    expect(ledgerTotal(state, tz)).toBe('530.00');
  });
  it.fails('the third, then --reissue all: 1030.00 (ef3e32b: 530.00, P {01} 0.00 to issue)', () => {
    run(f.e3!, state);
    const all = run(f.e3!, state, '--reissue', 'all');
    expect(seen(all.rows).find((r) => r[1] === '01')).toEqual(['P', '01', '500.00', '500.00', 'reissued']);
    expect(ledgerTotal(state, tz)).toBe('1030.00');
  });
});
