// `roster check`: RULES §4 "monthly working hours are close across agents" (docs/rules.md §4, our
// reading: more than the longest shift's paid time apart — one working day, 8.5 h with the seed's
// shifts — is not close). Before, a hand-made roster with 78 h between two agents passed as
// "no violations", exit 0.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

function write(name: string, lines: string[]): string {
  const f = path.join(tmpDir('roster-spread-'), name);
  fs.writeFileSync(f, lines.join('\n') + '\n');
  return f;
}
function check(file: string, ...extra: string[]) {
  const r = runCli(['roster', 'check', file, '-f', 'csv', '--lang', 'en', ...extra]);
  // The four columns SPEC names; the cell is test/roster/handmade.cli.test.ts's.
  return { ...r, rows: (parse(r.stdout) as string[][]).slice(1).map((x) => x.slice(0, 4)) };
}

// November 2026 (30 days). Six agents each work one shift all month with 4 days off, staggered
// so every day has at least one D, one H and one N: every other rule holds.
//   甲, 乙: 26 × D 8.5 h = 221.0 h   丙, 丁: 26 × H 5.5 h = 143.0 h   戊, 己: 26 × N 6.5 h = 169.0 h
// Spread 221.0 − 143.0 = 78.0 h > 8.5 h.
const NOV = Array.from({ length: 30 }, (_, d) => `2026-11-${String(d + 1).padStart(2, '0')}`);
function oneShiftEach(): string[] {
  const plan: [string, string, number[]][] = [
    ['甲', 'D', [1, 5, 9, 13]],
    ['乙', 'D', [17, 21, 25, 29]],
    ['丙', 'H', [1, 5, 9, 13]],
    ['丁', 'H', [17, 21, 25, 29]],
    ['戊', 'N', [2, 6, 10, 14]],
    ['己', 'N', [18, 22, 26, 30]],
  ];
  return [['agent', ...NOV].join(','), ...plan.map(([a, s, off]) => [a, ...NOV.map((_, d) => (off.includes(d + 1) ? 'O' : s))].join(','))];
}

// February 2026 (28 days), agents A–D on the cycle D,H,N,O shifted by one per agent: 7 of each,
// 7 × (8.5 + 5.5 + 6.5) = 143.5 h each, spread 0. With --min D=1,N=1 the H slot is not needed, so
// turning k of A's H days into D days adds k × (8.5 − 5.5) = 3 k hours to A alone and breaks nothing else.
const FEB = Array.from({ length: 28 }, (_, d) => `2026-02-${String(d + 1).padStart(2, '0')}`);
function cycle(hToD: number): string[] {
  const rows = ['A', 'B', 'C', 'D'].map((a, i) => [a, ...FEB.map((_, d) => ['D', 'H', 'N', 'O'][(d + i) % 4]!)]);
  let left = hToD;
  for (let d = 1; d < rows[0]!.length && left > 0; d++) {
    if (rows[0]![d] === 'H') {
      rows[0]![d] = 'D';
      left--;
    }
  }
  return [['agent', ...FEB].join(','), ...rows.map((r) => r.join(','))];
}

describe('roster check: monthly hours close across agents (hours-spread)', () => {
  it('78 h between agents is a violation: exit 1, one line naming the most and the least', () => {
    const r = check(write('unfair.csv', oneShiftEach()));
    expect(r.rows).toEqual([
      ['', '', 'hours-spread', 'monthly hours 78.0 h apart, more than 8.5 h: most 221.0 h (甲, 乙), least 143.0 h (丙, 丁); the rules ask for close monthly hours across agents'],
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('6 agents × 30 days, 1 violation (hours-spread 1)');
  });

  it('zh: the rule and the detail in Chinese', () => {
    const r = runCli(['roster', 'check', write('unfair.csv', oneShiftEach()), '-f', 'csv', '--lang', 'zh']);
    expect(r.stdout).toContain('工时相差过大,"每月工时相差 78.0 小时, 超过 8.5 小时: 最多 221.0 小时 (甲、乙), 最少 143.0 小时 (丙、丁); 规则要求各客服每月工时相近"');
    expect(r.code).toBe(1);
  });

  it('one working day apart is close: 2 H→D = 6.0 h passes, 3 H→D = 9.0 h > 8.5 h fails', () => {
    const ok = check(write('six.csv', cycle(2)), '--days-off', '7', '--min', 'D=1,N=1');
    expect(ok.rows).toEqual([]);
    expect(ok.code).toBe(0);
    const bad = check(write('nine.csv', cycle(3)), '--days-off', '7', '--min', 'D=1,N=1');
    // A: 143.5 + 9.0 = 152.5 h; B, C, D: 143.5 h.
    expect(bad.rows).toEqual([
      ['', '', 'hours-spread', 'monthly hours 9.0 h apart, more than 8.5 h: most 152.5 h (A), least 143.5 h (B, C, D); the rules ask for close monthly hours across agents'],
    ]);
    expect(bad.code).toBe(1);
  });

  it('--max-hours-spread sets the limit (9 allows 9.0 h; 80 allows the 78 h roster); a bad value is exit 2', () => {
    expect(check(write('nine.csv', cycle(3)), '--days-off', '7', '--min', 'D=1,N=1', '--max-hours-spread', '9').code).toBe(0);
    expect(check(write('unfair.csv', oneShiftEach()), '--max-hours-spread', '80').code).toBe(0);
    expect(check(write('unfair.csv', oneShiftEach()), '--max-hours-spread', 'x').code).toBe(2);
  });

  it('config roster.maxHoursSpread is a known key: used, and no unknown-key warning', () => {
    const dir = tmpDir('roster-spread-cfg-');
    const cfg = path.join(dir, 'config.json');
    fs.writeFileSync(cfg, JSON.stringify({ roster: { maxHoursSpread: 80 } }));
    const r = check(write('unfair.csv', oneShiftEach()), '--config', cfg);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('unknown key');
  });

  it('an agent with a missing day is left out of the comparison (the missing day is reported on its own)', () => {
    const lines = cycle(2);
    // A: 149.5 h. B's last day (02-28: D) emptied: counted as written B would have 143.5 − 8.5 =
    // 135.0 h, 14.5 h below A, but that day's hours are unknown.
    lines[2] = lines[2]!.replace(/,[DHNO]$/, ',');
    const r = check(write('gap.csv', lines), '--days-off', '7', '--min', 'D=1,N=1');
    expect(r.rows.map((x) => x[2])).not.toContain('hours-spread');
    expect(r.rows.map((x) => x[2])).toContain('missing-day');
  });
});
