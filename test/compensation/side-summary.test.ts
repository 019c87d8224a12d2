// A 合计/Total row typed below the ids of --exclude / --delivery-failures or below the scans of
// --shipments (docs/formats.md "A summary line after the last order"): skipped and named
// (file:line), never rejected as a bad id or read as a scan; a 合计 row with rows after it is rejected.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const EXPORT = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-11-25 00:00:00'];

describe('a trailing summary row in compensate side inputs', () => {
  const dir = tmpDir();
  const cases: [string, string, string][] = [
    // flag, the file as kept, the same with a 合计 row typed below
    ['--exclude', '订单编号\n3515313147329357901\n', '合计\n'],
    ['--delivery-failures', fs.readFileSync(path.join(EXAMPLES, 'delivery-failures.csv'), 'utf8'), '合计：1\n'],
    ['--shipments', fs.readFileSync(path.join(EXAMPLES, 'shipments.csv'), 'utf8'), '合计,1\n'],
  ];
  for (const [flag, text, total] of cases) {
    it(`${flag}: skipped and named, exit and vouchers as without it (before: rejected, exit 1)`, () => {
      const plain = path.join(dir, `plain${flag}.csv`);
      const summed = path.join(dir, `summed${flag}.csv`);
      fs.writeFileSync(plain, text);
      fs.writeFileSync(summed, text.endsWith('\n') ? text + total : `${text}\n${total}`);
      const lines = fs.readFileSync(summed, 'utf8').split('\n').filter((l) => l !== '').length;
      const a = runCli(['compensate', EXPORT, ...AS_OF, '-f', 'json', flag, plain]);
      const b = runCli(['compensate', EXPORT, ...AS_OF, '-f', 'json', flag, summed]);
      expect(b.code, b.stderr).toBe(a.code);
      expect(b.stdout).toBe(a.stdout);
      expect(b.stderr).toContain(`${summed}:${lines}: summary line, skipped`);
      expect(b.stderr).not.toContain('not an order id');
      expect(b.stderr).not.toContain('pickup time is missing');
      const zh = runCli(['compensate', EXPORT, ...AS_OF, '-f', 'json', flag, summed, '--lang', 'zh']);
      expect(zh.stderr).toContain(`${summed}:${lines}: 合计行, 已跳过`);
    });
  }

  it('--shipments: the scan count has the summary line as a part (2 read = 1 used + 1 summary line)', () => {
    const f = path.join(dir, 'ship.csv');
    // examples/shipments.csv: one scan row (3515313147329357902), then 合计,1.
    fs.writeFileSync(f, fs.readFileSync(path.join(EXAMPLES, 'shipments.csv'), 'utf8') + '合计,1\n');
    const r = runCli(['compensate', EXPORT, ...AS_OF, '-f', 'json', '--shipments', f]);
    expect(r.stderr).toContain(`--shipments ${f}: 2 scan row(s) read: 1 used, 1 summary line(s) at the end, skipped.`);
  });

  it('a 合计 row with ids after it is rejected (two lists pasted together), the ids after it read', () => {
    const f = path.join(dir, 'ex.csv');
    fs.writeFileSync(f, '订单编号\n合计\n3515313147329357901\n');
    const r = runCli(['compensate', EXPORT, ...AS_OF, '-f', 'json', '--exclude', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:2: a summary (total) line, but more rows follow it (line 3)`);
    expect(r.stderr).toContain('excluded: 3515313147329357901');
  });
});
