// A config file, a rule file, a message template or a table the config names (reviews.keywords,
// zhenjian.categories, roster.traffic) that is a named pipe (FIFO) no program writes to. They were
// opened with a plain synchronous open(2), which waits for a writer: the run hung for ever, and its
// SIGTERM handler never ran (cron's timeout printed nothing, the process stayed until kill -9, and
// under `flock -n` every later run was skipped). Now such a file is refused at once — opened without
// waiting (O_NONBLOCK), then told as not a regular file — with exit 2 for the config and 3 for the
// others, as any unreadable file of theirs. The tables and exports (an --agents file, `roster check`'s
// roster) are inputs, read without blocking since the last round: a signal ends those (143).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const EXPORT = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];
// A hung run is killed after 15 s (code null); each of these answers in well under a second.
const HANG_MS = 15_000;
const NOT_REGULAR = 'it is not a regular file (a named pipe, a socket or a device); save the content to a file and name that';
let dir: string;
let fifo: string;

beforeAll(() => {
  dir = tmpDir();
  fifo = path.join(dir, 'storeops.config.json');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  expect(fs.statSync(fifo).isFIFO()).toBe(true);
  // A config naming the pipe as each of its tables (relative to the config file's folder).
  fs.writeFileSync(
    path.join(dir, 'tables.json'),
    JSON.stringify({ reviews: { keywords: 'storeops.config.json' }, zhenjian: { categories: 'storeops.config.json' }, roster: { traffic: 'storeops.config.json' } }),
  );
});

describe.concurrent('a named pipe with no writer where a hand-edited file is read: refused at once', () => {
  it('--config (en): exit 2, the config named as not a regular file', () => {
    const r = runCli(['rules', 'list', '--config', fifo, '-f', 'csv', '--lang', 'en'], { timeoutMs: HANG_MS });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`storeops: error: cannot read config file ${fifo}: ${NOT_REGULAR}`);
    expect(r.stdout).toBe('');
  });

  it('STOREOPS_CONFIG (zh), and ./storeops.config.json found in the current folder', () => {
    const z = runCli(['rules', 'list', '-f', 'csv', '--lang', 'zh'], { timeoutMs: HANG_MS, env: { STOREOPS_CONFIG: fifo } });
    expect(z.code).toBe(2);
    expect(z.stderr).toContain(`storeops: 错误: 无法读取配置文件 ${fifo}: 它不是普通文件 (而是命名管道、套接字或设备); 请把内容保存成一个文件再指定它`);
    const c = runCli(['rules', 'list', '-f', 'csv', '--lang', 'en'], { timeoutMs: HANG_MS, cwd: dir });
    expect(c.code).toBe(2);
    expect(c.stderr).toContain(`cannot read config file ${fifo}: ${NOT_REGULAR}`);
  });

  it('--rules a .json pipe: exit 3, nothing computed, the path hint (not "fix the field")', () => {
    const rules = path.join(dir, 'rules.json');
    expect(spawnSync('mkfifo', [rules]).status).toBe(0);
    const r = runCli(['compensate', EXPORT, ...AS_OF, '--rules', rules, '-f', 'csv', '--lang', 'en'], { timeoutMs: HANG_MS });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`storeops: error: cannot read rule file ${rules}: ${NOT_REGULAR}`);
    expect(r.stderr).toContain('hint: check the path; the built-in rule sets are in storeops rules list');
    expect(r.stdout).toBe('');
  });

  it('reviews message --template: exit 3', () => {
    const r = runCli(['reviews', 'message', '2987650012233445501', '--reviews', path.join(EXAMPLES, 'reviews.csv'), ...AS_OF, '--template', fifo, '--lang', 'en'], { timeoutMs: HANG_MS });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`cannot read template ${fifo}: ${NOT_REGULAR}`);
  });

  it('the config\'s reviews.keywords, zhenjian.categories and roster.traffic: exit 3 each', () => {
    const cfg = ['--config', path.join(dir, 'tables.json'), '-f', 'csv', '--lang', 'en'];
    const k = runCli(['reviews', 'queue', path.join(EXAMPLES, 'reviews.csv'), ...AS_OF, ...cfg], { timeoutMs: HANG_MS });
    expect(k.code).toBe(3);
    expect(k.stderr).toContain(`${fifo}: ${NOT_REGULAR}`);
    const z = runCli(['zhenjian', 'estimate', path.join(EXAMPLES, 'zhenjian-products.csv'), ...cfg], { timeoutMs: HANG_MS });
    expect(z.code).toBe(3);
    expect(z.stderr).toContain(`cannot read the category table ${fifo}: ${NOT_REGULAR}`);
    // roster.traffic is read only without --volume; it said "cannot be read (ENOTREG)" at first.
    const t = runCli(['roster', 'plan', '--month', '2026-11', '--agents', '3', ...cfg], { timeoutMs: HANG_MS });
    expect(t.code).toBe(3);
    expect(t.stderr).toContain(`storeops: error: traffic profile ${fifo} is not usable: cannot be read: ${NOT_REGULAR}`);
  });

  it('a regular config beside it is read as before (the pipe only named by another key)', () => {
    const ok = path.join(dir, 'ok.json');
    fs.writeFileSync(ok, JSON.stringify({ lang: 'zh' }));
    const r = runCli(['rules', 'list', '--config', ok, '-f', 'csv'], { timeoutMs: HANG_MS });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('规则集,平台,生效,失效(含当日),名称,赔付方式,合并与封顶,取整,档位数,来源');
  });
});
