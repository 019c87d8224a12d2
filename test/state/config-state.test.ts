// The config's `state` is relative to the config file, like every path in it: a cron job that names
// the config from another folder records into the same database. A database left in the current
// folder (where a relative `state` used to point) is never swapped for a new, empty one.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const RECORD = ['compensate', ORDERS, '--as-of', '2026-12-01 00:00:00', '--record', '-q', '-f', 'json'];

describe('config state path', () => {
  it('is read relative to the config file, whatever folder the run starts in', () => {
    const shop = tmpDir();
    const elsewhere = tmpDir();
    const config = path.join(shop, 'storeops.config.json');
    fs.writeFileSync(config, JSON.stringify({ state: 'shop.db' }));
    const first = runCli([...RECORD, '--config', config], { cwd: elsewhere });
    expect(first.stderr).not.toContain('error');
    expect(fs.existsSync(path.join(shop, 'shop.db'))).toBe(true);
    expect(fs.existsSync(path.join(elsewhere, 'shop.db'))).toBe(false);
    // The same config from a third folder: the same database, every voucher already recorded.
    const again = runCli([...RECORD, '--config', config], { cwd: tmpDir() });
    // 小明爱购物's 50.00 (…903, 23 h late: 5 % × 2000.00 = 100.00 → 50.00) was recorded by the first run.
    const rows = JSON.parse(again.stdout) as { buyer: string; amount: string; recorded: string; toIssue: string }[];
    expect(rows.filter((r) => r.amount === '50.00').map((r) => [r.buyer, r.recorded, r.toIssue])).toEqual([['小明爱购物', 'already_recorded', '0.00']]);
  });

  it('a database in the current folder and none beside the config: exit 2, names both, nothing recorded', () => {
    const shop = tmpDir();
    const here = tmpDir();
    const config = path.join(shop, 'storeops.config.json');
    fs.writeFileSync(config, JSON.stringify({ state: 'shop.db' }));
    // Recorded before, when a relative state was read from the current folder.
    const before = runCli([...RECORD, '--state', path.join(here, 'shop.db')], { cwd: here });
    expect(before.code).toBe(0);
    const r = runCli([...RECORD, '--config', config], { cwd: here });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`the config's state "shop.db" is ${path.join(shop, 'shop.db')} relative to the config file (it does not exist), but ${path.join(here, 'shop.db')} exists in the current folder`);
    expect(r.stderr).toContain('write the full path in the config');
    expect(fs.existsSync(path.join(shop, 'shop.db'))).toBe(false);
    // --state settles it.
    expect(runCli([...RECORD, '--config', config, '--state', path.join(here, 'shop.db')], { cwd: here }).code).toBe(0);
  });
});
