// `storeops init` names the state database in the config it writes. Found at a desk (user10, 阿芳):
// set up from the README, the hourly job has STOREOPS_STATE in the crontab and the config holds the
// WeCom robot; a check by hand in the same folder (no STOREOPS_STATE in her shell) used the default
// database instead, so it warned of nothing recorded and posted every voucher the job had recorded
// and announced to the group again, as new, to issue.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];

describe('init names the state database', () => {
  it('a fresh init writes "state": "storeops/state.db": the cron recipe\'s STOREOPS_STATE and a run by hand in the folder share it (zh and en)', () => {
    const home = tmpDir();
    const shop = path.join(home, 'shop');
    fs.mkdirSync(shop);
    const env = { HOME: home };
    const r = runCli(['init'], { cwd: shop, env });
    expect(r.code).toBe(0);
    const cfg = JSON.parse(fs.readFileSync(path.join(shop, 'storeops.config.json'), 'utf8'));
    expect(cfg.state).toBe('storeops/state.db');
    expect(r.stderr).toContain(`the config says "state": "storeops/state.db" (relative to the config: ${path.join(fs.realpathSync(shop), 'storeops', 'state.db')}): runs by hand in this folder and the cron job share one state database`);
    // The hourly job as the README writes it (STOREOPS_STATE=/srv/shop/storeops/state.db).
    const db = path.join(shop, 'storeops', 'state.db');
    const cron = runCli(['compensate', ORDERS, ...AS_OF, '--record', '-q', '-o', path.join(shop, 'v.csv')], { cwd: shop, env: { ...env, STOREOPS_STATE: db } });
    expect(cron.code).toBe(0);
    // By hand, no STOREOPS_STATE: the same database, so the voucher the job recorded is named. The
    // example's one final voucher to issue: order …903, 2000.00 × 5 % = 100.00, capped at 50.00.
    const hand = runCli(['compensate', ORDERS, ...AS_OF, '-f', 'csv'], { cwd: shop, env });
    expect(hand.stderr).toContain(`this run has no --record, so what it lists is not checked against the state database; but ${fs.realpathSync(db)} records orders of 1 voucher it lists to issue (50.00 of issueNow, counted in the summary's total to issue) as paid`);
    expect(fs.existsSync(path.join(home, '.local', 'share', 'storeops', 'state.db'))).toBe(false);
    const zh = runCli(['init', '--dir', 'zh', '--lang', 'zh'], { cwd: home, env });
    expect(zh.stderr).toContain(`配置中写入了 "state": "storeops/state.db" (相对于配置文件, 即 ${path.join(fs.realpathSync(home), 'zh', 'storeops', 'state.db')}): 在这个文件夹里手动运行和定时任务用同一个状态数据库`);
  });

  it('a database runs use already (the default one, or STOREOPS_STATE) is named by its full path, so nothing recorded there is listed as new again', () => {
    const home = tmpDir();
    const env = { HOME: home };
    // A shop that recorded into the default database before it made a config.
    expect(runCli(['compensate', ORDERS, ...AS_OF, '--record', '-q', '-o', path.join(home, 'v.csv')], { cwd: home, env }).code).toBe(0);
    const def = path.join(home, '.local', 'share', 'storeops', 'state.db');
    expect(fs.existsSync(def)).toBe(true);
    fs.mkdirSync(path.join(home, 'shop'));
    const r = runCli(['init', '-q'], { cwd: path.join(home, 'shop'), env });
    expect(JSON.parse(fs.readFileSync(path.join(home, 'shop', 'storeops.config.json'), 'utf8')).state).toBe(path.resolve(home, def));
    const again = runCli(['compensate', ORDERS, ...AS_OF, '--record', '-f', 'csv'], { cwd: path.join(home, 'shop'), env });
    expect(again.stdout.split('\n').filter((l) => l.includes(',50.00,') && l.includes('3515313147329357903'))[0]).toContain(',already_recorded,');
    // STOREOPS_STATE set when init runs: that file, whether made yet or not.
    const mine = path.join(home, 'ledger', 'shop.db');
    fs.mkdirSync(path.join(home, 'b'));
    runCli(['init', '-q'], { cwd: path.join(home, 'b'), env: { ...env, STOREOPS_STATE: mine } });
    expect(JSON.parse(fs.readFileSync(path.join(home, 'b', 'storeops.config.json'), 'utf8')).state).toBe(mine);
  });
});
