// The hourly job's environment is not the terminal's (guard44): the operator tried the crontab line
// by hand, with their HOME (the default state database is $XDG_DATA_HOME/storeops/state.db, else
// ~/.local/share/…), and cron runs it with another HOME or without XDG_DATA_HOME; or one of the two
// names another --state. The second run opened another state database, recorded every voucher the
// first had recorded as new again, to be issued twice, exit 0 — and, replacing the first run's
// `-o` list, said those vouchers were "already_recorded, toIssue 0.00" in this run. The `-o` file
// itself tells: it lists them recorded = new, and this database does not hold them. Now such a run
// is refused (exit 4, nothing recorded, the file left as it was); with the database the first run
// used it records as before, and with the file moved aside (a new ledger on purpose) too.
//
// By hand (README worked example, tmall-2026, as of 2026-11-20 12:00): one final voucher,
// …903's 2000.00 × 5 % = 100.00 capped at 50.00 (v0c7d9f4ff93c7daa0ab3).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const V903 = /v0c7d9f4ff93c7daa0ab3,.*,50\.00,no,late,final,.*,new,/;

describe('compensate --record -o over a list an earlier run recorded into another state database', () => {
  it('two HOMEs (terminal and cron), default state database: the second run is refused, exit 4, nothing recorded, -o as it was', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'vouchers.csv');
    const terminal = path.join(dir, 'home-terminal');
    const cron = path.join(dir, 'home-cron');
    const run = (home: string, lang = 'en') => runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '-q', '-o', out, '--lang', lang], { env: { HOME: home } });
    const first = run(terminal);
    expect(first.code).toBe(0);
    const list = fs.readFileSync(out, 'utf8');
    expect(list).toMatch(V903);
    const second = run(cron);
    // Before: exit 0, …903 recorded new again in cron's database (50.00 to issue a second time), and
    // "it listed 1 voucher an earlier run recorded as new …, which this run shows as already_recorded".
    expect(second.code).toBe(4);
    const state = path.join(cron, '.local', 'share', 'storeops', 'state.db');
    expect(second.stderr).toContain(
      `storeops: error: -o ${out} lists 1 voucher an earlier run recorded as new (recorded = new: v0c7d9f4ff93c7daa0ab3), but the state database ${state} does not hold it: this run would record it as new again, to be issued a second time. That run recorded into another state database (another --state, STOREOPS_STATE or config, or another HOME or XDG_DATA_HOME: cron's environment is not the terminal's?), or this one was replaced by an older copy; nothing was recorded, and -o ${out} was left as it was\n` +
        `  hint: run with the state database that run used (storeops ledger list --state FILE --order <order id> finds v0c7d9f4ff93c7daa0ab3 in it); if this database is the one to keep from now on, first check which vouchers in ${out} were issued, then move that file aside (or give -o another name) and run again.\n`,
    );
    expect(fs.readFileSync(out, 'utf8')).toBe(list);
    const held = runCli(['ledger', 'list', '--state', state, '-f', 'csv']);
    expect(held.stdout).not.toContain('v0c7d9f4ff93c7daa0ab3');
    const zh = run(cron, 'zh');
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain(`storeops: 错误: -o ${out} 列出之前一次运行新记录的 1 个红包 (记录 为 新记录: v0c7d9f4ff93c7daa0ab3), 但状态数据库 ${state} 里没有`);
    // The terminal's database again: already recorded, the replaced-list warning as before.
    const again = run(terminal);
    expect(again.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/v0c7d9f4ff93c7daa0ab3,.*,50\.00,no,late,final,.*,already_recorded,/);
    expect(again.stderr).toContain('it listed 1 voucher an earlier run recorded as new (recorded = new), which this run shows as already_recorded, toIssue 0.00');
  });

  it('a new ledger on purpose: the list moved aside, the run records as new (exit 0)', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'vouchers.csv');
    const run = (state: string) => runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '-o', out]);
    expect(run(path.join(dir, 'a.db')).code).toBe(0);
    expect(run(path.join(dir, 'b', 'state.db')).code).toBe(4);
    fs.renameSync(out, path.join(dir, 'vouchers-old-ledger.csv'));
    const fresh = run(path.join(dir, 'b', 'state.db'));
    expect(fresh.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(V903);
  });

  it('a misspelt --state beside the real one, over its -o list: refused without the "same folder" warning first; moved aside, the run then says it (guard45)', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'vouchers.csv');
    const run = (state: string) => runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', path.join(dir, state), '-q', '-o', out, '--lang', 'en']);
    expect(run('state.db').code).toBe(0);
    const refused = run('stat.db');
    expect(refused.code).toBe(4);
    // Before: "the state database …/stat.db was made by this run (it did not exist), which recorded 1
    // voucher as new; but the same folder holds …" came first, then "nothing was recorded".
    expect(refused.stderr).not.toContain('the same folder holds');
    expect(refused.stderr).toContain('nothing was recorded');
    // The refused run left stat.db made and empty; with the list moved aside the next run records
    // …903 new into it (1 voucher, 50.00) and says the folder holds state.db with 1 voucher. Before:
    // nothing said (the file was there already).
    fs.renameSync(out, path.join(dir, 'vouchers-old.csv'));
    const next = run('stat.db');
    expect(next.code).toBe(0);
    expect(next.stderr).toContain(
      `storeops: warning: the state database ${path.join(dir, 'stat.db')} held no voucher before this run, which recorded 1 voucher as new; but the same folder holds the state database ${path.join(dir, 'state.db')} (1 voucher recorded).`,
    );
  });
});
