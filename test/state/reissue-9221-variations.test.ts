// rev49 (review of money59 and money60): variations of reissue-9221-outside-counted-once.test.ts, the
// case where money60's keep-back cut (cover) and money59's bound on a keep-back (capCover, keptBy)
// now meet in one line. Same orders and amounts, worked by hand there (tmall-2023, §1.2: 30 %, 48 h,
// a buyer's late orders within 24 h of a window's opening capped at 500.00; §1.7): after export 2
// 1030.00; export 3 owes Q {30} 30.00 anew (its cap counts Q {06,30}'s 470.00 once), 1060.00.
// Varied here:
// - buyers swapped (P <-> Q everywhere): nothing in §1.2 or §1.7 depends on a buyer's name, so the
//   same 1030.00 and 1060.00;
// - o07 (Q, 800.00, paid 05-30 10:00, shipped 06-01 09:00: 47 h, on time) in every export: owed
//   nothing, opens no window (only late orders are combined under a cap): the same totals;
// - a fourth export equal to export 2 (o06 Q's again, o05 late again): owed Q {06,30} 500.00,
//   Q {05} 500.00, P {00} 30.00 = 1030.00, each paid by recorded money (Q {06,30}: o30's 500.00 in
//   Q {30} and o06's 30.00 back from P {06,00}; Q {05}: its own 500.00; P {00}: its own 30.00 and
//   o00's 30.00 in P {06,00}): nothing anew, 1060.00 stays.
// Q {30} re-issued first (the order money60 fixed) and --reissue all. No defect found: passes at
// 0c411870..HEAD (the combined line), UTC and America/Los_Angeles; at 10a6bdf9 (before money60) the
// two Q {30}-first cases pay 1090.00 after export 3 (and 1090.00 after export 4): the same 30.00 left
// out twice, so they guard money60's fix with the buyers swapped and with an order on time added.
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, recorderIn, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000009221${n}`;
const sets = (swap: boolean, extra: boolean) => {
  const b = (x: string) => (swap ? (x === 'P' ? 'Q' : 'P') : x);
  const o = (n: string, buyer: string, paid: string, at: string, ship: string) => shipped(id(n), b(buyer), paid, `2025-${at}:00`, `2025-${ship}:00`);
  const x = extra ? [o('07', 'Q', '800.00', '05-30 10:00', '06-01 09:00')] : [];
  const e1 = [o('00', 'Q', '100.00', '05-30 00:55', '06-02 10:55'), o('06', 'P', '100.00', '05-30 06:51', '06-02 23:51'), o('05', 'Q', '9000.00', '05-30 23:21', '06-02 20:21'), ...x];
  const e2 = [o('06', 'Q', '100.00', '05-29 18:51', '06-01 14:51'), o('00', 'P', '100.00', '05-30 08:55', '06-02 10:55'), o('30', 'Q', '9000.00', '05-30 15:36', '06-04 00:36'), o('05', 'Q', '9000.00', '05-30 23:21', '06-02 20:21'), ...x];
  const e3 = [o('06', 'P', '100.00', '05-29 18:51', '06-01 14:51'), o('00', 'P', '100.00', '05-30 08:55', '06-02 10:55'), o('30', 'Q', '9000.00', '05-30 15:36', '06-04 00:36'), o('05', 'Q', '9000.00', '05-30 23:21', '06-01 20:21'), ...x];
  return { e1, e2, e3, e4: e2 };
};
const totals = (swap: boolean, extra: boolean, order: string[]) => {
  const dir = tmpDir();
  const state = path.join(dir, 'state.db');
  const f = files(dir, sets(swap, extra));
  run(f.e1!, state);
  run(f.e2!, state);
  run(f.e2!, state, '--reissue', 'all');
  const t2 = total(state);
  run(f.e3!, state);
  for (const ids of order) run(f.e3!, state, '--reissue', ids);
  run(f.e3!, state, '--reissue', 'all');
  const t3 = total(state);
  run(f.e4!, state);
  run(f.e4!, state, '--reissue', 'all');
  return [t2, t3, total(state)];
};
const PAIR = `${id('06')},${id('00')}`;

describe('seed 9221 variant varied: buyers swapped, an order on time, o05 late again', () => {
  it('buyers swapped, Q {30} (now P {30}) re-issued first: 1030.00, 1060.00, 1060.00', () => expect(totals(true, false, [id('30'), PAIR])).toEqual(['1030.00', '1060.00', '1060.00']));
  it('o07 on time added, Q {30} re-issued first: 1030.00, 1060.00, 1060.00', () => expect(totals(false, true, [id('30'), PAIR])).toEqual(['1030.00', '1060.00', '1060.00']));
  it('both, --reissue all: 1030.00, 1060.00, 1060.00', () => expect(totals(true, true, [])).toEqual(['1030.00', '1060.00', '1060.00']));
});
