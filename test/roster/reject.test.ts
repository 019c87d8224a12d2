// Every input row of the roster command is used or reported (file, line, reason) through the
// rejects log: rows with unreadable quoting, rows wider than their header, rows without an agent.
// A roster with no agent rows at all is unusable input (exit 3). Run `npx tsc -p .` first.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

// The valid February 2026 roster of check.cli.test.ts: agent i on day d (0-based) works
// ['D','H','N','O'][(d + i) % 4]; one D, one H, one N and one agent off every day, each N
// followed by O, 28/4 = 7 days off each (so --days-off 7). It has no violations.
const AGENTS = ['A', 'B', 'C', 'D'];
const DATES = Array.from({ length: 28 }, (_, d) => `2026-02-${String(d + 1).padStart(2, '0')}`);
const CYCLE = ['D', 'H', 'N', 'O'];
const rowOf = (i: number) => [AGENTS[i]!, ...DATES.map((_, d) => CYCLE[(d + i) % 4]!)];
const HEADER = ['agent', ...DATES].join(',');

function write(name: string, text: string): string {
  const f = path.join(tmpDir('roster-reject-'), name);
  fs.writeFileSync(f, text);
  return f;
}
function check(file: string, ...extra: string[]) {
  return runCli(['roster', 'check', file, '--days-off', '7', '-f', 'csv', '--lang', 'en', ...extra]);
}
const rejectRows = (f: string) => (parse(fs.readFileSync(f, 'utf8'), { bom: true }) as string[][]);

describe('roster check: the roster file', () => {
  it('an unclosed quote that swallows later rows is reported (stderr and --rejects), exit 1', () => {
    // Line 3 opens a quote never closed: lines 3–4 are one unreadable record; 小王 (line 2) is read.
    const f = write('roster.csv', 'agent,2026-11-01,2026-11-02\n小王,D,N\n"小李,D,N\n小张,D,N\n');
    const rej = path.join(path.dirname(f), 'rejects.csv');
    const r = check(f, '--rejects', rej);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:3: a quote opened at line 3 is never closed before the end of the file (line 4); those lines cannot be read`);
    expect(r.stderr).toContain(`${f}: 1 agent × 30 days`);
    expect(rejectRows(rej)).toEqual([
      ['file', 'line', 'column', 'value', 'reason'],
      [f, '3', '', '', 'a quote opened at line 3 is never closed before the end of the file (line 4); those lines cannot be read'],
    ]);
  });

  it('under --strict the unreadable row fails the run (exit 3, nothing on stdout)', () => {
    const f = write('roster.csv', 'agent,2026-11-01,2026-11-02\n小王,D,N\n"小李,D,N\n小张,D,N\n');
    const r = check(f, '--strict');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--strict: 1 row was rejected');
  });

  it('a grid row with data beyond the header is rejected; the other agents are checked', () => {
    // A fifth agent E (line 6) has A's 28 shifts and one extra cell "D": 1 + 28 + 1 = 30 cells
    // against a 29-cell header. Rejected, E is not checked; the valid four remain.
    const lines = [HEADER, ...AGENTS.map((_, i) => rowOf(i).join(',')), ['E', ...rowOf(0).slice(1), 'D'].join(',')];
    const f = write('wide.csv', lines.join('\n') + '\n');
    const r = check(f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:6: this row has 30 cells but the header has 29 (extra cells hold data)`);
    expect(r.stderr).toContain(`${f}: 4 agents × 28 days, no violations`);
  });

  it('the example from the brief: 5 cells under a 3-cell header', () => {
    const f = write('wide.csv', 'agent,2026-11-01,2026-11-02\n小王,D,N,D,D\n小李,D,N\n');
    const r = check(f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:2: this row has 5 cells but the header has 3 (extra cells hold data)`);
    expect(r.stderr).toContain(`${f}: 1 agent × 30 days`);
  });

  it('extra cells that are empty (trailing commas) are accepted', () => {
    const f = write('commas.csv', [HEADER + ',', ...AGENTS.map((_, i) => rowOf(i).join(',') + ',,,')].join('\n') + '\n');
    const r = check(f);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('agent,date,rule,detail,cell\n');
  });

  it('a short grid row is read: the days it lacks are missing days, not a rejected row', () => {
    // A's row stops after 2026-02-27 (the last cell, 02-28 = d 27, 27 % 4 = 3 → O, is dropped):
    // A then has 7 − 1 = 6 days off and no entry for 02-28. Coverage that day is unchanged
    // (B: 28 % 4 = 0 → D, C: H, D: N).
    const lines = [HEADER, rowOf(0).slice(0, -1).join(','), rowOf(1).join(','), rowOf(2).join(','), rowOf(3).join(',')];
    const r = check(write('short.csv', lines.join('\n') + '\n'));
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('cells but the header');
    const rows = (parse(r.stdout) as string[][]).slice(1).map((x) => x.slice(0, 4));
    expect(rows).toEqual([
      ['A', '2026-02-28', 'missing-day', 'no shift or day off given for this day: write a shift (D/H/N) or O'],
      ['A', '', 'days-off', '6 days off, must be exactly 7'],
    ]);
  });

  it('a grid row with shifts but no agent name is reported', () => {
    const lines = [HEADER, ...AGENTS.map((_, i) => rowOf(i).join(',')), ['', ...rowOf(0).slice(1)].join(',')];
    const f = write('noname.csv', lines.join('\n') + '\n');
    const r = check(f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:6 [agent]: this row has no agent name`);
    expect(r.stderr).toContain('4 agents × 28 days, no violations');
  });

  it('a long-layout row with no agent is reported, the others used', () => {
    const lines = ['agent,date,shift'];
    AGENTS.forEach((_, i) => DATES.forEach((d, j) => lines.push(`${AGENTS[i]},${d},${rowOf(i)[j + 1]}`)));
    lines.push(',2026-02-01,D'); // line 1 + 4 × 28 + 1 = 114
    const f = write('long.csv', lines.join('\n') + '\n');
    const r = check(f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:114 [agent]: this row has no agent name`);
    expect(r.stderr).toContain('4 agents × 28 days, no violations');
  });

  it('a header and no agent rows is unusable input: exit 3, not 90 coverage violations', () => {
    const f = write('empty.csv', 'agent,date,shift\r\n');
    const r = check(f, '--month', '2026-11');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`no agents in ${f}`);
    const g = write('empty-grid.csv', 'agent,2026-11-01,2026-11-02\n\n');
    const rg = check(g);
    expect(rg.code).toBe(3);
    expect(rg.stderr).toContain(`no agents in ${g}`);
  });

  it('a roster whose every row is unreadable: the row is reported and the run fails with exit 3', () => {
    const f = write('quoted.csv', 'agent,2026-11-01\n"小王,D\n小李,N\n');
    const rej = path.join(path.dirname(f), 'rejects.csv');
    const r = check(f, '--rejects', rej);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:2: a quote opened at line 2 is never closed`);
    expect(r.stderr).toContain(`no agents in ${f}: 1 row(s) could not be read`);
    // The rejects file is closed with the one row, not left missing.
    expect(rejectRows(rej).length).toBe(2);
  });
});

