// Progress: the frames worked out by hand, the bar drawn on a terminal from the start and erased
// at the end, and nothing at all in a pipe or under -q.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type Clock, byteFrame, byteProgress, solverFrame } from '../../src/cli/progress.js';
import { BIN, ROOT, runCli, tmpDir } from '../helpers.js';

describe('frames', () => {
  it('a byte bar: share, sizes, rate and time left', () => {
    // 25 of 100 MB in 5 s: 25 %, 5 of 20 cells; 5.0 MB/s; 75 MB left at 5 MB/s = 15 s.
    expect(byteFrame('a.csv', 25e6, 100e6, 5, 120, 'en')).toBe('a.csv  [█████░░░░░░░░░░░░░░░]   25%  25.0/100.0 MB  5.0 MB/s  15 s left');
    expect(byteFrame('a.csv', 25e6, 100e6, 5, 120, 'zh')).toBe('a.csv  [█████░░░░░░░░░░░░░░░]   25%  25.0/100.0 MB  5.0 MB/秒  剩余 15 秒');
    // 10 of 400 MB in 2 s: 5 MB/s, 390 MB left = 78 s = 1 min 18 s; 2 % → 0 cells (0.5 rounds to 0… 2.5 % of 20 = 0.5 → 1).
    expect(byteFrame('big.csv', 10e6, 400e6, 2, 120, 'en')).toBe('big.csv  [█░░░░░░░░░░░░░░░░░░░]    2%  10.0/400.0 MB  5.0 MB/s  1 min 18 s left');
    // stdin: no size, so no share and no time left.
    expect(byteFrame('stdin', 3e6, undefined, 1, 120, 'en')).toBe('stdin  3.0 MB  3.0 MB/s');
    // In the first half second the rate is not yet known.
    expect(byteFrame('a.csv', 1e6, 100e6, 0.1, 120, 'en')).toBe('a.csv  [░░░░░░░░░░░░░░░░░░░░]    1%  1.0/100.0 MB  … MB/s');
  });

  it('a narrow terminal cuts the file name first', () => {
    // 76 columns: 75 usable; bar and numbers take 24 + 40 = 64, two spaces, so the name gets 9.
    const f = byteFrame('exports/ExportOrderList202611201200.csv', 25e6, 100e6, 5, 76, 'en');
    expect(f).toBe('ExportOr…  [█████░░░░░░░░░░░░░░░]   25%  25.0/100.0 MB  5.0 MB/s  15 s left');
    // Narrower still: no name at all rather than cut numbers.
    expect(byteFrame('a-long-name.csv', 25e6, 100e6, 5, 70, 'en')).toBe('[█████░░░░░░░░░░░░░░░]   25%  25.0/100.0 MB  5.0 MB/s  15 s left');
  });

  it('the solver: elapsed against the limit, and the gap', () => {
    // 12 of 30 s = 40 % = 8 of 20 cells; gap 0.032 = 3.2 %.
    expect(solverFrame(12, 30, { gap: 0.032 }, 100, 'en')).toBe('solving  [████████░░░░░░░░░░░░]  12 s / 30 s  gap 3.2%');
    expect(solverFrame(12, 30, { gap: 0.032 }, 100, 'zh')).toBe('求解中  [████████░░░░░░░░░░░░]  12 s / 30 s  差距 3.2%');
  });
});

class Tty extends Writable {
  text = '';
  isTTY = true;
  columns = 100;
  override _write(c: Buffer, _e: BufferEncoding, cb: () => void) {
    this.text += c.toString();
    cb();
  }
}

