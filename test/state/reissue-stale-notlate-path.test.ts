// reissue-paths3.property.test.ts FUZZ_S=3000 seed 3139 (the exports of ef3e32b, "WIP ledger"), on a
// path the property test does not take: the second export's conflict left unresolved (no --reissue),
// then the third export recorded and --reissue all. ef3e32b settled the property's path (1000.00
// every way) by giving back a cap share whose voucher's orders the export now shows on time
// (giveStale, "shown judged not late"), but on this path that money is also what caps another voucher
// of the same window: the same 500.00 pays P {01} and caps Q {31}, and 530.00 is paid where 830.00 is
// owed (review rev27; settled by led21: 830.00, below).
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
// Owed (docs/rules.md §1.7; led21): o30 is on time and in no voucher of the third run, so Q {30}'s cap
//   share is stale: Q {05,01,04}'s 500.00 is its orders' money again. The last export's vouchers come to
//   P {01} 500.00 + P {00} 30.00 + Q {31} 300.00 = 830.00; 530.00 is paid: P {00}'s 30.00 (o00's, stays
//   with P {00}) and Q {05,01,04}'s 500.00, which can pay P {01} (o01's money, following o01) or count
//   toward Q {31}'s window cap (o05's and o04's, staying where paid), never both ("one payment never
//   fills two buyers' windows"). Either way 300.00 more is issued: 830.00.
//   Not the reviewer's 1030.00 (a fresh ledger: P {01} 500.00 issued anew while Q's 500.00 caps
//   Q {04,31}): that counts o01's money toward Q's cap and pays o01 again. Export 1 straight to
//   export 3 pays 830.00 (d04aff9 too): Q {30}, which issued nothing and whose order is on time now,
//   changes nothing (second describe).
// The third run: Q {31}, new, takes 300.00 of Q {30}'s money (the cap share) as its cap cover and issues
//   nothing; --reissue all then gave P {01} all 500.00 of the share back as well (ef3e32b's "shown
//   judged not late" branch of giveStale): the 300.00 counted twice, 530.00. Now P {01} is given only
//   what Q {30} still holds of it (200.00) and issues 300.00: 830.00, whichever way. Before ef3e32b:
//   1030.00 (P {01} issued 500.00: Q's 500.00 counted by Q {31} and o01's money paid again).
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

describe('seed 3139, the second export\'s conflict left: 830.00 in all, whichever way', () => {
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
  const third = (steps: string[][]) => {
    const d = tmpDir();
    const st = path.join(d, 'state.db');
    const g = files(d, { e1, e2, e3 });
    run(g.e1!, st);
    run(g.e2!, st);
    const r = run(g.e3!, st);
    expect(seen(r.rows)).toEqual([
      // Said: 530.00 + 300.00 = 830.00 (ef3e32b said 0.00).
      ['P', '01', '500.00', '300.00', 'conflict'],
      ['Q', '31', '300.00', '0.00', 'new'],
      ['P', '00', '30.00', '0.00', 'already_recorded'],
    ]);
    expect(ledgerTotal(st, tz)).toBe('530.00');
    const out = steps.map((s) => run(g.e3!, st, '--reissue', ...s));
    return { out, total: ledgerTotal(st, tz) };
  };
  it('the third, then --reissue all: P {01} issues 300.00, 830.00 (ef3e32b: 0.00, 530.00; d04aff9: 500.00, 1030.00)', () => {
    run(f.e3!, state);
    const all = run(f.e3!, state, '--reissue', 'all');
    expect(seen(all.rows).find((r) => r[1] === '01')).toEqual(['P', '01', '500.00', '300.00', 'reissued']);
    expect(ledgerTotal(state, tz)).toBe('830.00');
  });
  it('{01} re-issued alone, then --reissue all: 830.00', () => {
    expect(third([[id('01')], ['all']]).total).toBe('830.00');
  });
});

describe('the same exports, export 1 straight to export 3: 830.00', () => {
  it('P {01} and Q {31} issue 300.00 between them', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e3 });
    run(f.e1!, state);
    run(f.e3!, state);
    run(f.e3!, state, '--reissue', 'all');
    expect(ledgerTotal(state, tz)).toBe('830.00');
  });
});
