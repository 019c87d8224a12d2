// Two cases the three-export property test found (reissue-paths3.property.test.ts seeds 269 and 40;
// docs/cli.md `--record`, `--reissue`): re-issuing the conflicts one at a time records what
// --reissue all records. Every amount below is worked out by hand from docs/rules.md §1.2 (tmall-2023:
// 48 h to ship, 30 % per order, at least 5.00; a buyer's late orders paid within 24 h of a window's
// opening combined, 500.00 cap per window) and §1.3 (tmall-2026, paid from 04-09: 5 % for a ≤ 48 h
// window ≤ 72 h late, 5.00–50.00). Times are Beijing time; run under TZ=UTC and
// TZ=America/Los_Angeles. `total` is what the ledger says was issued (amounts less what was taken over).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { type Row, files, ledgerTotal, owedSaid, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = (file: string, state: string, ...more: string[]) => {
  const r = runCli(['compensate', file, '--state', state, '--as-of', '2026-07-01 00:00:00', '-f', 'json', '--record', ...more], { tz });
  return { ...r, rows: r.stdout ? (JSON.parse(r.stdout) as Row[]) : [] };
};
const total = (state: string) => ledgerTotal(state, tz);

describe('money kept back for a later conflict is at most what that conflict can take of it (tmall-2023, seed 269)', () => {
  // First export:
  //   o03 P 1000.00 paid 04-06 14:06, shipped 04-08 19:06 (53 h) → 300.00
  //   o04 Q 9000.00 paid 04-07 10:03, shipped 04-10 21:03 → 2700.00
  //   o00 P 2000.00 paid 04-07 14:34, shipped 04-10 21:34 → 600.00
  //   o05 P  100.00 paid 04-08 02:34, shipped 04-11 14:34 → 30.00
  //   o02 Q 1000.00 paid 04-08 06:42, shipped 04-12 03:42 → 300.00
  //   o01 Q 3000.00 paid 04-08 17:48, shipped 04-12 06:48 → 900.00
  //   P {03} 300.00; {00,05} (04-07 14:34 is past {03}'s 24 h) min(500, 630) = 500.00.
  //   Q {04,02} min(500, 3000) = 500.00; {01} (past 04-08 10:03) 500.00. Issued 1800.00.
  // Second export: o03 paid 04-05 19:06 (72 h late, 300.00: the same voucher); o00 is Q's, shipped
  //   04-11 09:34 (600.00); o05 shipped 04-09 18:34 (40 h): on time; o30 P 9000.00 new, paid 04-08
  //   13:22, shipped 04-12 13:22 (2700.00); o01 is P's, paid 04-08 13:48 (900.00).
  //   Q {04,00,02} 500.00: {04,02}'s 500.00 (o04's and o02's). P {30,01} 500.00: all of {01}'s 500.00
  //   (o01's money). Nothing new: 1800.00.
  // Third export: o04 left out; o03 paid 04-06 08:06 (the same voucher); o60 Q 3000.00 new, paid
  //   04-08 04:59, shipped 04-12 10:59 (900.00); o02 shipped 04-11 02:42 (300.00); o30 paid 04-08
  //   21:22 (2700.00); o01 paid 04-09 06:48, shipped 04-12 06:48: tmall-2026, 5 % × 3000 = 150 → 50.00.
  //   Q {00,60,02} 500.00: {04,00,02}'s 500.00 (it holds o00 and o02): nothing new.
  //   P {01} 50.00: of {30,01}'s 500.00, which is o01's money (taken over from {01}).
  //   P {30} 500.00: {30,01} holds no money of its own (all 500.00 was {01}'s, for o01): 500.00 new.
  //   Said and paid: 500.00; 2300.00 in all, whatever the order.
  // Before: {01} re-issued first kept all 500.00 of {30,01} back for {30}, which cannot take any of it
  //   (o01's money), so {01} issued 50.00 anew: one at a time 2350.00.
  const id = (n: string) => `61000000000000269${n}`;
  const e1 = [
    shipped(id('03'), 'P', '1000.00', '2026-04-06 14:06:00', '2026-04-08 19:06:00'),
    shipped(id('04'), 'Q', '9000.00', '2026-04-07 10:03:00', '2026-04-10 21:03:00'),
    shipped(id('00'), 'P', '2000.00', '2026-04-07 14:34:00', '2026-04-10 21:34:00'),
    shipped(id('05'), 'P', '100.00', '2026-04-08 02:34:00', '2026-04-11 14:34:00'),
    shipped(id('02'), 'Q', '1000.00', '2026-04-08 06:42:00', '2026-04-12 03:42:00'),
    shipped(id('01'), 'Q', '3000.00', '2026-04-08 17:48:00', '2026-04-12 06:48:00'),
  ];
  const e2 = [
    shipped(id('03'), 'P', '1000.00', '2026-04-05 19:06:00', '2026-04-08 19:06:00'),
    shipped(id('04'), 'Q', '9000.00', '2026-04-07 10:03:00', '2026-04-10 21:03:00'),
    shipped(id('00'), 'Q', '2000.00', '2026-04-07 14:34:00', '2026-04-11 09:34:00'),
    shipped(id('05'), 'P', '100.00', '2026-04-08 02:34:00', '2026-04-09 18:34:00'),
    shipped(id('02'), 'Q', '1000.00', '2026-04-08 06:42:00', '2026-04-12 03:42:00'),
    shipped(id('30'), 'P', '9000.00', '2026-04-08 13:22:00', '2026-04-12 13:22:00'),
    shipped(id('01'), 'P', '3000.00', '2026-04-08 13:48:00', '2026-04-12 06:48:00'),
  ];
  const e3 = [
    shipped(id('03'), 'P', '1000.00', '2026-04-06 08:06:00', '2026-04-08 19:06:00'),
    shipped(id('00'), 'Q', '2000.00', '2026-04-07 14:34:00', '2026-04-11 09:34:00'),
    shipped(id('05'), 'P', '100.00', '2026-04-08 02:34:00', '2026-04-09 18:34:00'),
    shipped(id('60'), 'Q', '3000.00', '2026-04-08 04:59:00', '2026-04-12 10:59:00'),
    shipped(id('02'), 'Q', '1000.00', '2026-04-08 06:42:00', '2026-04-11 02:42:00'),
    shipped(id('30'), 'P', '9000.00', '2026-04-08 21:22:00', '2026-04-12 13:22:00'),
    shipped(id('01'), 'P', '3000.00', '2026-04-09 06:48:00', '2026-04-12 06:48:00'),
  ];
  const q = [id('00'), id('60'), id('02')].join(',');
  for (const [name, steps] of [
    ['--reissue all', ['all']],
    ['{01} first, then {30} with {00,60,02}', [id('01'), `${id('30')},${q}`]],
    ['{01}, {30}, {00,60,02} one by one', [id('01'), id('30'), q]],
    ['{30} first, then {01}, then {00,60,02}', [id('30'), id('01'), q]],
  ] as const) {
    it(`${name}: 500.00 said and paid, 2300.00 in all`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { e1, e2, e3 });
      run(f.e1!, state);
      expect(total(state)).toBe('1800.00');
      run(f.e2!, state, '--reissue', 'all');
      expect(total(state)).toBe('1800.00');
      expect(owedSaid(run(f.e3!, state).rows)).toBe(50000);
      for (const ids of steps) run(f.e3!, state, '--reissue', ids);
      expect(total(state)).toBe('2300.00');
      run(f.e3!, state, '--reissue', 'all');
      expect(total(state)).toBe('2300.00');
    });
  }
});

