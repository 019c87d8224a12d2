// "permission denied" said exactly. An export this user may not read said only `cannot read
// orders.csv: permission denied`, with no hint; one in a folder this user may not enter (no x)
// added "check the path and name", and an output there was "no permission to write files in the
// folder" (it may write in it: it may not enter it). Each now names the file's or the folder's mode
// and owner and what to run. Found by hostile40 (setpriv to uid 65534 against root's files).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, tmpDir } from '../helpers.js';

const isRoot = process.getuid?.() === 0;
const uid = isRoot ? 65534 : process.getuid?.();
/** Runs storeops as uid 65534 when root (root may read anything), else as this user. */
function run(args: string[], cwd: string) {
  const argv = [process.execPath, BIN, ...args];
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: 'UTC', LANG: 'C', NO_COLOR: '1', HOME: cwd };
  const r = isRoot
    ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', ...argv], { cwd, env, encoding: 'utf8' })
    : spawnSync(argv[0]!, argv.slice(1), { cwd, env, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}
// As uid 65534 the checkout itself must be readable (not under a 0700 home).
const usable = process.platform === 'linux' && (!isRoot || spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, '--version']).status === 0);

describe.skipIf(!usable)('permission denied', () => {
  it('an export this user may not read, a folder it may not enter (reading and writing): mode, owner and what to run (zh and en)', () => {
    const dir = tmpDir();
    fs.chmodSync(dir, 0o777);
    const owner = process.getuid?.();
    fs.copyFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv'), path.join(dir, 'orders.csv'));
    fs.chmodSync(path.join(dir, 'orders.csv'), 0o000);
    const r = run(['compensate', 'orders.csv'], dir);
    expect([r.code, r.stderr]).toEqual([
      3,
      `storeops: error: cannot read orders.csv: this user (uid ${uid}) may not read it (mode 0000, owner uid ${owner})\n` +
        '  hint: have its owner make it readable (chmod a+r orders.csv, or chown it to the user that runs storeops), or run storeops as its owner.\n',
    ]);
    const zh = run(['compensate', 'orders.csv', '--lang', 'zh'], dir);
    expect(zh.stderr).toBe(
      `storeops: 错误: 无法读取 orders.csv: 当前用户 (uid ${uid})没有读取它的权限 (权限 0000, 属主 uid ${owner})\n` +
        '  提示: 请属主让它可读 (chmod a+r orders.csv, 或把它 chown 给运行 storeops 的用户), 或以属主身份运行 storeops。\n',
    );
    // A folder with rw but no x for anyone (chmod 666 for "make it writable").
    const shut = path.join(dir, 'shut');
    fs.mkdirSync(shut);
    fs.copyFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv'), path.join(shut, 'orders.csv'));
    fs.chmodSync(shut, 0o666);
    const cannotEnter = `cannot enter the folder ${shut}: this user (uid ${uid}) lacks its x (search) permission (mode 0666, owner uid ${owner})`;
    const hint = `  hint: have its owner run chmod a+x ${shut} (u+x when storeops runs as the owner), or run storeops as a user that may enter it.\n`;
    const inIt = run(['compensate', 'shut/orders.csv'], dir);
    expect([inIt.code, inIt.stderr]).toEqual([3, `storeops: error: cannot read shut/orders.csv: ${cannotEnter}\n${hint}`]);
    fs.chmodSync(path.join(dir, 'orders.csv'), 0o644);
    const out = run(['compensate', 'orders.csv', '--as-of', '2026-11-20 12:00:00', '-o', 'shut/v.csv'], dir);
    // Told before the export is read (no warning of it first), exit 5.
    expect([out.code, out.stderr]).toEqual([5, `storeops: error: cannot write output file shut/v.csv: ${cannotEnter}\n${hint}`]);
    const outZh = run(['compensate', 'orders.csv', '-o', 'shut/v.csv', '--lang', 'zh'], dir);
    expect(outZh.stderr).toContain(`无法进入文件夹 ${shut}: 当前用户 (uid ${uid})没有它的 x (进入) 权限 (权限 0666, 属主 uid ${owner})`);
    expect(outZh.stderr).toContain(`提示: 请属主运行 chmod a+x ${shut} (storeops 以属主身份运行时 chmod u+x 即可), 或以能进入它的用户运行 storeops。`);
    fs.chmodSync(shut, 0o755);
    expect(fs.readdirSync(shut)).toEqual(['orders.csv']);
  });
});
