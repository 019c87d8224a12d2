// A state database that cannot be opened was told only after the whole export had been read and
// judged (a million-row cron run spent a minute, then exit 4). It is now checked before any input
// is read: the error is the only thing on stderr (no warning from reading the export before it),
// and an input that would itself fail (a missing review file, exit 3) is not reached.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StateError } from '../../src/errors.js';
import { openState } from '../../src/state/ledger.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-11-21 12:00:00'];
const damaged = (f: string) =>
  `storeops: error: the state database ${f} is not an SQLite database but binary data of another kind; it was left untouched\n` +
  "  hint: storeops' state database is a .db file storeops makes itself: check that --state, STOREOPS_STATE or the config's state names the right file; to start a new one, give a name no file has yet (e.g. --state storeops-state.db). If it was the state database and its start was overwritten, restore it from a backup.\n";

function junkDb(): string {
  const f = path.join(tmpDir(), 'state.db');
  fs.writeFileSync(f, Buffer.concat([Buffer.from([0]), crypto.randomBytes(8191)]));
  return f;
}

describe('the state database is checked before the inputs are read', () => {
  it('compensate --record, a damaged database: exit 4 and only its error (before: the export\'s two warnings first)', () => {
    const bad = junkDb();
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--record', '--state', bad]);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(damaged(bad));
  });

  it('compensate --record, --state in a folder that cannot be made (a file is in its way): exit 4, nothing read, nothing made', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'file'), '');
    const state = path.join(dir, 'file', 'sub', 'state.db');
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--record', '--state', state, '--lang', 'zh']);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(
      `storeops: 错误: 无法打开或写入状态数据库 ${state}: 路径中有一段不是文件夹 (创建文件夹 ${path.join(dir, 'file', 'sub')})\n` +
        '  提示: 检查该文件和所在文件夹的权限与磁盘空间, 或用 --state 指定别的文件。\n',
    );
    expect(fs.readdirSync(dir)).toEqual(['file']);
  });

  it('compensate --record, a database another run holds exclusively: busy (exit 4) before reading', () => {
    const f = path.join(tmpDir(), 'state.db');
    const holder = new Database(f);
    holder.pragma('journal_mode = WAL');
    holder.exec('CREATE TABLE t (a)');
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    holder.exec('INSERT INTO t VALUES (1)');
    try {
      const r = runCli(['compensate', ORDERS, ...AS_OF, '--record', '--state', f], { env: { STOREOPS_BUSY_TIMEOUT_MS: '200' } });
      expect(r.code).toBe(4);
      expect(r.stderr).toBe(
        `storeops: error: state database ${f} is busy, retry later: another program has held its lock for more than 200 ms; it is open in node (pid ${process.pid})\n` +
          '  hint: run again when the other run has finished (a cron job simply retries on its next round); a database tool holding it must write its changes (commit) or close it. STOREOPS_BUSY_TIMEOUT_MS waits longer.\n',
      );
    } finally {
      holder.close();
    }
  });

  it('a write lock another run holds while recording does not stop the check (hourly runs do not wait for each other longer than before)', async () => {
    const f = path.join(tmpDir(), 'state.db');
    (await openState(f)).close();
    const holder = new Database(f);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const r = runCli(['compensate', ORDERS, ...AS_OF, '--record', '--state', f], { env: { STOREOPS_BUSY_TIMEOUT_MS: '200' } });
      // The check passed (the export was read and judged: its warnings), and the recording then
      // waited its 200 ms for the lock as it always did.
      expect(r.code).toBe(4);
      expect(r.stderr).toBe(
        "storeops: warning: no pickup scans given (--shipments): using the export's 发货时间 (when the seller marked it shipped) as the ship time.\n" +
          `storeops: warning: 1 closed order never shipped and has no close time in the export, so whether it was closed before the deadline cannot be told (closed_unshipped); not judged: 4100000000000000702 (${ORDERS}:8).\n` +
          `storeops: error: state database ${f} is busy, retry later: another program has held its lock for more than 200 ms; it is open in node (pid ${process.pid})\n` +
          '  hint: run again when the other run has finished (a cron job simply retries on its next round); a database tool holding it must write its changes (commit) or close it. STOREOPS_BUSY_TIMEOUT_MS waits longer.\n',
      );
    } finally {
      holder.close();
    }
  });

  it('reviews log: a damaged database is told before --reviews is read (a missing review file: exit 3 before)', () => {
    const bad = junkDb();
    const r = runCli(['reviews', 'log', '3551234567890123456', '--status', 'contacted', '--reviews', path.join(tmpDir(), 'missing.csv'), '--state', bad]);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(damaged(bad));
  });

  it('reviews queue: a damaged database is told before the review file is read (exit 3 before)', () => {
    const bad = junkDb();
    const r = runCli(['reviews', 'queue', path.join(tmpDir(), 'missing.csv'), '--state', bad]);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(damaged(bad));
  });

  it('reviews queue: a missing database is still "no contacts yet", and is not created', () => {
    const state = path.join(tmpDir(), 'none', 'state.db');
    const r = runCli(['reviews', 'queue', path.join(EXAMPLES, 'reviews.csv'), '--state', state, '-q', '--as-of', '2026-11-21 12:00:00']);
    expect(r.code).not.toBe(4);
    expect(fs.existsSync(path.dirname(state))).toBe(false);
  });
});

describe('checkState: the SQLite module not built', () => {
  afterEach(() => {
    vi.doUnmock('better-sqlite3');
    vi.resetModules();
  });
  it('a database not made yet: exit 4 saying the module is not built (before: said when recording, after the read)', async () => {
    vi.resetModules();
    vi.doMock('better-sqlite3', () => ({
      default: class {
        constructor() {
          throw new Error('Could not locate the bindings file. Tried:\n → /x/node_modules/better-sqlite3/build/better_sqlite3.node');
        }
      },
    }));
    const { checkState } = await import('../../src/state/ledger.js');
    const f = path.join(tmpDir(), 'state.db');
    const e = await checkState(f, { write: true }).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf((await import('../../src/errors.js')).StateError);
    expect((e as StateError).exitCode).toBe(4);
    expect((e as StateError).text.en).toBe(
      `cannot open the state database ${f}: the SQLite module storeops reads and writes it with (better-sqlite3) is not built for this Node.js ${process.version} (npm did not run its build when storeops was installed, or Node.js was upgraded since); the database itself is fine`,
    );
    expect(fs.existsSync(f)).toBe(false);
  });
});
