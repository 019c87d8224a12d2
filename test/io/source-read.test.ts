// How an input file's bytes are read (src/io/source.ts; issue 21, docs/performance.md, twenty-eighth
// round): a regular file under 16 MB by synchronous 1 MB reads on the main thread, a bigger one (and a
// pipe, stdin) by an fs.ReadStream on libuv's thread pool. The bytes handed on are the file's, in the
// same 1 MB pieces either way, and a small export's run never starts the thread pool.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { readRecordBatches } from '../../src/io/records.js';
import { type Sniffed, openSource } from '../../src/io/source.js';
import { BIN, EXAMPLES, ROOT, tmpDir } from '../helpers.js';

const noStdin = Readable.from([]);
const MB = 1 << 20;

/** Every chunk the opened source hands on, in order. */
async function chunks(file: string): Promise<Buffer[]> {
  const s = await openSource(file, noStdin);
  const out: Buffer[] = [];
  for await (const c of s.stream) out.push(c as Buffer);
  return out;
}

/** A csv file of `size` bytes: a header, then rows of digits (ASCII, so the sniff says csv/utf8). */
function csvOf(size: number): { file: string; bytes: Buffer } {
  const head = 'a,b\n';
  const row = '1234567,89\n';
  const body = row.repeat(Math.ceil(size / row.length));
  const bytes = Buffer.from((head + body).slice(0, size));
  const file = path.join(tmpDir(), 'x.csv');
  fs.writeFileSync(file, bytes);
  return { file, bytes };
}

describe('reading an input file', () => {
  // 2.25 MB: two whole reads and a short last one, copied into a buffer of its own length (as a
  // ReadStream does) so that it does not keep the 1 MB it was read into. A last read of half a read
  // or more (2.5 MB, 2.75 MB: 0.5 and 0.75 MB) is handed on as the first bytes of the buffer it was
  // read into: the copy only wrote them again into fresh memory (a 10k-row export's last 0.97 MB,
  // ~240 page faults; docs/performance.md, thirty-second round).
  it('a small file: its bytes in 1 MB reads, the last one short', async () => {
    for (const [size, last, kept] of [
      [2.25 * MB, 0.25 * MB, 0.25 * MB],
      [2.5 * MB, 0.5 * MB, MB],
      [2.75 * MB, 0.75 * MB, MB],
    ] as const) {
      const { file, bytes } = csvOf(size);
      const got = await chunks(file);
      expect(got.map((c) => c.length)).toEqual([MB, MB, last]);
      expect(got[2]!.buffer.byteLength).toBe(kept);
      expect(got[2]!.byteOffset).toBe(0);
      expect(Buffer.concat(got).equals(bytes)).toBe(true);
    }
  });

  it('a file of exactly 1 MB, and one of 17 MB (read by a ReadStream): the same bytes in the same pieces', async () => {
    const one = csvOf(MB);
    expect((await chunks(one.file)).map((c) => c.length)).toEqual([MB]);
    const big = csvOf(17 * MB);
    const got = await chunks(big.file);
    expect(got.map((c) => c.length)).toEqual(new Array(17).fill(MB));
    expect(Buffer.concat(got).equals(big.bytes)).toBe(true);
  });

  // The thread count at exit of a compensate run on the 10-row example against that of a node that
  // does nothing (both with the same preload): libuv starts its pool (4 threads) at the first
  // asynchronous file request, which an fs.ReadStream makes; the synchronous reads make none.
  it.runIf(fs.existsSync('/proc/self/task'))('a compensate run on a small export starts no thread-pool thread', () => {
    const home = tmpDir();
    const pre = path.join(home, 'threads.cjs');
    fs.writeFileSync(pre, "process.on('exit', () => require('node:fs').writeSync(2, `THREADS ${require('node:fs').readdirSync('/proc/self/task').length}\\n`));\n");
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1', TZ: 'UTC', LANG: 'C', HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local', 'share') };
    const threads = (args: string[]) => {
      const r = spawnSync(process.execPath, ['-r', pre, ...args], { cwd: ROOT, env, encoding: 'utf8' });
      return Number(/THREADS (\d+)/.exec(r.stderr)?.[1]);
    };
    const idle = threads(['-e', '0']);
    expect(idle).toBeGreaterThan(0);
    expect(threads([BIN, 'compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--as-of', '2026-12-01 00:00:00', '-q'])).toBe(idle);
  });

  // The csv readers take the opened file's chunks as they are, without a Readable over them (made
  // when first asked for, by the xlsx readers): made at every start, that Readable's first use ran
  // ~200 of node's stream functions cold, ~11 M instructions of a 10k-row export's main thread
  // (issue 21, thirty-first round). Before, openSource made one for every input.
  it('a csv is read without a Readable over its bytes; the records are the file\'s', async () => {
    const file = path.join(tmpDir(), 'r.csv');
    fs.writeFileSync(file, 'a,b\n1,2\n3,4\n');
    const from = vi.spyOn(Readable, 'from');
    try {
      const s = await openSource(file, noStdin);
      const rows: string[][] = [];
      for await (const batch of readRecordBatches(s)) for (const r of batch) rows.push(r.cells);
      expect(rows).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
      expect(from).not.toHaveBeenCalled();
    } finally {
      from.mockRestore();
    }
  });

  // A copy given chunks of its own (as the reader tests hand theirs, `{ ...sniffed, stream }`) is
  // read from those, not from the file; and `stream`, once asked for, gives the file's bytes.
  it('a copy with a stream of its own is read from it; the stream asked for gives the file', async () => {
    const file = path.join(tmpDir(), 'c.csv');
    fs.writeFileSync(file, 'a,b\n1,2\n');
    const s = await openSource(file, noStdin);
    const copy: Sniffed = { ...s, stream: Readable.from([Buffer.from('a,b\n7,8\n')], { objectMode: false }) };
    const rows: string[][] = [];
    for await (const batch of readRecordBatches(copy)) for (const r of batch) rows.push(r.cells);
    expect(rows).toEqual([['a', 'b'], ['7', '8']]);
    const again = await openSource(file, noStdin);
    const got: Buffer[] = [];
    for await (const c of again.stream) got.push(c as Buffer);
    expect(Buffer.concat(got).toString()).toBe('a,b\n1,2\n');
  });
});