describe('roster inputs: --requests, --demand, --volume, --agents', () => {
  const base = () => write('roster.csv', [HEADER, ...AGENTS.map((_, i) => rowOf(i).join(','))].join('\n') + '\n');

  it('--requests: a row without an agent and an unreadable row are reported; the good one is used', () => {
    const roster = base();
    // A is off on 02-04 (d 3: 3 % 4 = 3 → O), so granting line 2 breaks nothing.
    const req = write('requests.csv', 'agent,date\nA,2026-02-04\n,2026-02-05\n"B,2026-02-01\nC,2026-02-02\n');
    const rej = path.join(path.dirname(req), 'rejects.csv');
    const r = check(roster, '--requests', req, '--rejects', rej);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('agent,date,rule,detail,cell\n');
    expect(r.stderr).toContain(`${req}:3 [agent]: this row has no agent name`);
    expect(r.stderr).toContain(`${req}:4: a quote opened at line 4 is never closed before the end of the file (line 5)`);
    expect(rejectRows(rej).map((x) => x.slice(0, 3))).toEqual([
      ['file', 'line', 'column'],
      [req, '3', 'agent'],
      [req, '4', ''],
    ]);
  });

  it('--requests: a bad date says which problem it is, under the file\'s own column name', () => {
    // Was "[date]: not a valid agent and date" for all three, whatever the header said.
    // February 2026 has 28 days, so 2026-02-30 is no day; 下周一 is no date; an empty cell has none.
    const req = write('requests.csv', '客服,日期\nA,2026-02-04\nB,2026-02-30\nC,\nD,下周一\n');
    const r = check(base(), '--requests', req, '--lang', 'en');
    expect(r.stderr).toContain(`${req}:3 [日期]: there is no such day: "2026-02-30" (check the month and day)`);
    expect(r.stderr).toContain(`${req}:4 [日期]: no date: write the day off, such as 2026-11-11 (several separated by ;)`);
    expect(r.stderr).toContain(`${req}:5 [日期]: not a date: "下周一"; write 2026-11-11, 11-11 or 11 (several separated by ;)`);
  });

  it('--volume and --demand with Chinese headers: a rejected cell is named by the file\'s column (小时, not hour)', () => {
    const vol = write('volume.csv', '小时,咨询量,星期\n25,10,\n20,很多,\n20,5,周八\n');
    const r = check(base(), '--volume', vol, '--lang', 'en');
    expect(r.stderr).toContain(`${vol}:2 [小时]: "25" hour must be 0–23 or HH:00`);
    expect(r.stderr).toContain(`${vol}:3 [咨询量]: "很多" chats must be a number ≥ 0`);
    expect(r.stderr).toContain(`${vol}:4 [星期]: "周八" weekday must be Mon–Sun, 周一–周日 or 1–7`);
  });

  it('--volume and --demand typed with a full-width comma or digits: the rejection says what to write', () => {
    // Before: '"1，000" chats must be a number ≥ 0' and '"２" staff must be a whole number ≥ 0', no hint.
    // Not read: a comma may be a thousands separator or a decimal point; full-width digits are not
    // said to be read in these files (docs/formats.md), so the ASCII form is named, not taken.
    const vol = write('volume-typed.csv', '小时,咨询量\n9,1，000\n10,１２\n');
    const v = check(base(), '--volume', vol, '--lang', 'en');
    expect(v.stderr).toContain(`${vol}:2 [咨询量]: "1，000" chats must be a number ≥ 0: a full-width comma "，" may be a thousands separator or a decimal point, which is not guessed; write it without the comma, e.g. 60\n`);
    expect(v.stderr).toContain(`${vol}:3 [咨询量]: "１２" chats must be a number ≥ 0: those are full-width digits; write it in ASCII digits: 12\n`);
    const dem = write('demand-typed.csv', 'date,D,H,N\n2026-02-03,２,1,1\n');
    const d = check(base(), '--demand', dem, '--lang', 'zh');
    expect(d.stderr).toContain(`${dem}:2 [D]: "２" 人数应为非负整数: 这是全角数字; 请用半角数字写成 2\n`);
  });

  it('--demand: a row wider than its header and an unreadable row are reported', () => {
    // The base roster has one D, H and N every day: a demand of 1 each is met.
    const dem = write('demand.csv', 'date,D,H,N\n2026-02-03,1,1,1\n2026-02-04,1,1,1,2\n"2026-02-05,1,1,1\n');
    const r = check(base(), '--demand', dem);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('agent,date,rule,detail,cell\n');
    expect(r.stderr).toContain(`${dem}:3: this row has 5 cells but the header has 4 (extra cells hold data)`);
    expect(r.stderr).toContain(`${dem}:4: a quote opened at line 4 is never closed`);
  });

  it('--volume: an unreadable row is reported', () => {
    const vol = write('volume.csv', 'hour,chats\n10,1\n"11,1\n');
    const rej = path.join(path.dirname(vol), 'rejects.csv');
    const r = check(base(), '--volume', vol, '--rejects', rej);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${vol}:3: a quote opened at line 3 is never closed`);
    expect(rejectRows(rej).slice(1).map((x) => x.slice(0, 2))).toEqual([[vol, '3']]);
  });

  it('--agents file: blank-name, duplicate and unreadable rows are reported, the rest planned', () => {
    // Lines: 2 Ann, 3 (no name), 4 Bo, 5 Ann again, 6 Cy, 7 Di, 8 an unclosed quote → Ann, Bo, Cy, Di.
    const ag = write('agents.csv', 'name,team\nAnn,a\n,a\nBo,a\nAnn,b\nCy,b\nDi,b\n"Ed,b\n');
    const rej = path.join(path.dirname(ag), 'rejects.csv');
    const r = runCli(['roster', 'plan', '--month', '2026-02', '--agents', ag, '--lang', 'en', '-f', 'csv', '--rejects', rej]);
    expect(r.code).toBe(1);
    const names = (parse(r.stdout) as string[][]).slice(1).map((x) => x[0]).filter((a) => !a!.startsWith('coverage') && a !== 'service level');
    expect(names).toEqual(['Ann', 'Bo', 'Cy', 'Di']);
    expect(r.stderr).toContain(`${ag}:3 [name]: this row has no agent name`);
    expect(r.stderr).toContain(`${ag}:5 [name]: agent "Ann" is already listed at line 2`);
    expect(r.stderr).toContain(`${ag}:8: a quote opened at line 8 is never closed`);
    expect(rejectRows(rej).slice(1).map((x) => x[1])).toEqual(['3', '5', '8']);
  });
});
