// The bench's references (issue 21's peers: scripts/duckdb-vouchers.mjs, polars-vouchers.mjs,
// pandas-vouchers.py, miller-vouchers.mjs, js-vouchers.mjs) each compute the voucher query on their own, from the
// rule files. The bench times them against storeops and its check section compares them voucher by
// voucher, so each must give the README's worked example exactly ("A worked example": the GBK
// 订单报表 examples/ExportOrderList202611.csv as of 2026-11-20 12:00, worked by hand there):
//   tmall-2026 (the rule in force): 小明爱购物 11-10: …901 (200.00 − 10.00) × 5 % = 9.50 and …902
//   12.00 × 5 % = 0.60 → 5.00 minimum, one calendar-day voucher 14.50 (the platform paid 62.00:
//   nothing to issue); …903 2000.00 × 5 % = 100.00 → 50.00 maximum, to issue; 阿花tb …502 99.90 × 5 %
//   = 4.995 → 5.00 (platform paid 30.00: nothing to issue); 老王的店铺 …701 (58.00 − 8.00) × 5 % = 2.50
//   → 5.00, to issue (provisional in storeops; the references know no provisional state).
//   In all 74.50, to issue 50.00 + 5.00 = 55.00, 5 late orders in 4 vouchers.
//   tmall-2023 forced (30 %, 5.00 minimum, rolling 24 h, 500.00 cap): 62.00 / 500.00 / 29.97 / 15.00,
//   606.97 in all, to issue 500.00 + 15.00 = 515.00.
// DuckDB and Polars are devDependencies and always run here, and so does the JS byte scanner
// (js-vouchers.mjs: no dependency; it reads the GBK export itself); pandas (python3-pandas) and Miller
// (mlr) are Debian packages the bench uses when installed, and are skipped when not.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, tmpDir } from '../helpers.js';

const AS_OF = '2026-11-20 12:00:00';
const GBK = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const has = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const python = ['python3', '/usr/bin/python3'].find((p) => has(p, ['-c', 'import pandas']));

interface Ref {
  name: string;
  cmd: string;
  script: string;
  /** reads the GBK export itself (else its UTF-8 copy) */
  gbk: boolean;
  available: boolean;
}
const refs: Ref[] = [
  { name: 'DuckDB', cmd: process.execPath, script: 'duckdb-vouchers.mjs', gbk: false, available: true },
  { name: 'Polars', cmd: process.execPath, script: 'polars-vouchers.mjs', gbk: false, available: true },
  { name: 'pandas', cmd: python ?? 'python3', script: 'pandas-vouchers.py', gbk: true, available: python !== undefined },
  { name: 'Miller', cmd: 'mlr', script: 'miller-vouchers.mjs', gbk: false, available: has('mlr', ['--version']) },
  { name: 'JS byte scanner', cmd: process.execPath, script: 'js-vouchers.mjs', gbk: true, available: true },
];

function utf8Copy(): string {
  const f = path.join(tmpDir(), 'ExportOrderList202611-utf8.csv');
  fs.writeFileSync(f, new TextDecoder('gb18030').decode(fs.readFileSync(GBK)));
  return f;
}

function run(ref: Ref, file: string, rules: string) {
  const cmd = ref.cmd === 'mlr' ? process.execPath : ref.cmd;
  const r = spawnSync(cmd, [path.join(ROOT, 'scripts', ref.script), file, '--as-of', AS_OF, '--rules', rules, '--list'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const j = JSON.parse(r.stdout) as { lateOrders: number; vouchers: number; amount: string; toIssue: string; list: { orderIds: string[]; amount: string; toIssue: string }[] };
  return { ...j, list: j.list.map((v) => [v.orderIds.join(';'), v.amount, v.toIssue]) };
}

describe.each(refs)('the bench reference $name', (ref) => {
  it.skipIf(!ref.available)('gives the worked example under the rule in force (tmall-2026)', () => {
    const r = run(ref, ref.gbk ? GBK : utf8Copy(), 'auto');
    expect(r.list).toEqual([
      ['2987650012233445502', '5.00', '0.00'],
      ['3515313147329357901;3515313147329357902', '14.50', '0.00'],
      ['3515313147329357903', '50.00', '50.00'],
      ['4100000000000000701', '5.00', '5.00'],
    ]);
    expect([r.lateOrders, r.vouchers, r.amount, r.toIssue]).toEqual([5, 4, '74.50', '55.00']);
  });

  it.skipIf(!ref.available)('gives the worked example under tmall-2023 forced', () => {
    const r = run(ref, ref.gbk ? GBK : utf8Copy(), 'tmall-2023');
    expect(r.list.map((v) => v[1])).toEqual(['29.97', '62.00', '500.00', '15.00']);
    expect([r.lateOrders, r.vouchers, r.amount, r.toIssue]).toEqual([5, 4, '606.97', '515.00']);
  });
});
