// English messages said "1 duplicates", "1 rows read", "wrote 1 orders", "1 days off each": one of
// a thing is said in the singular (the Chinese has no plural and is unchanged).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

describe('one of a thing, in the singular', () => {
  it('orders: one file, one row, one order', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'one.csv');
    // The header and the first order (the bytes as they are: the export is GBK).
    const bytes = fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv'));
    fs.writeFileSync(f, bytes.subarray(0, bytes.indexOf(10, bytes.indexOf(10) + 1) + 1));
    const n = runCli(['orders', 'normalize', f, '--lang', 'en']);
    expect(n.stderr).toContain('1 row read: 1 accepted, 0 rejected, 0 duplicates; wrote 1 order\n');
    const i = runCli(['orders', 'inspect', f, '--lang', 'en']);
    expect(i.stderr).toContain('1 file: 1 row read = 1 accepted + 0 rejected + 0 duplicates');
  });

  it('roster plan --days-off 1: "1 day off each"', () => {
    const dir = tmpDir();
    const r = runCli(['roster', 'plan', '--month', '2026-11', '--agents', 'Ann,Bo,Cy,Di,Ed,Fay', '--days-off', '1', '--lang', 'en', '-o', path.join(dir, 'r.csv')]);
    expect(r.stderr).toContain('6 agents, staff D=1,H=1,N=1, 1 day off each;');
  });
});
