// user28 (王姐, six customer-service staff, typing with a Chinese input method left in its
// full-width mode): `roster plan --agents ６` planned ONE agent named "６" and stopped with
// "无法排班: 1 名客服不够 … (现有 1 人)" — she had typed six; and `--min Ｄ=２,Ｈ=１,Ｎ=２` stopped with
// `--min 无法识别 "Ｄ=２"`, while `--days-off ４`, `--time-limit ３０` and `--month ２０２６-１２` (parseNumber,
// parseYearMonth) read full-width digits as the same digits, and a roster cell `Ｄ` is 白班
// (docs/formats.md). Full-width digits and letters are the same agents count and minimums.
//
// Expected, by the rules alone (docs/rules.md §4), no solver figure copied: `--agents ６` is the count 6,
// so the roster has six agents A01..A06, the same stdout as `--agents 6`; `--min Ｄ=２,Ｈ=１,Ｎ=２` is
// D=2,H=1,N=2, so with 6 agents every day of December has at least 2 on 白班, 1 on 半白班, 2 on 晚班
// (31 × 5 = 155 agent-shifts, 6 × 27 = 162 available: feasible), the same stdout as the ASCII flags.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const BASE = ['roster', 'plan', '--month', '2026-12', '-f', 'csv', '--lang', 'zh', '-q', '--time-limit', '120'];

describe('roster plan options typed with a Chinese input method', () => {
  it('--agents ６ is six agents (A01..A06), as --agents 6', () => {
    const ascii = runCli([...BASE, '--agents', '6']);
    const wide = runCli([...BASE, '--agents', '６']);
    expect(ascii.code).toBe(0);
    expect(wide.stderr).not.toContain('1 名客服不够');
    expect(wide.code).toBe(0);
    const agents = wide.stdout.trim().split('\n').slice(1).map((l) => l.split(',')[0]).filter((a) => /^A\d\d$/.test(a!));
    expect(agents).toEqual(['A01', 'A02', 'A03', 'A04', 'A05', 'A06']);
    expect(wide.stdout).toBe(ascii.stdout);
  });

  it('--min Ｄ=２,Ｈ=１,Ｎ=２ is D=2,H=1,N=2', () => {
    const ascii = runCli([...BASE, '--agents', '6', '--min', 'D=2,H=1,N=2']);
    const wide = runCli([...BASE, '--agents', '6', '--min', 'Ｄ=２,Ｈ=１,Ｎ=２']);
    expect(ascii.code).toBe(0);
    expect(wide.stderr).not.toContain('无法识别');
    expect(wide.code).toBe(0);
    expect(wide.stdout).toBe(ascii.stdout);
    // The coverage rows say at least 2 / 1 / 2 every day.
    const cover = (code: string) => wide.stdout.split('\n').find((l) => l.startsWith(`覆盖 ${code}`))!.split(',').slice(1, 32).map(Number);
    expect(Math.min(...cover('白班'))).toBeGreaterThanOrEqual(2);
    expect(Math.min(...cover('半白班'))).toBeGreaterThanOrEqual(1);
    expect(Math.min(...cover('晚班'))).toBeGreaterThanOrEqual(2);
  });
});
