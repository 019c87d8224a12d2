// The temporary file compensate puts late orders aside in: private (0600), gone from the folder at
// once (or when closed), and a full disk a clear error in both languages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { SpillFile } from '../../src/io/spill.js';

describe('SpillFile', () => {
  it('reads back what was appended, at the offsets append returned', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spill-'));
    const f = SpillFile.open(dir);
    const a = f.append(new Int32Array([1, -2, 0x7fffffff]));
    const b = f.append(new Uint16Array([0x4e70, 0x5bb6]));
    expect([a, b, f.length]).toEqual([0, 12, 16]);
    const x = new Int32Array(3);
    f.read(a, x);
    expect([...x]).toEqual([1, -2, 0x7fffffff]);
    const y = new Uint16Array(2);
    f.read(b, y);
    expect(String.fromCharCode(...y)).toBe('买家');
    // Already removed from the folder (POSIX): nothing is left behind however the run ends.
    if (process.platform !== 'win32') expect(fs.readdirSync(dir)).toEqual([]);
    f.close();
    expect(fs.readdirSync(dir)).toEqual([]);
    fs.rmSync(dir, { recursive: true });
  });

  it('a full disk is an output error (exit 5) in Chinese and English', () => {
    if (!fs.existsSync('/dev/full')) return;
    // /dev/full: every write fails with ENOSPC. Opened through a private path to it.
    const f = SpillFile.open();
    const inner = f as unknown as { fd: number };
    fs.closeSync(inner.fd);
    inner.fd = fs.openSync('/dev/full', 'w');
    let err: unknown;
    try {
      f.append(new Uint8Array(10));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OutputError);
    const e = err as OutputError;
    expect(e.text.zh).toContain('磁盘已满');
    expect(e.text.en).toContain('the disk is full');
    expect(e.hint?.en).toContain('TMPDIR');
  });

  it('cannot be made in a folder that does not exist: a clear error, not a crash', () => {
    expect(() => SpillFile.open(path.join(os.tmpdir(), 'no-such-folder-xyz', 'sub'))).toThrow(OutputError);
  });
});
