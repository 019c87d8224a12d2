// -o / --rejects / --duplicates on a file system that ignores case (vfat/exFAT on a USB stick, macOS
// by default, an ext4 folder with casefold). This machine's kernel mounts none (no vfat module, no
// CONFIG_UNICODE for ext4/tmpfs casefold; fuse2fs 1.47.0 ignores the casefold flag), so such a
// folder is made here by answering the file calls guardTargets makes as one would: every name in
// the folder is looked up in lower case (as vfat finds `OUT.CSV` for `out.csv`).
//   - `-o Out.csv` when out.csv is the input: caught before and after (the input's inode).
//   - `-o Out.csv --rejects out.csv`, neither there yet: one file there. Until 2026-12 only the
//     exact same spelling was caught, so both were written and one rename replaced the other's result.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { guardTargets } from '../../src/io/targets.js';
import { tmpDir } from '../helpers.js';

/** Make `dir` answer as a case-insensitive folder for the calls targets.ts makes. */
function caseInsensitive(dir: string): void {
  const real = fs.realpathSync(dir);
  const fold = (p: fs.PathLike): fs.PathLike => {
    if (typeof p !== 'string') return p;
    const abs = path.resolve(p);
    return path.dirname(abs) === real || path.dirname(abs) === dir ? path.join(path.dirname(abs), path.basename(abs).toLowerCase()) : p;
  };
  for (const name of ['statSync', 'existsSync', 'openSync', 'unlinkSync', 'realpathSync'] as const) {
    const orig = fs[name] as (...a: unknown[]) => unknown;
    vi.spyOn(fs, name).mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => orig.call(fs, fold(p), ...rest)) as never);
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('output targets on a case-insensitive folder', () => {
  it('-o Out.csv --rejects out.csv (neither there yet) is refused: one file, one result would be lost', () => {
    const dir = tmpDir();
    caseInsensitive(dir);
    const out = path.join(dir, 'Out.csv');
    const rej = path.join(dir, 'out.csv');
    expect(() => guardTargets({ output: out, rejects: rej, inputs: [] })).toThrow(`-o and --rejects name the same file, ${out}; one would overwrite the other, so nothing was read or written`);
    // The probe left nothing behind.
    vi.restoreAllMocks();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('--rejects R.csv --duplicates r.CSV: the same', () => {
    const dir = tmpDir();
    caseInsensitive(dir);
    expect(() => guardTargets({ rejects: path.join(dir, 'R.csv'), duplicates: path.join(dir, 'r.CSV'), inputs: [] })).toThrow('--rejects and --duplicates name the same file');
  });

  it('-o Out.csv when out.csv is the input: refused by its inode (as before)', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'out.csv'), 'x\n');
    caseInsensitive(dir);
    expect(() => guardTargets({ output: path.join(dir, 'Out.csv'), inputs: [{ what: 'input', path: path.join(dir, 'out.csv') }] })).toThrow(/^-o .*Out\.csv is the same file as input .*out\.csv/);
    vi.restoreAllMocks();
    expect(fs.readFileSync(path.join(dir, 'out.csv'), 'utf8')).toBe('x\n');
  });

  it('a folder that keeps case apart (this one): -o Out.csv --rejects out.csv are two files, allowed, nothing left behind', () => {
    const dir = tmpDir();
    expect(() => guardTargets({ output: path.join(dir, 'Out.csv'), rejects: path.join(dir, 'out.csv'), inputs: [] })).not.toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