describe('money that stays for a later conflict anyway is not kept back for it from a voucher of the re-issued one\'s window (tmall-2023, seed 40)', () => {
  // The data of reissue-one-by-one.test.ts "three exports … kept once" with other order ids (the
  // ledger's choice between earlier vouchers turned on the ids: 2000.00 here, 1500.00 there).
  // First export:
  //   o02 Q 3000.00 paid 05-31 02:25, shipped 06-04 17:25 → 900.00
  //   o03 Q  100.00 paid 05-31 04:49, shipped 06-03 06:49 (74 h) → 30.00
  //   o01 P 2000.00 paid 05-31 20:42, shipped 06-04 19:42 → 600.00
  //   o00 Q 3000.00 paid 06-01 07:52, shipped 06-04 19:52 → 900.00
  //   Q {02,03} min(500, 930) = 500.00; {00} (past 06-01 02:25) 500.00. P {01} 500.00. Issued 1500.00.
  // Second export: o03 paid 05-31 11:49, shipped 06-05 19:49 (30.00); o01 is Q's (600.00); o30 Q
  //   9000.00 new, paid 06-01 02:27, shipped 06-06 00:27 (2700.00).
  //   Q {02,03,01} (05-31 02:25 to 06-01 02:25) 500.00: {02,03}'s or {01}'s 500.00 (all their orders
  //   are in it; the other stays unused). Q {30,00} (opens 06-01 02:27) 500.00: {00}'s 500.00.
  //   Nothing new: 1500.00.
  // Third export: o03 is P's (30.00); o00 paid 05-31 14:52 (900.00); o01 shipped 06-04 02:42 (600.00);
  //   o60 Q 9000.00 new, paid 05-31 22:14, shipped 06-05 00:14 (2700.00).
  //   Q {02,00,01,60} (05-31 02:25 to 06-01 02:25) 500.00. P {03} 30.00. Q {30} (06-01 02:27) 500.00.
  //   P {03} 30.00: o03's 30.00 of {02,03} (or of {02,03,01}).
  //   Q {30}: its window (06-01 02:27 to 06-02 02:27) holds the recorded {30,00} (opened 06-01 02:27)
  //   and {00} (opened 06-01 07:52): the same buyer's vouchers of one rebuilt 24-hour window share
  //   the 500.00 cap across runs (docs/cli.md --record), and {00}'s 500.00, which {30,00} holds, was
  //   paid into it. It counts toward {30}'s cap unless {02,00,01,60} needs it for o00; it does not:
  //   {02,03}'s and {02,03,01}'s money (o02's and o01's, 970.00 after o03's 30.00), which {30}
  //   cannot take, stays for {02,00,01,60} anyway (docs/cli.md --reissue: money is kept back for a
  //   later conflict "less the money that stays for it anyway"). So {30} owes nothing, and
  //   {02,00,01,60} is paid by that money: nothing new.
  //   Said and paid: 0.00; 1500.00 in all, whatever the order (as a fresh ledger by buyer: Q got
  //   1000.00 for two windows it is owed 1000.00 for, P 500.00 for 30.00).
  // Before: which earlier voucher {02,00,01,60} took from, of three with one order outside it each,
  //   went by the voucher keys (hashes of the ids); here it took {30,00}'s 500.00 and left {30}
  //   500.00 to issue anew: said 500.00 and 2000.00 in all (1500.00 with the ids of
  //   reissue-one-by-one.test.ts). {30} re-issued first likewise kept {30,00}'s 500.00 back for
  //   {02,00,01,60}, though the money of {02,03} and {02,03,01} stays for it.
  const id = (n: string) => `61000000000000040${n}`;
  const e1 = [
    shipped(id('02'), 'Q', '3000.00', '2025-05-31 02:25:00', '2025-06-04 17:25:00'),
    shipped(id('03'), 'Q', '100.00', '2025-05-31 04:49:00', '2025-06-03 06:49:00'),
    shipped(id('01'), 'P', '2000.00', '2025-05-31 20:42:00', '2025-06-04 19:42:00'),
    shipped(id('00'), 'Q', '3000.00', '2025-06-01 07:52:00', '2025-06-04 19:52:00'),
  ];
  const e2 = [
    shipped(id('02'), 'Q', '3000.00', '2025-05-31 02:25:00', '2025-06-04 21:25:00'),
    shipped(id('03'), 'Q', '100.00', '2025-05-31 11:49:00', '2025-06-05 19:49:00'),
    shipped(id('01'), 'Q', '2000.00', '2025-05-31 20:42:00', '2025-06-04 19:42:00'),
    shipped(id('30'), 'Q', '9000.00', '2025-06-01 02:27:00', '2025-06-06 00:27:00'),
    shipped(id('00'), 'Q', '3000.00', '2025-06-01 07:52:00', '2025-06-04 19:52:00'),
  ];
  const e3 = [
    shipped(id('02'), 'Q', '3000.00', '2025-05-31 02:25:00', '2025-06-04 21:25:00'),
    shipped(id('03'), 'P', '100.00', '2025-05-31 11:49:00', '2025-06-05 19:49:00'),
    shipped(id('00'), 'Q', '3000.00', '2025-05-31 14:52:00', '2025-06-04 19:52:00'),
    shipped(id('01'), 'Q', '2000.00', '2025-05-31 20:42:00', '2025-06-04 02:42:00'),
    shipped(id('60'), 'Q', '9000.00', '2025-05-31 22:14:00', '2025-06-05 00:14:00'),
    shipped(id('30'), 'Q', '9000.00', '2025-06-01 02:27:00', '2025-06-06 00:27:00'),
  ];
  const w = [id('02'), id('00'), id('01'), id('60')].join(',');
  for (const [name, steps] of [
    ['--reissue all', ['all']],
    ['{30}, {03}, then {02,00,01,60}', [id('30'), id('03'), w]],
    ['{02,00,01,60}, {03}, then {30}', [w, id('03'), id('30')]],
  ] as const) {
    it(`${name}: nothing said or paid, 1500.00 in all`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { e1, e2, e3 });
      run(f.e1!, state);
      expect(total(state)).toBe('1500.00');
      run(f.e2!, state, '--reissue', 'all');
      expect(total(state)).toBe('1500.00');
      expect(owedSaid(run(f.e3!, state).rows)).toBe(0);
      for (const ids of steps) run(f.e3!, state, '--reissue', ids);
      expect(total(state)).toBe('1500.00');
      run(f.e3!, state, '--reissue', 'all');
      expect(total(state)).toBe('1500.00');
    });
  }
});