describe('the bar', () => {
  const host = (stderr: Writable & { isTTY?: boolean }, quiet = false) => ({ io: { stderr, env: {} }, quiet, lang: 'en' as const, info: () => {} });

  it('a large input (5 MB or more): draws at once, redraws on the clock, and erases itself', () => {
    let t = 0;
    let tick = () => {};
    const clock: Clock = { now: () => t, every: (_ms, fn) => ((tick = fn), () => (tick = () => {})) };
    const err = new Tty();
    let read = 0;
    const bar = byteProgress(host(err), 'x.csv', 10e6, () => read, clock);
    expect(err.text).toBe('\rx.csv  [░░░░░░░░░░░░░░░░░░░░]    0%  0.0/10.0 MB  … MB/s\u001b[K');
    t = 1000; // 1 s later, 5 of 10 MB: 5 MB/s, 1 s left
    read = 5e6;
    tick();
    expect(err.text.endsWith('\rx.csv  [██████████░░░░░░░░░░]   50%  5.0/10.0 MB  5.0 MB/s  1 s left\u001b[K')).toBe(true);
    bar.done();
    expect(err.text.endsWith('\r\u001b[K')).toBe(true);
  });

  it('a small input (under 5 MB) or stdin: nothing unless the reading takes over a second', () => {
    let t = 0;
    let tick = () => {};
    const clock: Clock = { now: () => t, every: (_ms, fn) => ((tick = fn), () => (tick = () => {})) };
    const quick = new Tty();
    const a = byteProgress(host(quick), 'small.csv', 10_000, () => 10_000, clock);
    t = 300;
    tick();
    a.done();
    expect(quick.text).toBe('');
    const slow = new Tty();
    t = 0;
    const b = byteProgress(host(slow), 'stdin', undefined, () => 3e6, clock);
    t = 999;
    tick();
    expect(slow.text).toBe('');
    t = 1500; // 3 MB in 1.5 s: 2.0 MB/s
    tick();
    expect(slow.text).toBe('\rstdin  3.0 MB  2.0 MB/s\u001b[K');
    b.done();
    expect(slow.text.endsWith('\r\u001b[K')).toBe(true);
  });

  it('draws nothing when stderr is not a terminal, or with -q', () => {
    const pipe = Object.assign(new Tty(), { isTTY: false });
    byteProgress(host(pipe), 'x.csv', 10, () => 5).done();
    expect(pipe.text).toBe('');
    const quiet = new Tty();
    byteProgress(host(quiet, true), 'x.csv', 10, () => 5).done();
    expect(quiet.text).toBe('');
  });
});

const hasScript = spawnSync('script', ['-V']).status === 0;

describe.skipIf(!hasScript)('a real terminal and a pipe', () => {
  const dir = tmpDir();
  const big = path.join(dir, 'ExportOrderList202611.csv');
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'gen-big-orders.mjs'), '--rows', '20000', '--encoding', 'utf8', '--out', big]);

  it('a pseudo-terminal sees a progress bar; a pipe sees none', { timeout: 120_000 }, () => {
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', TERM: 'xterm', HOME: dir, TZ: 'UTC', NO_COLOR: '1' };
    // stdout to a file, stderr to the terminal `script` makes.
    const cmd = `stty cols 100; '${process.execPath}' '${BIN}' orders inspect '${big}' -f csv > '${dir}/out.csv'`;
    const tty = spawnSync('script', ['-qfec', cmd, '/dev/null'], { env, cwd: dir });
    const shown = tty.stdout.toString();
    expect(tty.status).toBe(0);
    expect(shown).toMatch(/ExportOrderList202611\.csv {2}\[[█░]{20}\] +\d+% {2}[\d.]+\/[\d.]+ MB/);
    expect(shown).toContain('\r\u001b[K'); // erased at the end
    const quiet = spawnSync('script', ['-qfec', `${cmd.replace('-f csv', '-f csv -q')}`, '/dev/null'], { env, cwd: dir });
    expect(quiet.stdout.toString()).not.toContain('MB/s');

    // stderr on the terminal but stdout into a pipe (`| head`): the reader's lines share the
    // terminal, and a bar drawn between them stayed there half drawn. No bar (README: never in a pipe).
    const toPipe = spawnSync('script', ['-qfec', `stty cols 100; '${process.execPath}' '${BIN}' orders normalize '${big}' | cat > '${dir}/piped.csv'`, '/dev/null'], { env, cwd: dir });
    expect(toPipe.status).toBe(0);
    expect(toPipe.stdout.toString()).not.toContain('MB/s');
    expect(toPipe.stdout.toString()).toContain('20000'); // the summary still shows

    const piped = runCli(['orders', 'inspect', big, '-f', 'csv']);
    expect(piped.code).toBe(0);
    expect(piped.stderr).not.toContain('\r');
    expect(piped.stderr).not.toContain('MB/s');
  });
});
