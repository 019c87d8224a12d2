// A misspelt state database: user12 (老陈) typed `--state storeops/stat.db` beside storeops/state.db.
// The run made a new, empty database and recorded every voucher of the export as new to issue (11
// vouchers, 700.60), exit 0 under -q, without a word: issued from that output, every one of them is
// paid twice. Now a --record run that made its database and recorded vouchers as new says so when the
// same folder holds another state database with vouchers recorded (zh/en, also under -q); the exit code
// is unchanged (the cron line's --fail-on new-vouchers already exits 1 for them).
//
// By hand (README worked example, tmall-2026, as of 2026-11-20 12:00): one final voucher to issue,
// …903's 2000.00 × 5 % = 100.00 capped at 50.00 (v0c7d9f4ff93c7daa0ab3).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const run = (state: string, out: string, ...more: string[]) =>
  runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '--no-input', '-o', out, ...more]);

describe('a --record run making a new state database beside another', () => {
  it('is said (en, zh) with the other database and its vouchers; the recording stands', () => {
    const dir = tmpDir();
    const real = path.join(dir, 'storeops', 'state.db');
    const first = run(real, path.join(dir, 'a.csv'));
    expect(first.code).toBe(0);
    expect(first.stderr).not.toContain('was made by this run');
    const typo = path.join(dir, 'storeops', 'stat.db');
    const r = run(typo, path.join(dir, 'b.csv'), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`the state database ${typo} was made by this run (it did not exist), which recorded 1 voucher as new; but the same folder holds the state database ${real} (1 voucher recorded).`);
    expect(r.stderr).toContain(`do not issue them again from this run's output; correct the name, delete the new ${typo} and run again`);
    // The voucher is in the new file as recorded new (the recording stands).
    expect(fs.readFileSync(path.join(dir, 'b.csv'), 'utf8')).toContain('v0c7d9f4ff93c7daa0ab3');
    // Once made, the database is not new: the next run into it says nothing of it.
    const again = run(typo, path.join(dir, 'c.csv'), '--lang', 'en');
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('was made by this run');
    // zh, a third new file.
    const zh = run(path.join(dir, 'storeops', 'sate.db'), path.join(dir, 'd.csv'), '--lang', 'zh');
    expect(zh.code).toBe(0);
    expect(zh.stderr).toContain(`是本次运行新建的 (之前不存在), 本次把 1 个红包记录为新红包; 但同一文件夹里已有状态数据库`);
    expect(zh.stderr).toContain(`${real} (已记录 1 个红包)`);
    expect(zh.stderr).toContain('不要照本次输出重复发放');
  });

  it('not said: a new database alone in its folder, or one recording nothing new (a 拼多多 shop the platform deducts for)', () => {
    const dir = tmpDir();
    const alone = run(path.join(dir, 'state.db'), path.join(dir, 'a.csv'));
    expect(alone.code).toBe(0);
    expect(alone.stderr).not.toContain('was made by this run');
    // Beside it, a run that records nothing (the example's PDD export under the example rule file,
    // platform-deducts: nothing to issue, nothing recorded).
    const pdd = runCli(['compensate', path.join(EXAMPLES, 'pdd-orders-202611.csv'), '--rules', path.join(EXAMPLES, '..', 'templates', 'rules', 'custom-example.json'), '--as-of', '2026-11-20 12:00:00', '--record', '--state', path.join(dir, 'pdd-state.db'), '-q', '--no-input', '-o', path.join(dir, 'p.csv')]);
    expect(pdd.stderr).not.toContain('was made by this run');
    expect(pdd.code).toBe(0);
  });
});
