// The config's "lang" (written by `storeops init` run in Chinese) speaks for a cron job without LANG:
// README "Language" puts it before LANG. Help and the errors found before a run's context is made (an
// unknown option, an --as-of without its year) ignored it: a Chinese shop's cron log got them in
// English (user10's desk: `storeops: error: unknown option '--recrod'`).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');

describe('the config\'s lang before the run starts', () => {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'storeops.config.json'), '{"lang": "zh"}\n');

  it('an unknown option, a year-less --as-of and --help are in Chinese without LANG; --lang en and STOREOPS_LANG=en still win', () => {
    const unknown = runCli(['compensate', ORDERS, '--recrod'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe("storeops: 错误: 未知选项 '--recrod'");
    const year = runCli(['compensate', ORDERS, '--as-of', '12月6日'], { cwd: dir });
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('--as-of');
    expect(year.stderr).not.toContain('has no year');
    const help = runCli(['compensate', '--help'], { cwd: dir });
    expect(help.stdout.split('\n')[0]).toBe('用法: storeops compensate [选项] <文件...>');
    expect(runCli(['compensate', ORDERS, '--recrod', '--lang', 'en'], { cwd: dir }).stderr.split('\n')[0]).toBe("storeops: error: unknown option '--recrod'");
    expect(runCli(['compensate', ORDERS, '--recrod'], { cwd: dir, env: { STOREOPS_LANG: 'en' } }).stderr.split('\n')[0]).toBe("storeops: error: unknown option '--recrod'");
    // --config names the file as for the run.
    const other = tmpDir();
    expect(runCli(['compensate', ORDERS, '--recrod', '--config', path.join(dir, 'storeops.config.json')], { cwd: other }).stderr.split('\n')[0]).toBe("storeops: 错误: 未知选项 '--recrod'");
    expect(runCli(['compensate', ORDERS, '--recrod'], { cwd: other }).stderr.split('\n')[0]).toBe("storeops: error: unknown option '--recrod'");
  });
});
