// The recording is committed once the rows are written to standard output, or, for -o FILE, once
// the file is written and synced but before it is put in place (test/state/record-crash.test.ts).
// When that commit fails (disk full, an I/O error), none of the vouchers is recorded, and the next
// run lists them again as new: the run must say so and not let the output be issued from (it exited
// 4 with the state database's usual "cannot write" message, so the operator issued from this output,
// retried next hour as the message says, and issued the same vouchers again). With -o FILE the file
// is not put in place at all.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../hardening/inproc.js';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';

const Database = createRequire(import.meta.url)('better-sqlite3') as { prototype: { exec(sql: string): unknown } };
const exec = Database.prototype.exec;
afterEach(() => {
  Database.prototype.exec = exec;
});

describe('compensate --record when the commit after writing the output fails', () => {
  it('exits 4 saying nothing was recorded (-o: and nothing written; stdout: not to issue from it); the next run records them', async () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = path.join(dir, 'a.csv');
    const out = path.join(dir, 'vouchers.csv');
    // 1000.00 paid 05-01 10:00, shipped 48 h 1 s later (1 s late): 5 % = 50.00.
    fs.writeFileSync(f, taobaoCsv([order('2000000000000000061', { 买家会员名: 'S', 买家应付货款: '1000.00', 买家应付邮费: '0.00', 买家实际支付金额: '1000.00', 订单状态: '交易成功', 订单付款时间: '2026-05-01 10:00:00', 订单创建时间: '2026-05-01 10:00:00', 发货时间: '2026-05-03 10:00:01' })]));
    Database.prototype.exec = function (this: unknown, sql: string) {
      if (sql === 'COMMIT') throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      return exec.call(this, sql);
    };
    const r = await cli(['compensate', f, '--record', '--state', state, '--as-of', '2026-06-01 00:00:00', '-o', out]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('the vouchers could not be recorded in the state database');
    expect(r.stderr).toContain('the output file was not written');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // Standard output: the rows went out before the commit failed.
    const o = await cli(['compensate', f, '--record', '--state', state, '--as-of', '2026-06-01 00:00:00', '-f', 'json']);
    Database.prototype.exec = exec;
    expect(o.code).toBe(4);
    expect(o.stderr).toContain('the output was written, but its vouchers could not be recorded');
    expect(o.stderr).toContain('Do not issue from this run\'s output');
    // Nothing recorded: the next run records the voucher and shows it as new, once.
    const again = runCli(['compensate', f, '--record', '--state', state, '--as-of', '2026-06-01 00:00:00', '-f', 'json']);
    expect((JSON.parse(again.stdout) as Record<string, unknown>[]).map((v) => [v.toIssue, v.recorded])).toEqual([['50.00', 'new']]);
  });
});
