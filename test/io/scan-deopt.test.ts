// The scanner's compiled code is not thrown away by the first record with a quoted cell in a column
// the command does not read (issue 21, the 10k-row run; docs/performance.md, twenty-seventh round).
// fastRecord is compiled by V8's optimising compiler about twenty records in, with the type feedback
// of the records before. In a run of unwanted cells it tested `b[e] === QUOTE && e < last`: the
// second test ran only after a skipped cell that starts with a quote (a quoted seller note, ~2 % of
// the generated rows), so it had no feedback, and the first such record after the compile threw the
// compiled scanner away ("Insufficient type feedback for compare operation"); it then ran in
// baseline code until compiled again. With `--no-concurrent-recompilation` the compile happens at
// once, on the feedback of that moment, so the old order deoptimises fastRecord on every run of
// this file (checked: 1 deopt before the fix, 0 after). Same verdict either way: both tests are pure.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tmpDir } from '../helpers.js';

describe('scanner compiled code', () => {
  it('is not deoptimised by a quoted cell in an unread column', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'orders-2k.csv');
    const gen = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'gen-big-orders.mjs'), '--rows', '2000', '--encoding', 'gbk', '--out', file], { encoding: 'utf8' });
    expect(gen.status).toBe(0);
    const r = spawnSync(
      process.execPath,
      ['--no-concurrent-recompilation', '--trace-opt', '--trace-deopt', BIN, '--state', path.join(dir, 'none', 'state.db'), 'compensate', file, '--as-of', '2026-12-01 00:00:00', '-q'],
      {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1', TZ: 'UTC', LANG: 'C', HOME: dir, XDG_CONFIG_HOME: path.join(dir, '.config'), XDG_DATA_HOME: path.join(dir, '.local', 'share') },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    // Not vacuous: the scanner was compiled (V8 still tiers it up on this file).
    expect(lines.some((l) => l.startsWith('[completed compiling') && l.includes('<JSFunction fastRecord '))).toBe(true);
    expect(lines.filter((l) => l.startsWith('[bailout') && l.includes('<JSFunction fastRecord '))).toEqual([]);
  });
});
