// money60: reissue-paths3.property.test.ts FUZZ_S=9200 FUZZ_N=30 OWED=1 flags seed 9221 (2030.00 paid,
// a fresh ledger of the last export 1560.00): right as the rules read (o30's and o05's money, paid in
// two 24-hour windows in the second export, under one cap in the third: 470.00 spare; see
// owed-bound-paid-for-good.test.ts). Its third export with o05 shipped on time instead (a variant,
// not a seed) pays 30.00 more when Q {30} is re-issued first, and the run says 30.00 more than
// --reissue all records; reduced to four orders and three exports, worked by hand from docs/rules.md
// §1.2 and §1.7 and docs/cli.md --record (24-hour windows "rebuilt from the recorded windows'
// openings and the export's").
// tmall-2023 (§1.2; paid in 2025): 30 % of the goods, at least 5.00; 48 h to ship; a buyer's late
// orders paid within 24 h of a window's opening combined, capped at 500.00.
//
// Export 1: o00 Q 100.00 paid 05-30 00:55, shipped 06-02 10:55 (82 h, late): 30.00; o06 P 100.00
//   05-30 06:51, shipped 06-02 23:51 (89 h): 30.00; o05 Q 9000.00 05-30 23:21, shipped 06-02 20:21
//   (69 h): 2700.00, 22 h 26 min after o00's opening: Q {00,05} min(2730.00, 500.00) = 500.00,
//   P {06} 30.00. 530.00 paid.
// Export 2: o06 Q's, paid 05-29 18:51 (shipped 06-01 14:51, 68 h): 30.00, opens Q's window to 05-30
//   18:51; o30 Q 9000.00 05-30 15:36 (shipped 06-04 00:36, 105 h): 2700.00, in it: Q {06,30} 500.00;
//   o05 (23:21) opens the next window: Q {05} 500.00; o00 P's, 05-30 08:55 (74 h): P {00} 30.00.
//   1030.00 owed, 500.00 anew (the ledger records Q {06,30} taking o06's 30.00 of P {06} and counting
//   470.00 of Q {00,05}, opened 05-30 00:55 in its window, toward its cap; P {00} 30.00 and Q {05}
//   470.00 anew, Q {05} taking the 30.00 left of Q {00,05}). 1030.00 paid.
// Export 3: o06 P's again (05-29 18:51, 68 h) with o00 (05-30 08:55, 74 h): P {06,00} 60.00; o30 Q
//   (05-30 15:36, 105 h): Q {30} 500.00; o05 shipped 06-01 20:21, 45 h after payment: on time.
//   Q's windows rebuilt from the recorded openings (05-29 18:51 Q {06,30}, 05-30 00:55 Q {00,05},
//   05-30 23:21 Q {05}) and the export's (05-30 15:36): 05-29 18:51 to 05-30 18:51 holds Q {30},
//   Q {06,30} and Q {00,05}; 05-30 23:21 opens the next, with Q {05}.
//   Money (§1.7): o06's 30.00 (in Q {06,30}, taken over from P {06}) follows o06 and, with o00's 30.00
//   (P {00}), pays P {06,00}: nothing anew. Q {05}'s 500.00 was paid for o05, on time now: it stays in
//   the window Q {05} opened, which Q {30}'s does not hold: paid for good. In Q {30}'s window Q {06,30}
//   holds 470.00 beside o06's 30.00 (the cap share of Q {00,05}, whose orders are paid by P {00} and
//   Q {05}: money nothing else needs), which Q {30}'s cap counts: 500.00 - 470.00 = 30.00 anew.
//   1030.00 + 30.00 = 1060.00, whichever conflict is re-issued first (a fresh ledger: 560.00).
// Before: --reissue all and P {06,00} first 1060.00; Q {30} first 1090.00 (its cap counted 440.00:
//   o06's 30.00 left out twice, once as money Q {06,30} took over for an order of another window,
//   and again as kept back for P {06,00}; fixed: cover keeps back for the cap only what inGroupOf
//   does not leave out already); said Q {30} 60.00 (the same 30.00 left out twice: once as taken by
//   P {06,00} in the run, once as money taken over for o06; fixed: inGroupOf counts the takes of the
//   run's conflicts not recorded, held in `left`, as it counts a recorded voucher's).
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000009221${n}`;
const o = (n: string, buyer: string, paid: string, at: string, ship: string) => shipped(id(n), buyer, paid, `2025-${at}:00`, `2025-${ship}:00`);
const e1 = [
  o('00', 'Q', '100.00', '05-30 00:55', '06-02 10:55'),
  o('06', 'P', '100.00', '05-30 06:51', '06-02 23:51'),
  o('05', 'Q', '9000.00', '05-30 23:21', '06-02 20:21'),
];
const e2 = [
  o('06', 'Q', '100.00', '05-29 18:51', '06-01 14:51'),
  o('00', 'P', '100.00', '05-30 08:55', '06-02 10:55'),
  o('30', 'Q', '9000.00', '05-30 15:36', '06-04 00:36'),
  o('05', 'Q', '9000.00', '05-30 23:21', '06-02 20:21'),
];
const e3 = [
  o('06', 'P', '100.00', '05-29 18:51', '06-01 14:51'),
  o('00', 'P', '100.00', '05-30 08:55', '06-02 10:55'),
  o('30', 'Q', '9000.00', '05-30 15:36', '06-04 00:36'),
  o('05', 'Q', '9000.00', '05-30 23:21', '06-01 20:21'),
];

describe('seed 9221 variant: money taken over for an order of another window is left out of a cap once', () => {
  const upTo3 = () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2, e3 });
    expect(seen(run(f.e1!, state).rows)).toEqual([
      ['Q', '00,05', '500.00', '500.00', 'new'],
      ['P', '06', '30.00', '30.00', 'new'],
    ]);
    run(f.e2!, state);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1030.00');
    return { f, state };
  };
  it('a fresh ledger of the third export: 560.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'fresh.db');
    run(files(dir, { e3 }).e3!, state);
    expect(total(state)).toBe('560.00');
  });
  it('said: Q {30} owes 30.00; --reissue all 1060.00', () => {
    const { f, state } = upTo3();
    expect(seen(run(f.e3!, state).rows)).toEqual([
      ['P', '06,00', '60.00', '0.00', 'conflict'],
      ['Q', '30', '500.00', '30.00', 'conflict'],
    ]);
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('1060.00');
  });
  const oneAtATime = (order: string[]) => {
    const { f, state } = upTo3();
    run(f.e3!, state);
    for (const ids of order) run(f.e3!, state, '--reissue', ids);
    run(f.e3!, state, '--reissue', 'all');
    return total(state);
  };
  it('P {06,00} re-issued first, then Q {30}: 1060.00', () => expect(oneAtATime([`${id('06')},${id('00')}`, id('30')])).toBe('1060.00'));
  it('Q {30} re-issued first, then P {06,00}: 1060.00', () => expect(oneAtATime([id('30'), `${id('06')},${id('00')}`])).toBe('1060.00'));
});
