// An export still being written while it is read: a download (wget, curl -o, a sync client) or a copy
// still running, or `cp` of a newer export over it. A reader that reaches the end of what is there
// so far, at a line break, sees a whole-looking file: `compensate --record` on a 10,000-row export
// 1,500 rows into its download recorded 260 vouchers as final and exited 0. Now the file's size and
// time at the end of the read are compared with those when the run began (and with the bytes read):
// a file that changed is not used, exit 3, nothing written or recorded. Made here: the writer adds
// the rest of the example export just as the reader reaches the end of its first rows.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';
import { cli } from './inproc.js';

const EXAMPLE = fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv'));
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];

/** The example export's header and first `rows` rows (bytes up to that line break), and the rest. */
function split(rows: number): [Buffer, Buffer] {
  let at = 0;
  for (let i = 0; i <= rows; i++) at = EXAMPLE.indexOf(0x0a, at) + 1;
  return [EXAMPLE.subarray(0, at), EXAMPLE.subarray(at)];
}

/**
 * Runs `then` once, as soon as the run's reader of `file` has reached the end of what is there: a
 * small file is read by fs.readSync (src/io/source.ts fileChunks: the read that returns 0 bytes), a
 * big one by an fs.ReadStream (its 'end').
 */
function atEnd(file: string, then: () => void): void {
  const mine = (p: unknown) => path.resolve(String(p)) === path.resolve(file);
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    then();
  };
  const fds = new Set<number>();
  const openSync = fs.openSync;
  vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, ...a: unknown[]) => {
    const fd = (openSync as (...x: unknown[]) => number)(p, ...a);
    if (!done && mine(p)) fds.add(fd);
    return fd;
  }) as typeof openSync);
  const readSync = fs.readSync;
  vi.spyOn(fs, 'readSync').mockImplementation(((fd: number, ...a: unknown[]) => {
    const n = (readSync as (...x: unknown[]) => number)(fd, ...a);
    if (n === 0 && fds.delete(fd)) once();
    return n;
  }) as typeof readSync);
  const real = fs.createReadStream;
  vi.spyOn(fs, 'createReadStream').mockImplementation(((p: fs.PathLike, o?: unknown) => {
    const s = real(p, o as Parameters<typeof real>[1]);
    if (mine(p)) s.once('end', once);
    return s;
  }) as typeof real);
}

/** While the run reads `file`, the writer appends `rest` as soon as the reader has reached the end. */
function growsAtEnd(file: string, rest: Buffer): void {
  atEnd(file, () => fs.appendFileSync(file, rest));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an export that grows while it is read', () => {
  it('compensate --record: exit 3, nothing recorded, -o not written (it recorded …903\'s 50.00 as final from the first 3 rows, exit 0)', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'ExportOrderList202611.csv');
    const out = path.join(dir, 'vouchers.csv');
    const state = path.join(dir, 'state.db');
    // The first 3 rows: orders …901, …902, …903 of 小明爱购物. Read alone, …903 (2000.00 paid
    // 2026-11-11 10:00, shipped 23 h late) is a final voucher: 5 % = 100.00, capped at 50.00 (tmall-2026).
    const [head, rest] = split(3);
    fs.writeFileSync(file, head);
    growsAtEnd(file, rest);
    const r = await cli(['compensate', file, ...AS_OF, '--record', '--state', state, '-o', out, '-q']);
    vi.restoreAllMocks();
    expect(fs.readFileSync(file)).toEqual(EXAMPLE); // the writer did write the rest
    expect(r.stderr).toContain(`${file} changed while it was being read (${head.length} bytes when the run began, ${head.length} bytes read, ${EXAMPLE.length} bytes now)`);
    expect(r.code).toBe(3);
    expect(fs.existsSync(out)).toBe(false);
    const list = runCli(['ledger', 'list', '--state', state, '-f', 'csv']);
    expect(list.stdout).not.toContain('3515313147329357903');
    // Run again once the download has finished: the README example's one final voucher, 50.00.
    const again = await cli(['compensate', file, ...AS_OF, '--record', '--state', state, '-o', out, '-q']);
    expect(again.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/3515313147329357903"?,1,2000\.00,50\.00,50\.00,no,late,final/);
  });

  it('a file the writer replaced by renaming a new one over it is another file: the one read is used whole', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'ExportOrderList202611.csv');
    fs.writeFileSync(file, EXAMPLE);
    let replaced = false;
    atEnd(file, () => {
      fs.writeFileSync(`${file}.new`, split(3)[0]);
      fs.renameSync(`${file}.new`, file);
      replaced = true;
    });
    const r = await cli(['compensate', file, ...AS_OF, '-f', 'csv', '-q']);
    vi.restoreAllMocks();
    expect(replaced).toBe(true); // the writer did replace it
    expect(r.stderr).not.toContain('changed while');
    expect(r.code).toBe(0);
    // README worked example: 4 vouchers (header + 4 rows).
    expect(r.stdout.trim().split('\n')).toHaveLength(5);
  });
});
