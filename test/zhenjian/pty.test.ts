// Once through a real pseudo-terminal: `script` (util-linux) gives the CLI a terminal on stdin and
// stdout, so it prompts; answers are typed when each question appears.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, tmpDir } from '../helpers.js';
import { answerAll, hasScript, strip } from './pty-answers.js';


describe.skipIf(!hasScript)('zhenjian estimate in a real pseudo-terminal', () => {
  it('prompts, validates and prints the estimate', async () => {
    const home = tmpDir();
    const cmd = `'${process.execPath}' '${BIN}' zhenjian estimate --as-of '2026-11-20 11:00:00'`;
    const p = spawn('script', ['-qfec', cmd, '/dev/null'], {
      cwd: home,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', TERM: 'xterm', HOME: home, TZ: 'UTC', NO_COLOR: '1' },
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => p.on('exit', (c) => resolve(c)));
    const steps: [string, string][] = [
      ['item id', '1'],
      ['title', 'x'],
      ['category', ''], // default 女装: 3–5 samples
      ['list price', 'abc'],
      ['is not an amount', '\u0015100'],
      ['deal price', ''], // = list price 100
      ['unit cost', '30'],
      ['service fee', '200'],
      ['samples', ''],
      ['display period', ''], // 30
      ['auto-renew', 'y'],
      ['commission rate', '\u00150.05'],
      ['shipping per sample', ''],
      ['signed at', '2026-11-20 10:00'],
      ['SKUs differ', ''],
      ['append this product', 'n'],
    ];
    await answerAll(p, () => out, steps);
    expect(await exited).toBe(0);
    const screen = strip(out);
    // charged max 5 × 100 + 200 = 700; real 5 × (30 + 0 + 100×0.05) + 200 = 375; registration 100 + 200 = 300;
    // 30-day auto-renew: 13 tests → 13 × 700 = 9100
    const line = screen.split(/\r?\n/).find((l) => /^1\s+x\s/.test(l))!;
    expect(line).toMatch(/^1\s+x\s+女装\s+3\s+5\s+300\.00\s+700\.00\s+375\.00\s+700\.00\s+13\s+9100\.00\s+charge_far_above_estimate/);
    // 700 / 300 = 2.33 > 2: the explanation on stderr (the same terminal)
    expect(screen).toContain("warning: 1: the real charge can reach 700.00, 2.3× the registration page's 300.00");
  }, 30_000);
});
