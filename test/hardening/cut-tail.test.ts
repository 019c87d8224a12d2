// An order export cut off, the cut right after the `=` that opens its last row's `="…"` id (主订单编号,
// the last column of the 71-column 订单报表), with or without NUL bytes after it: a download that did
// not finish, whose space was reserved in full beforehand (the rest of the file zeros). The reader
// rejects a cut last row and keeps every voucher provisional (nothing recorded as final) — but only
// when the row was short or its last cell read `="…` unclosed: a cell `=` (or '' where the run does
// not decode that column), and NUL bytes past the first 256 KB, passed as a whole row. Such a file
// was read as complete: exit 0, vouchers final and recorded. Now a file whose last byte is `=` or
// NUL is cut. The export is made here (scripts/gen-big-orders.mjs, deterministic); nothing committed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tmpDir } from '../helpers.js';

const AS_OF = ['--as-of', '2026-12-01 00:00:00'];
let dir: string;
let full: Buffer;

/**
 * Data row `n` (1-based) cut right after the `=` opening its `="…"` last cell: the bytes up to there,
 * and the line the row starts on (a seller note may hold line breaks, so not simply n + 1).
 */
function cutAfterEquals(n: number): { bytes: Buffer; line: number } {
  // Each row ends with its 主订单编号 cell `="<digits>"` and CRLF.
  const text = full.toString('latin1');
  const ends = [...text.matchAll(/="\d+"\r\n/g)];
  const end = ends[n - 1]!;
  const start = n === 1 ? text.indexOf('\n') + 1 : ends[n - 2]!.index! + ends[n - 2]![0].length;
  const line = text.slice(0, start).split('\n').length;
  return { bytes: full.subarray(0, end.index! + 1), line };
}

beforeAll(() => {
  dir = tmpDir();
  const file = path.join(dir, 'full.csv');
  const g = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'gen-big-orders.mjs'), '--rows', '1500', '--encoding', 'utf8', '--out', file]);
  expect(g.status).toBe(0);
  full = fs.readFileSync(file);
  // The whole export: 1500 orders, 156 final vouchers to issue (2273.72), exit 0.
  const r = runCli(['compensate', file, ...AS_OF, '-f', 'csv']);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('1500 orders read');
  expect(r.stderr).toContain('156 vouchers totalling 2273.72 to issue');
});

describe('an export cut right after the = of its last row\'s id', () => {
  it('no NUL bytes: the last row is rejected as cut off, every voucher provisional, nothing recorded', () => {
    const cut = path.join(dir, 'cut.csv');
    const { bytes, line } = cutAfterEquals(1500);
    fs.writeFileSync(cut, bytes);
    const state = path.join(dir, 'cut.db');
    const r = runCli(['compensate', cut, ...AS_OF, '--record', '--state', state, '-f', 'csv']);
    expect(r.stderr).toContain(`${cut}:${line}: the file ends in the middle of this row (71 of the header's 71 cells`);
    expect(r.code).toBe(1);
    // The cut row's buyer cannot be trusted: every voucher waits (README), so none is final.
    expect(r.stderr).toContain('1499 orders read');
    expect(r.stderr).toContain('0 vouchers totalling 0.00 to issue');
    expect(runCli(['ledger', 'list', '--state', state]).stderr).toContain('nothing recorded yet');
  });

  it('padded with NUL bytes to the full size (a download that did not finish), past the first 256 KB: the same', () => {
    // Cut in row 1200 (~690 KB in), the rest of the full size zeros.
    const { bytes: head, line } = cutAfterEquals(1200);
    expect(head.length).toBeGreaterThan(256 * 1024);
    const padded = Buffer.concat([head, Buffer.alloc(full.length - head.length)]);
    const file = path.join(dir, 'padded.csv');
    fs.writeFileSync(file, padded);
    const r = runCli(['compensate', file, ...AS_OF, '-f', 'csv']);
    expect(r.stderr).toContain(`${file}:${line}: the file ends in the middle of this row (71 of the header's 71 cells`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1199 orders read');
    expect(r.stderr).toContain('0 vouchers totalling 0.00 to issue');
    const ins = runCli(['orders', 'inspect', file, '-f', 'json']);
    expect(JSON.parse(ins.stdout)[0]).toMatchObject({ rowsRead: 1200, accepted: 1199, rejected: 1 });
  });

  it('a small export padded within its first 8 KB: exit 3 saying the download did not finish (it said "not a CSV or xlsx file")', () => {
    // The README example (GBK, 4,271 bytes) cut right after its last `=` (byte 4,248) and padded with
    // 4,096 NUL bytes: the first NUL is byte 4,249.
    const ex = fs.readFileSync(path.join(ROOT, 'examples', 'ExportOrderList202611.csv'));
    const eq = ex.lastIndexOf(0x3d);
    expect(eq + 1).toBe(4248);
    const file = path.join(dir, 'small-padded.csv');
    fs.writeFileSync(file, Buffer.concat([ex.subarray(0, eq + 1), Buffer.alloc(4096)]));
    const r = runCli(['compensate', file, ...AS_OF, '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${file} holds nothing but NUL (zero) bytes from byte 4249 on: the file was never written to its end (a download or copy that did not finish`);
    expect(r.stdout).toBe('');
  });

  it('the whole file with its last line break: read as before', () => {
    const file = path.join(dir, 'whole.csv');
    fs.writeFileSync(file, full);
    const r = runCli(['orders', 'inspect', file, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ rowsRead: 1500, accepted: 1500, rejected: 0 });
  });
});
