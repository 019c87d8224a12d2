// --reissue naming an order id no voucher of the run holds (a typo, an order of another export, an
// order shipped on time): it re-issues nothing, and the run says so (zh/en) rather than passing
// over it silently, as an --exclude id that matches no order is reported.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledger, recorder, shipped } from './record-runs.js';

const record = recorder('2026-07-01 00:00:00');
const A = '5000000000000000001';
const ON_TIME = '5000000000000000002';
const TYPO = '5000000000000000010';

describe('--reissue naming orders no voucher holds', () => {
  it('warns with each such id; the voucher it names is recorded as usual', () => {
    const dir = tmpDir();
    const f = files(dir, {
      // RULES 1.3 tmall-2026 tier 5: paid 06-01 10:00, deadline 06-03 10:00 (48 h), shipped 06-04
      // 10:00 (24 h late): 1000.00 × 5 % = 50.00 (max 50.00). ON_TIME ships before its deadline.
      x: [shipped(A, 'P', '1000.00', '2026-06-01 10:00:00', '2026-06-04 10:00:00'), shipped(ON_TIME, 'Q', '1000.00', '2026-06-01 10:00:00', '2026-06-02 10:00:00')],
    });
    const state = path.join(dir, 'state.db');
    const r = record(f.x, state, '--reissue', `${TYPO},${A},${ON_TIME}`);
    expect(r.code).toBe(0);
    expect(r.rows.map((v) => [v.orderIds, v.toIssue, v.recorded])).toEqual([[[A], '50.00', 'new']]);
    expect(r.stderr).toContain(`--reissue: 2 of the 3 order id(s) it names are in no voucher of this run and re-issue nothing: ${TYPO}, ${ON_TIME}.`);
    expect(ledger(state).stderr).toContain('1 voucher recorded, total 50.00');
    // `all` and ids all in vouchers: nothing to say.
    expect(record(f.x, state, '--reissue', 'all').stderr).not.toContain('--reissue:');
    expect(record(f.x, state, '--reissue', A).stderr).not.toContain('--reissue:');
  });
});
