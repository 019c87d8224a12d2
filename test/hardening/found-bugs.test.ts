// Bugs the hardening corpus found in compensate --shipments and the roster readers. They were
// written as failing tests first; all are fixed now and these stay as regression tests.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { example, expectWellBehaved, run } from './cli.js';

const AS_OF = ['--as-of', '2026-11-25 10:00:00'];

describe('compensate --shipments: implausible pickup times are rejected (found by the corpus, fixed in a616528)', () => {
  // examples/ExportOrderList202611.csv: order …902 paid 2026-11-10 20:00, marked shipped
  // 2026-11-12 21:00 (49 h: 1 h late → 30 % of 12.00 = 3.60 → minimum 5.00, RULES 1.2).
  const scans = (time: string) => {
    const f = path.join(tmpDir(), 'shipments.csv');
    fs.writeFileSync(f, `订单编号,揽收时间\n3515313147329357902,${time}\n`);
    return f;
  };

  it('a scan in 1970 (an empty cell a spreadsheet made 0) is rejected, not "shipped before it was paid"', async () => {
    const f = scans('1970-01-01 08:00:00');
    const r = await run(['compensate', example('ExportOrderList202611.csv'), '--shipments', f, ...AS_OF, '--by', 'order', '-f', 'json']);
    expectWellBehaved(r);
    // Before a616528: accepted; …902 counted as shipped on time and dropped out of its voucher (5 late → 4).
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:2 [揽收时间]`);
    expect((JSON.parse(r.stdout) as { orderId: string }[]).map((o) => o.orderId)).toContain('3515313147329357902');
  });

  it('a scan in 2099 is rejected, not 636 000 hours late', async () => {
    const f = scans('2099-01-01 00:00:00');
    const r = await run(['compensate', example('ExportOrderList202611.csv'), '--shipments', f, ...AS_OF, '--by', 'order', '-f', 'json']);
    expectWellBehaved(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:2 [揽收时间]`);
  });
});

describe('roster check: rows it cannot read vanish without a word', () => {
  it('an unclosed quote that swallows two agents is reported (rejects file and stderr), not checked as a 1-agent roster', async () => {
    const dir = tmpDir();
    const f = path.join(dir, 'roster.csv');
    const rej = path.join(dir, 'rejects.csv');
    fs.writeFileSync(f, 'agent,2026-11-01,2026-11-02\n小王,D,N\n"小李,D,N\n小张,D,N\n');
    const r = await run(['roster', 'check', f, '--rejects', rej]);
    expectWellBehaved(r);
    // Today: "1 agents × 30 days", and the rejects file is empty.
    expect(r.stderr).toContain(`${f}:3: a quote opened at line 3 is never closed`);
    expect(fs.readFileSync(rej, 'utf8').trim().split('\n').length).toBe(2);
  });

  it('a row with more cells than the header is rejected (extra cells hold shifts for days that are not there)', async () => {
    const dir = tmpDir();
    const f = path.join(dir, 'roster.csv');
    fs.writeFileSync(f, 'agent,2026-11-01,2026-11-02\n小王,D,N,D,D\n');
    const r = await run(['roster', 'check', f]);
    expect(r.stderr).toMatch(/:2: this row has 5 cells but the header has 3/);
  });

  it('a roster with a header and no agents is unusable input (exit 3), not 90 coverage violations', async () => {
    const f = path.join(tmpDir(), 'roster.csv');
    fs.writeFileSync(f, 'agent,date,shift\r\n');
    const r = await run(['roster', 'check', f, '--month', '2026-11']);
    expect(r.code).toBe(3);
  });
});
