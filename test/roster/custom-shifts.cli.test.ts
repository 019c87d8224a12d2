// A shop's own shift set (config roster.shifts): an early shift from 08:00, a middle shift and a
// late shift that ends after midnight. `roster plan` builds with it, `roster check` reads the
// same definitions, and every rule of RULES §4 is caught on hand-made bad rosters.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

// E 早班 08:00–16:00 (7.5 h paid, role day), M 中班 12:00–20:00 (7.5 h, other),
// L 晚班 16:00–00:30 next day (8 h, night; it reaches into the next calendar day).
const SHIFTS = [
  { code: 'E', zh: '早班', en: 'early', label: '早', start: '08:00', end: '16:00', paidHours: 7.5, role: 'day' },
  { code: 'M', zh: '中班', en: 'middle', label: '中', start: '12:00', end: '20:00', paidHours: 7.5, role: 'other' },
  { code: 'L', zh: '晚班', en: 'late', label: '晚', start: '16:00', end: '00:30', paidHours: 8, role: 'night' },
];
const dir = tmpDir('roster-custom-');
const CONFIG = path.join(dir, 'config.json');
fs.writeFileSync(CONFIG, JSON.stringify({ roster: { shifts: SHIFTS } }));

// February 2026 (28 days), agents A–D. Agent i on day d works CYCLE[(d + i) % 4]: each day has
// one E, one M, one L and one agent off; E→O (a whole free day: E ends 16:00), O→L, L→M (M is
// not a day-role shift), M→E. 28/4 = 7 days off each.
const AGENTS = ['A', 'B', 'C', 'D'];
const DATES = Array.from({ length: 28 }, (_, d) => `2026-02-${String(d + 1).padStart(2, '0')}`);
const CYCLE = ['E', 'O', 'L', 'M'];
const base = () => AGENTS.map((_, i) => DATES.map((_, d) => CYCLE[(d + i) % 4]!));
const gridCsv = (g: string[][]) => [['agent', ...DATES].join(','), ...g.map((row, i) => [AGENTS[i], ...row].join(','))].join('\n') + '\n';
function write(name: string, text: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
}
function check(file: string, ...extra: string[]) {
  const r = runCli(['roster', 'check', file, '--config', CONFIG, '--days-off', '7', '-f', 'csv', '--lang', 'en', ...extra]);
  // The four columns SPEC names; the cell is test/roster/handmade.cli.test.ts's.
  return { ...r, rows: (parse(r.stdout) as string[][]).slice(1).map((x) => x.slice(0, 4)) };
}

describe('custom shift set', () => {
  it('plan: builds with E/M/L, no 08:00 warning, proven optimal, and check agrees', () => {
    const out = path.join(dir, 'feb.csv');
    // 4 agents × 21 working days = 84 = 28 days × 3 shifts: no spare agent, each day one of each.
    const r = runCli(['roster', 'plan', '--config', CONFIG, '--month', '2026-02', '--agents', '4', '--days-off', '7', '--lang', 'en', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('08:00–');
    expect(r.stderr).toContain('proven optimal');
    const rows = parse(fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '')) as string[][];
    expect(rows.slice(5, 8).map((x) => x[0])).toEqual(['coverage E', 'coverage M', 'coverage L']);
    for (const row of rows.slice(1, 5)) for (const c of row.slice(1, 29)) expect(['E', 'M', 'L', 'O']).toContain(c);
    // Hours: 21 shifts of 7.5 or 8 h; totals differ by multiples of 0.5 h. 84 shifts = 28 of
    // each, so 28 L over 4 agents = 7 each gives equal hours: 14 × 7.5 + 7 × 8 = 161 h.
    for (const row of rows.slice(1, 5)) expect(row[29]).toBe('161.0');
    expect(check(out).code).toBe(0);
  });

  it('the base roster passes', () => {
    const r = check(write('ok.csv', gridCsv(base())));
    expect(r.code).toBe(0);
    expect(r.rows).toEqual([]);
  });

  it('night-then-day: A early on 02-04 after its late shift on 02-03', () => {
    // Day index 3: A has M, B has E. Swapping them gives A L(02-03) → E(02-04); B M→M is fine.
    const g = base();
    g[0]![3] = 'E';
    g[1]![3] = 'M';
    expect(check(write('nd.csv', gridCsv(g))).rows).toEqual([['A', '2026-02-04', 'night-then-day', 'early shift after a late shift on 2026-02-03: make it M, L or O']]);
  });

  it('whole-day-off: every day off right after a late shift that ends at 00:30', () => {
    // A: on days ≡ 0 and ≡ 2 (mod 4) swap E and L → L, O, E, M: each O follows L (which runs to
    // 00:30 that day). C, who had L on days ≡ 0 and E on ≡ 2, takes the other side → E, M, L, O:
    // its O follow L too. Coverage is unchanged; M→L and O→E break no other rule.
    const g = base();
    for (let d = 0; d < 28; d++) {
      if (d % 4 === 0) [g[0]![d], g[2]![d]] = ['L', 'E'];
      if (d % 4 === 2) [g[0]![d], g[2]![d]] = ['E', 'L'];
    }
    const detail = 'no whole day off in the month (a day off that no shift of the day before reaches into)';
    expect(check(write('whole.csv', gridCsv(g))).rows).toEqual([
      ['A', '', 'whole-day-off', detail],
      ['C', '', 'whole-day-off', detail],
    ]);
  });

  it('days-off: B works its day off 02-01 (M twice that day is allowed)', () => {
    const g = base();
    g[1]![0] = 'M'; // B: (0 + 1) % 4 = 1 → O
    expect(check(write('off.csv', gridCsv(g))).rows).toEqual([['B', '', 'days-off', '6 days off, must be exactly 7']]);
  });

  it('coverage: nobody on the late shift on 02-01', () => {
    const g = base();
    g[2]![0] = 'E'; // C had L ((0 + 2) % 4 = 2); now E twice, L none
    expect(check(write('cov.csv', gridCsv(g))).rows).toEqual([['', '2026-02-01', 'coverage', 'L needs at least 1 (late), has 0']]);
  });

  it('unknown-shift: the seed code D is not a shift of this shop', () => {
    const g = base();
    g[0]![4] = 'D'; // A on 02-05 had E ((4 + 0) % 4 = 0): E is then unstaffed that day
    expect(check(write('unk.csv', gridCsv(g))).rows.map((x) => x.slice(0, 3))).toEqual([
      ['A', '2026-02-05', 'unknown-shift'],
      ['', '2026-02-05', 'coverage'],
    ]);
  });

  it('shift-times: a long roster giving E a 09:00 start', () => {
    const lines = ['agent,date,shift,start,end'];
    base().forEach((row, i) => row.forEach((c, d) => lines.push(`${AGENTS[i]},${DATES[d]},${c},${i === 0 && d === 0 ? '09:00' : ''},`)));
    expect(check(write('times.csv', lines.join('\n') + '\n')).rows).toEqual([['A', '2026-02-01', 'shift-times', 'line 2: start 09:00 does not match the E shift']]);
  });

  it('a bad shift set in the config is a usage error naming the problem', () => {
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ roster: { shifts: [{ code: 'E', zh: '早班', en: 'early', start: '08:00', end: '16:00', role: 'morning' }] } }));
    const r = runCli(['roster', 'check', write('x.csv', gridCsv(base())), '--config', bad, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('role "morning" must be day, night or other');
  });
});
