// Two hourly cron runs at once (no flock), both `compensate --record -o FILE`. Run A records the
// 50.00 voucher, commits (with its "output not in place yet" marker), renames its file into place,
// then clears the marker, which needs the write lock again. Run B took the lock the moment A
// committed and holds it for all of its own recording. A waited only the busy timeout (5 s by
// default; a 200 000-row export's recording takes longer), gave up and ended; B then found the
// marker of a process no longer alive and said "the run of … recorded 1 voucher (total 50.00) but
// stopped before its output file … was in place … check whether it was issued", exit 1, though A's
// file was in place and A had ended normally. Seen with two runs on a 200 000-row export (17 666
// vouchers, 234 163.71): B exit 1 with that warning; now B exit 0, no warning.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';

// A (SLOW_AT=after-commit): right after its recording's COMMIT, says so and sleeps (the rename and
// fsync of a big file). B (SLOW_AT=begin): holds the write lock SLOW_MS after its first BEGIN IMMEDIATE.
const PRELOAD = `
import fs from 'node:fs';
import { createRequire } from 'node:module';
const Database = createRequire(process.env.SLOW_ROOT + '/package.json')('better-sqlite3');
const exec = Database.prototype.exec;
let slept = false;
const nap = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
Database.prototype.exec = function (sql) {
  const r = exec.call(this, sql);
  if (!slept && process.env.SLOW_AT === 'after-commit' && sql === 'COMMIT') { slept = true; fs.writeFileSync(process.env.SLOW_READY, 'committed'); nap(Number(process.env.SLOW_MS)); }
  if (!slept && process.env.SLOW_AT === 'begin' && sql === 'BEGIN IMMEDIATE') { slept = true; fs.writeFileSync(process.env.SLOW_READY, 'locked'); nap(Number(process.env.SLOW_MS)); }
  return r;
};
`;

const AS_OF = '2026-06-01 00:00:00';

async function untilExists(file: string): Promise<void> {
  for (let i = 0; i < 600 && !fs.existsSync(file); i++) await new Promise((r) => setTimeout(r, 25));
  expect(fs.existsSync(file)).toBe(true);
}

function run(dir: string, out: string, at: string, ready: string) {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: 'UTC', LANG: 'C', HOME: dir, NO_COLOR: '1',
    STOREOPS_BUSY_TIMEOUT_MS: '300', NODE_OPTIONS: `--import ${path.join(dir, 'slow.mjs')}`,
    SLOW_AT: at, SLOW_READY: ready, SLOW_MS: at === 'begin' ? '2500' : '1500', SLOW_ROOT: path.resolve('.'),
  };
  const p = spawn(process.execPath, [BIN, 'compensate', path.join(dir, 'a.csv'), '--record', '--fail-on', 'new-vouchers', '--state', path.join(dir, 'state.db'), '--as-of', AS_OF, '-o', out], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; stderr: string }>((r) => p.on('exit', (code) => r({ code, stderr })));
}

describe('two compensate --record runs at once (cron overlap)', () => {
  it('the second does not say the first stopped before its output was in place; the 50.00 is recorded once', async () => {
    const dir = tmpDir();
    // tmall-2026: 1000.00 paid 05-01 10:00:00, deadline 48 h later, shipped 05-03 10:00:01 (1 s
    // late): 5 % × 1000.00 = 50.00, within 5.00–50.00 → one voucher of 50.00.
    fs.writeFileSync(path.join(dir, 'a.csv'), taobaoCsv([
      order('2000000000000000081', { 买家会员名: 'T', 买家应付货款: '1000.00', 买家应付邮费: '0.00', 买家实际支付金额: '1000.00', 订单状态: '交易成功', 订单付款时间: '2026-05-01 10:00:00', 订单创建时间: '2026-05-01 10:00:00', 发货时间: '2026-05-03 10:00:01' }),
    ]));
    fs.writeFileSync(path.join(dir, 'slow.mjs'), PRELOAD);
    const readyA = path.join(dir, 'ready-a');
    const readyB = path.join(dir, 'ready-b');
    const a = run(dir, path.join(dir, 'a-out.csv'), 'after-commit', readyA);
    await untilExists(readyA);
    // A has committed and is putting its file in place; B starts now and takes the write lock.
    const b = run(dir, path.join(dir, 'b-out.csv'), 'begin', readyB);
    const [ra, rb] = await Promise.all([a, b]);
    // A recorded the 50.00 (new: exit 1 for --fail-on new-vouchers); its file is in place.
    expect(ra.code).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'a-out.csv'), 'utf8')).toContain(',50.00,');
    // While it waited for B's lock, A said why it had not ended yet.
    expect(ra.stderr).toContain("storeops: the output is in place and its vouchers recorded; waiting (up to 10 minutes) for another storeops run to finish with the state database");
    // B: already recorded, nothing to say, exit 0 (it was exit 1 with "stopped before its output file").
    expect(rb.stderr).not.toContain('stopped before');
    expect(rb.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'b-out.csv'), 'utf8')).toContain('already_recorded');
    // The next run says nothing either (A's marker was cleared), and the ledger holds 50.00 once.
    const next = runCli(['compensate', path.join(dir, 'a.csv'), '--record', '--state', path.join(dir, 'state.db'), '--as-of', AS_OF, '-f', 'json']);
    expect(next.stderr).not.toContain('stopped before');
    expect(next.code).toBe(0);
    expect(runCli(['ledger', 'list', '--state', path.join(dir, 'state.db')]).stderr).toContain('1 voucher recorded, total 50.00');
  }, 30000);
});
