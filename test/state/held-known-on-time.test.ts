// A voucher `held` for a 24-hour window the export can tell (review 26, reissue-paths3 FUZZ_S=1000
// seed 1147: P {00,30} held owing 300.00 at step 1, P {00} owing 30.00 at step 2, with every order of
// the ledger in the export). docs/cli.md --record: a tmall-2023 voucher is held when its window turns on
// recorded orders "the export lacks" — the ledger keeps only where each window opened, so whether such
// an order opens a window turns on the buyer's earlier orders, which neither shows. An order the export
// holds and judges on time (or one --exclude leaves out) is not lacking: its paid time is known and it
// opens no window. Held for it, the voucher could never be paid (the next export shows the same order),
// money the shop owes.
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000001147${n}`;

// tmall-2023 (docs/rules.md §1.2): 48 h to ship; 30 %, at least 5.00 per order; a buyer's late orders
// paid within 24 h of a window's opening combined, capped at 500.00.
// Export 1 (buyer P):
//   a (01) 3000.00 paid 06-10 02:00, shipped 06-12 06:00 (4 h late) → 900.00
//   b (02)  100.00 paid 06-10 20:00, shipped 06-13 00:00 (4 h late) →  30.00
//   P {a,b} = min(500, 930) = 500.00 recorded (a 900.00, b 30.00 in it).
// Export 2: a is shipped 06-11 18:00 (40 h: on time, the 发货时间 corrected); new orders
//   x (03)  100.00 paid 06-09 12:00, shipped 06-11 16:00 (4 h late) →  30.00
//   c (04) 1000.00 paid 06-10 22:00, shipped 06-13 02:00 (4 h late) → 300.00
//   Windows: x opens 06-09 12:00; b, 32 h later, opens {b,c} (c 2 h after b). Every order of the
//   ledger is in the export: nothing to hold.
//   {b,c} = 330.00: b's 30.00 of P {a,b} follows b: 300.00 to issue.
//   {x} = 30.00: P {a,b}'s other 470.00 (paid for a, on time now: it stays where it was paid, §1.7)
//   counts toward the cap of the window it was recorded in — opening 06-10 02:00, 14 h after x's: x's
//   rebuilt window — so x has room for 500.00 − 470.00 = 30.00: 30.00 to issue.
//   Paid in all: 500.00 + 30.00 + 300.00 = 830.00.
// Before: {b,c} was held owing 300.00 (a opened the recorded window and is not in a voucher of the
// export), run after run, as a stays on time: 530.00 paid.
describe('a recorded window opened by an order the export shows on time is not held (tmall-2023)', () => {
  const e1 = [shipped(id('01'), 'P', '3000.00', '2025-06-10 02:00:00', '2025-06-12 06:00:00'), shipped(id('02'), 'P', '100.00', '2025-06-10 20:00:00', '2025-06-13 00:00:00')];
  const e2 = [
    shipped(id('03'), 'P', '100.00', '2025-06-09 12:00:00', '2025-06-11 16:00:00'),
    shipped(id('01'), 'P', '3000.00', '2025-06-10 02:00:00', '2025-06-11 18:00:00'),
    shipped(id('02'), 'P', '100.00', '2025-06-10 20:00:00', '2025-06-13 00:00:00'),
    shipped(id('04'), 'P', '1000.00', '2025-06-10 22:00:00', '2025-06-13 02:00:00'),
  ];
  const setup = () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2 });
    run(f.e1!, state);
    expect(total(state)).toBe('500.00');
    return { state, f };
  };
  it('the run says {b,c} owes 300.00 and {x} 30.00; --reissue all pays them: 830.00', () => {
    const { state, f } = setup();
    const r = run(f.e2!, state);
    expect(seen(r.rows)).toEqual([
      ['P', '03', '30.00', '30.00', 'new'],
      ['P', '02,04', '330.00', '300.00', 'conflict'],
    ]);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('830.00');
  });
  it('--reissue of {b,c} alone pays 300.00 too: 830.00', () => {
    const { state, f } = setup();
    run(f.e2!, state);
    const r = run(f.e2!, state, '--reissue', `${id('02')},${id('04')}`);
    expect(seen(r.rows)).toEqual([
      ['P', '03', '30.00', '0.00', 'already_recorded'],
      ['P', '02,04', '330.00', '300.00', 'reissued'],
    ]);
    expect(total(state)).toBe('830.00');
  });
  // --exclude leaves a out: its paid time is known all the same (not held either).
  it('a left out with --exclude instead: the same 830.00', () => {
    const { state, f } = setup();
    const ex = path.join(path.dirname(state), 'exclude.txt');
    fs.writeFileSync(ex, `${id('01')}\n`);
    const e2b = files(path.dirname(state), { e2b: [e2[0]!, shipped(id('01'), 'P', '3000.00', '2025-06-10 02:00:00', '2025-06-12 06:00:00'), e2[2]!, e2[3]!] }).e2b!;
    run(e2b, state, '--exclude', ex);
    run(e2b, state, '--exclude', ex, '--reissue', 'all');
    expect(total(state)).toBe('830.00');
  });
});
