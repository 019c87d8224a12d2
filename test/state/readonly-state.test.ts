// A state database the operator made read-only (chmod 444: not even its owner may write it; an
// archive, a copy handed to an auditor). Root may write any file, so `compensate --record` run as
// root (root's crontab, a container) recorded into it, exit 0, and the "read-only" ledger changed.
// A run that writes the state now refuses such a file whoever runs it (exit 4, zh and en, what to
// do), before any input is read: the database byte for byte, no -o written; reading it is as before.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const EXPORT = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const REVIEWS = path.join(EXAMPLES, 'reviews.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00', '-q'];

/** A state database with the README example's one voucher recorded, then chmod `mode`. */
function recorded(mode: number): { state: string; dir: string; bytes: Buffer } {
  const dir = tmpDir();
  const state = path.join(dir, 'state.db');
  const r = runCli(['compensate', EXPORT, ...AS_OF, '--record', '--state', state, '-o', path.join(dir, 'first.csv')]);
  expect(r.code).toBe(0);
  fs.chmodSync(state, mode);
  return { state, dir, bytes: fs.readFileSync(state) };
}

describe('--record into a state database whose owner may not write it', () => {
  it('chmod 444: exit 4 (en and zh), nothing recorded, -o not written (as root too: root ignores the mode)', () => {
    const { state, dir, bytes } = recorded(0o444);
    const out = path.join(dir, 'again.csv');
    const en = runCli(['compensate', EXPORT, '--as-of', '2026-11-21 12:00:00', '-q', '--record', '--state', state, '-o', out, '--lang', 'en']);
    expect(en.code).toBe(4);
    expect(en.stderr).toContain(`storeops: error: the state database ${state} is read-only (mode 0444: not even its owner may write it), and this run writes to it; a read-only database is not written even by root, so nothing was read or recorded`);
    expect(en.stderr).toContain(`hint: if this database is the one to record into, give its owner write again (chmod u+w ${state}); if it is read-only on purpose (an archive, a copy being audited), name another with --state, or run without --record`);
    const zh = runCli(['compensate', EXPORT, '--as-of', '2026-11-21 12:00:00', '-q', '--record', '--state', state, '-o', out, '--lang', 'zh']);
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain(`状态数据库 ${state} 是只读的 (权限 0444, 属主也没有写权限)`);
    expect(zh.stderr).toContain(`先恢复写权限 (chmod u+w ${state})`);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readFileSync(state).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['first.csv', 'state.db']);
  });

  it('chmod 400 and reviews log: refused the same way (mode 0400)', () => {
    const { state, bytes } = recorded(0o400);
    const r = runCli(['reviews', 'log', '2987650012233445501', '--status', 'contacted', '--reviews', REVIEWS, '--as-of', '2026-11-21 10:00:00', '--state', state, '--lang', 'en']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`the state database ${state} is read-only (mode 0400: not even its owner may write it)`);
    expect(fs.readFileSync(state).equals(bytes)).toBe(true);
  });

  it('reading a 444 database is as before: ledger list shows the one voucher (50.00), compensate without --record runs (exit 0)', () => {
    const { state } = recorded(0o444);
    const list = runCli(['ledger', 'list', '--state', state, '-f', 'csv', '--lang', 'en']);
    expect(list.code).toBe(0);
    // README example: one voucher of 50.00 for order 3515313147329357903.
    expect(list.stdout.split('\n').filter((l) => l.includes('3515313147329357903')).length).toBe(1);
    expect(list.stdout).toContain(',50.00,');
    const plain = runCli(['compensate', EXPORT, ...AS_OF, '--state', state, '-f', 'csv', '--lang', 'en']);
    expect(plain.code).toBe(0);
  });

  it('write given back (chmod 644): --record records again (exit 0)', () => {
    const { state } = recorded(0o444);
    fs.chmodSync(state, 0o644);
    const r = runCli(['compensate', EXPORT, '--as-of', '2026-11-21 12:00:00', '-q', '--record', '--state', state, '-f', 'csv']);
    expect(r.code).toBe(0);
  });
});
