// Folders the output or the state needs, made where the system cannot make them. node 20's
// fs.mkdirSync(p, { recursive: true }) never returns under /proc (mkdir there answers ENOENT for a
// parent that exists, and node's recursive walk tries again for ever): `storeops init --dir /proc/x`
// spun at full CPU, deaf to SIGTERM, until killed with -9 (text46), and `--state /proc/x/state.db`
// or `roster plan -f ics -o /proc/x/` did the same. A cron line with a mistyped path would have hung
// every hour, each run adding one more spinning process. Now src/io/folders.ts makes one folder at a
// time and the first one the system refuses is the error: init exit 5, the state exit 4, the roster
// folder exit 5, each well inside the 30 s the test allows (before: killed at 30 s, status null).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolders } from '../../src/io/folders.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const PROC = '/proc/storeops-no-such-folder';
// Only where /proc is Linux's (mkdir under it refused with ENOENT): elsewhere the case says nothing.
const procRefuses = (() => {
  try {
    fs.mkdirSync(PROC);
    fs.rmdirSync(PROC);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' && fs.existsSync('/proc/self');
  }
})();
const LIMIT = { timeoutMs: 30_000 };

describe.runIf(procRefuses)('a folder the system cannot make (/proc) stops the run, not hangs it', () => {
  it('init --dir /proc/…: exit 5, nothing written', () => {
    const r = runCli(['init', '--dir', `${PROC}/shop`, '--lang', 'en'], LIMIT);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`storeops: error: cannot write ${PROC}/shop/storeops.config.json: no such file or folder; nothing was written`);
  });

  it('compensate --record --state /proc/…/state.db: exit 4, the -o file not written', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'v.csv');
    const r = runCli(
      ['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--as-of', '2026-11-20 12:00:00', '--record', '--state', `${PROC}/state.db`, '-q', '-o', out, '--lang', 'en'],
      LIMIT,
    );
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`storeops: error: cannot open or write the state database ${PROC}/state.db: no such file or folder (mkdir ${PROC})`);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('roster plan -f ics -o /proc/…/: exit 5 (zh)', () => {
    const r = runCli(['roster', 'plan', '--agents', '甲,乙,丙,丁,戊', '--month', '2026-12', '-f', 'ics', '-o', `${PROC}/`, '-q', '--lang', 'zh'], LIMIT);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`storeops: 错误: 无法创建文件夹 ${PROC}/: 找不到该文件或目录`);
  });
});

describe('makeFolders', () => {
  it('makes each missing folder, outermost first, and says which it made', () => {
    const dir = tmpDir();
    const made = makeFolders(path.join(dir, 'a', 'b', 'c'));
    expect(made).toEqual([path.join(dir, 'a'), path.join(dir, 'a', 'b'), path.join(dir, 'a', 'b', 'c')]);
    expect(fs.statSync(path.join(dir, 'a', 'b', 'c')).isDirectory()).toBe(true);
    expect(makeFolders(path.join(dir, 'a', 'b'))).toEqual([]);
  });

  it('a file in the way: the system error; a folder that cannot be made: those made before it removed again', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    expect(() => makeFolders(path.join(dir, 'file', 'sub'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(() => makeFolders(path.join(dir, 'file'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    // new/ is made, then its 300-byte child is refused (a name is at most 255 bytes): new/ goes again.
    expect(() => makeFolders(path.join(dir, 'new', 'x'.repeat(300)))).toThrow(expect.objectContaining({ code: 'ENAMETOOLONG' }));
    expect(fs.existsSync(path.join(dir, 'new'))).toBe(false);
    expect(makeFolders(path.join(dir, 'keep', 'deeper'), 0o700)).toHaveLength(2);
    expect(fs.statSync(path.join(dir, 'keep')).mode & 0o777).toBe(0o700);
  });
});
