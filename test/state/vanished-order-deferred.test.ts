// An order a later export lacks (reissue-paths seeds 258, 291, 1019, 1053, 1162, 1291 with OWED=1:
// "paid less than a fresh ledger owes", where that fresh ledger holds the lacking order as first
// seen). Not an underpayment: the ledger pays what the later export shows, and the lacking order's
// window when an export shows it again (docs/rules.md §1.7). This test passes before and after.
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `60000000000001291${n}`;

// tmall-2023 (§1.2): 48 h to ship; 30 %, at least 5.00; a buyer's late orders paid within 24 h of a
// window's opening combined, capped at 500.00. (Seed 1291, buyer P.)
// Export 1: o03 100.00 paid 05-31 14:00, shipped 06-02 20:00 (6 h late) → 30.00; o00 9000.00 paid
//   06-01 13:41 (23 h 41 min later: joins), shipped 06-06 09:41 → 2700.00. P {03,00} = 500.00.
// Export 2 lacks o03 (not in the file: refunded and deleted, or left out of the export's range); o00's
//   paid time is 06-01 22:41. P {00} = 500.00, paid by P {03,00}'s 500.00 (o00's share there is
//   2700.00): nothing new, 500.00 in all — all export 2 owes.
//   A fresh ledger holding o03 as export 1 showed it owes 530.00: o03 (05-31 14:00) and o00 (32 h
//   41 min later) are two windows, {03} 30.00 and {00} 500.00. Which is right turns on o03, which
//   export 2 does not show: the ledger does not pay for it until an export does.
// Export 3 = export 2 with o03 again: P {03} 30.00 owed (P {03,00}'s money went to o00's window, all
//   of it o00's share): 530.00, as the fresh ledger.
describe('an order the later export lacks is paid when an export shows it again (tmall-2023)', () => {
  const o03 = shipped(id('03'), 'P', '100.00', '2025-05-31 14:00:00', '2025-06-02 20:00:00');
  const e1 = [o03, shipped(id('00'), 'P', '9000.00', '2025-06-01 13:41:00', '2025-06-06 09:41:00')];
  const e2 = [shipped(id('00'), 'P', '9000.00', '2025-06-01 22:41:00', '2025-06-06 09:41:00')];
  const e3 = [o03, e2[0]!];
  it('500.00 on export 2, 530.00 once o03 is back', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2, e3 });
    run(f.e1!, state);
    expect(total(state)).toBe('500.00');
    expect(seen(run(f.e2!, state).rows)).toEqual([['P', '00', '500.00', '0.00', 'conflict']]);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('500.00');
    expect(seen(run(f.e3!, state).rows)).toEqual([
      ['P', '03', '30.00', '30.00', 'conflict'],
      ['P', '00', '500.00', '0.00', 'already_recorded'],
    ]);
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('530.00');
  });
});
