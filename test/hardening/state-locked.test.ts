// The state database held in a write transaction by a database tool (the sqlite3 shell, as an
// operator looking at the ledger leaves it after BEGIN, or DB Browser for SQLite with a change not
// yet written). The run said "another storeops run has held its lock", so the operator waited for a
// storeops run there was none of. It names the program now (Linux /proc), and nothing is recorded
// or written. Found by hostile40.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];
const haveSqlite3 = spawnSync('sqlite3', ['-version']).status === 0;

describe.skipIf(!haveSqlite3 || process.platform !== 'linux')('state database locked by the sqlite3 shell', () => {
  it('compensate --record and reviews log: exit 4 naming sqlite3 and its pid (zh and en); nothing recorded, -o left as it was', async () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    // A ledger with the README example's voucher (…903, 50.00) recorded as of 2026-11-20 12:00.
    expect(runCli(['compensate', ORDERS, ...AS_OF, '--record', '--state', state, '-o', path.join(dir, 'first.csv'), '-q']).code).toBe(0);
    const sh = spawn('sqlite3', [state], { stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      sh.stdin.write('BEGIN IMMEDIATE;\nCREATE TABLE held (a);\nSELECT \'locked\';\n');
      await new Promise<void>((resolve) => sh.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve()));
      const out = path.join(dir, 'vouchers.csv');
      fs.writeFileSync(out, 'last run\n');
      // As of 2026-11-25 the provisional voucher of order …701 is final: a run would record it.
      const r = runCli(['compensate', ORDERS, '--as-of', '2026-11-25 12:00:00', '--record', '--state', state, '-o', out, '-q'], { env: { STOREOPS_BUSY_TIMEOUT_MS: '300' } });
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(
        `storeops: error: state database ${state} is busy, retry later: another program has held its lock for more than 300 ms; it is open in sqlite3 (pid ${sh.pid})\n` +
          '  hint: run again when the other run has finished (a cron job simply retries on its next round); a database tool holding it must write its changes (commit) or close it. STOREOPS_BUSY_TIMEOUT_MS waits longer.\n',
      );
      expect(fs.readFileSync(out, 'utf8')).toBe('last run\n');
      const zh = runCli(['reviews', 'log', '3515313147329357903', '--status', 'contacted', '--state', state, '--lang', 'zh', ...AS_OF], { env: { STOREOPS_BUSY_TIMEOUT_MS: '300' } });
      expect(zh.code).toBe(4);
      expect(zh.stderr).toContain(`状态数据库 ${state} 正忙, 请稍后重试 (busy, retry): 另一个程序占用它已超过 300 毫秒; 打开它的程序: sqlite3 (pid ${sh.pid})\n`);
      expect(zh.stderr).toContain('数据库工具占用时, 在其中保存 (提交) 或关闭它。');
    } finally {
      sh.stdin.end('ROLLBACK;\n');
      await new Promise((r) => sh.on('close', r));
    }
    // Only the first run's voucher is recorded, and no contact: 1 row each way.
    const list = runCli(['ledger', 'list', '--state', state, '-f', 'csv', '-q']);
    expect(list.stdout.trim().split('\n').slice(1).map((l) => l.split(',')[3])).toEqual(['3515313147329357903']);
    expect(runCli(['ledger', 'list', '--what', 'contacts', '--state', state, '-f', 'csv', '-q']).stdout.trim().split('\n')).toHaveLength(1);
  });
});
