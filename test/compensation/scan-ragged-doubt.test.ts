// A --shipments row wider than its header (a waybill list typed with unquoted commas) is rejected;
// the orders its cells name are kept provisional, as a row rejected for its pickup time keeps them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];

// …903 (小明爱购物, 2000.00, waybill No:773012345678903): paid 2026-11-11 10:00, shipped by 发货时间
// 2026-11-14 09:00, 23 h after the 48 h deadline of 11-13 10:00: tmall-2026 tier 5, 5 % × 2000.00 =
// 100.00, at most 50.00: 50.00.
// The scan rows below say it was picked up on 11-12 10:00 (on time, nothing owed), but each is
// rejected (4 cells under a 3-column header): judged by 发货时间, the 50.00 must not be final.
function run(rows: string) {
  const f = path.join(tmpDir(), 'scans.csv');
  fs.writeFileSync(f, '订单编号,运单号,揽收时间\n' + rows);
  const r = runCli(['compensate', ORDERS, ...AS_OF, '--shipments', f, '-f', 'csv', '--lang', 'en']);
  const v903 = r.stdout.split('\n').find((l) => l.includes(',3515313147329357903,'));
  return { ...r, f, v903 };
}

describe('--shipments: a row with more cells than the header holds the orders it names', () => {
  it('order id and an unquoted waybill list: …903 provisional, 0.00 to issue (was final, 50.00)', () => {
    const r = run('3515313147329357903,773012345678903,773012345678999,2026-11-12 10:00:00\n');
    expect(r.stderr).toContain(`${r.f}:2: this row has 4 cells but the header has 3 (extra cells hold data)`);
    expect(r.v903).toContain(',2000.00,50.00,50.00,no,late,provisional,23.0,');
    expect(r.stderr).toContain('0 vouchers totalling 0.00 to issue');
  });
  it("no order id, the order's waybill shifted into the time column: …903 provisional (was final)", () => {
    const r = run(',773012345678999,773012345678903,2026-11-12 10:00:00\n');
    expect(r.v903).toContain(',late,provisional,23.0,');
    expect(r.stderr).toContain('0 vouchers totalling 0.00 to issue');
  });
});
