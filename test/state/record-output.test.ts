// --record commits what the run tells the operator to issue. Order rows (--by order) show each
// order's working before the cap and no word of what was recorded: a cron job running
// `--record --by order` recorded the vouchers while showing, hour after hour, the same orders with
// their uncapped amounts (2 × 300.00 + 2 × 50.00 = 700.00 listed for a day capped at 500.00).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';

describe('compensate --record --by order', () => {
  it('is a usage error (exit 2): nothing is read or recorded, the state database is not created', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = path.join(dir, 'a.csv');
    fs.writeFileSync(f, taobaoCsv([order('2000000000000000001', { 订单状态: '交易成功', 发货时间: '2026-11-20 09:00:00' })]));
    const r = runCli(['compensate', f, '--record', '--by', 'order', '--state', state]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--record does not go with --by order');
    expect(r.stdout).toBe('');
    expect(fs.existsSync(state)).toBe(false);
    const zh = runCli(['compensate', f, '--record', '--by', 'order', '--state', state, '--lang', 'zh']);
    expect(zh.stderr).toContain('--record 与 --by order 不能一起用');
  });
});
