// --requests, --demand and --volume kept in Excel: a date typed into a cell is a date cell (read
// back as `2026-02-01 00:00:00`), an hour typed as 08:00 a time cell (`1899-12-30 08:00:00`).
// Both must read as the date / the hour, as the same file saved as csv does. They were refused
// ("not a date", "hour must be 0–23 or HH:00") or, for --demand, called "not in the month".
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

// RULES §4: roster check warns that 08:00–09:00 is measured (ruleId 20009524) and no default shift covers it.
const MORNING_EN = "storeops: warning: no shift covers 08:00–09:00 Beijing time: on Tmall/Taobao it counts toward the 3-minute response rate (旺旺3分钟人工响应率, ruleId 20009524, measured 08:00–23:00, ≥ 90 % expected), and other platforms' response measures may count it too; have someone answer then (name your shops' platforms in config reviews.shopNames and this says only that platform's rule)\n";
const MORNING_ZH = 'storeops: 警告: 没有班次覆盖 北京时间 08:00–09:00: 天猫/淘宝店这段时间计入 "旺旺3分钟人工响应率" (ruleId 20009524, 统计 08:00–23:00, 要求 ≥ 90%), 其他平台的客服响应考核也可能包括它; 请安排人工接待或调整班次时间 (在配置 reviews.shopNames 写明店铺所在平台, 提示只说该平台的规则)\n';

// The valid February 2026 roster of check.cli.test.ts: agent i on day d (0-based) works
// ['D','H','N','O'][(d + i) % 4]; one D, H, N and one agent off every day; 7 days off each.
const AGENTS = ['A', 'B', 'C', 'D'];
const DATES = Array.from({ length: 28 }, (_, d) => `2026-02-${String(d + 1).padStart(2, '0')}`);
const CYCLE = ['D', 'H', 'N', 'O'];
const gridCsv = [['agent', ...DATES].join(','), ...AGENTS.map((a, i) => [a, ...DATES.map((_, d) => CYCLE[(d + i) % 4]!)].join(','))].join('\n') + '\n';

const dir = tmpDir('roster-xlsx-inputs-');
const roster = path.join(dir, 'roster.csv');
fs.writeFileSync(roster, gridCsv);

/** An xlsx whose cells are what Excel stores for what was typed: dates as date cells, hours as time cells. */
async function xlsx(name: string, header: string[], rows: unknown[][], fmt: Record<number, string> = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header);
  for (const r of rows) {
    const row = ws.addRow(r);
    for (const [i, f] of Object.entries(fmt)) row.getCell(Number(i) + 1).numFmt = f;
  }
  const f = path.join(dir, name);
  await wb.xlsx.writeFile(f);
  return f;
}
const day = (d: number) => new Date(Date.UTC(2026, 1, d)); // typed 2026-02-<d> (wall clock, stored as UTC)
const hour = (h: number) => new Date(Date.UTC(1899, 11, 30, h)); // typed <h>:00 (Excel's day 0)

function check(...extra: string[]) {
  const r = runCli(['roster', 'check', roster, '--days-off', '7', '-f', 'csv', '--lang', 'en', ...extra]);
  // The four columns SPEC names; the cell is test/roster/handmade.cli.test.ts's.
  return { ...r, rows: (parse(r.stdout) as string[][]).slice(1).map((x) => x.slice(0, 4)) };
}

describe('roster inputs kept in xlsx: date and time cells', () => {
  it('--requests: a date cell is that day (A works D on 2026-02-01 → one request violation)', async () => {
    const req = await xlsx('requests.xlsx', ['agent', 'date'], [['A', day(1)], ['B', day(3)]], { 1: 'yyyy-mm-dd' });
    const r = check('--requests', req);
    // By hand: A (i = 0) on day index 0 works CYCLE[0] = D; B (i = 1) on index 2 works CYCLE[3] = O.
    expect(r.rows).toEqual([['A', '2026-02-01', 'request', 'asked for the day off, rostered on the day shift: make it O, or swap with an agent off that day']]);
    expect(r.stderr).not.toContain('not a date');
    expect(r.stderr).toBe(`${MORNING_EN}${roster}: 4 agents × 28 days, 1 violation (request 1)\n`);
    expect(r.code).toBe(1);
  });

  it('--demand: a date cell is a date of the month (D=2 on 2026-02-03 → D short by one)', async () => {
    const demand = await xlsx('demand.xlsx', ['date', 'D', 'H', 'N'], [[day(3), 2, 1, 1]], { 0: 'yyyy-mm-dd' });
    const r = check('--demand', demand);
    // By hand: every day has exactly one D, so 2026-02-03 has 1 of the 2 asked for.
    expect(r.rows).toEqual([['', '2026-02-03', 'coverage', 'D needs at least 2 (day), has 1']]);
    expect(r.stderr).not.toContain('not in the month');
    expect(r.code).toBe(1);
  });

  it('--volume: time cells (08:00) and date cells read as the same file in csv does', async () => {
    // 60 chats an hour on 2026-02-10 from 09:00 to 16:00 (the day shift's hours), none otherwise.
    const hours = [9, 10, 11, 12, 13, 14, 15, 16];
    const csv = path.join(dir, 'volume.csv');
    fs.writeFileSync(csv, 'hour,chats,date\n' + hours.map((h) => `${h},60,2026-02-10`).join('\n') + '\n');
    const x = await xlsx('volume.xlsx', ['hour', 'chats', 'date'], hours.map((h) => [hour(h), 60, day(10)]), { 0: 'hh:mm', 2: 'yyyy-mm-dd' });
    const fromCsv = check('--volume', csv);
    const fromXlsx = check('--volume', x);
    expect(fromCsv.rows.length).toBeGreaterThan(0); // the traffic asks for more than the roster has
    expect(fromXlsx.stderr).not.toContain('hour must be');
    expect(fromXlsx.stderr).not.toContain('not a date');
    expect(fromXlsx.rows).toEqual(fromCsv.rows);
    expect(fromXlsx.code).toBe(fromCsv.code);
  });

  it('a date cell with a real time of day is still not a date', async () => {
    const req = await xlsx('requests-time.xlsx', ['agent', 'date'], [['A', new Date(Date.UTC(2026, 1, 1, 9, 30))]], { 1: 'yyyy-mm-dd hh:mm' });
    const r = check('--requests', req);
    expect(r.stderr).toContain('not a date: "2026-02-01 09:30:00"');
    expect(r.rows).toEqual([]);
  });

  it('a roster whose date headers are formulas (=B1+1 under a date format) is read day by day', async () => {
    // B1 is the date 2026-02-01, C1..AC1 are =B1+1, =C1+1 …: each saved with its date as the result.
    // Read as 28 days, the roster is the valid one (no violations); the formulas were read as
    // serial numbers, so only 02-01 was a day and every other day of every agent a missing day.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('排班');
    ws.getCell('A1').value = '客服';
    ws.getCell('B1').value = day(1);
    for (let d = 2; d <= 28; d++) ws.getRow(1).getCell(d + 1).value = { formula: `${ws.getRow(1).getCell(d).address}+1`, result: day(d) };
    for (let d = 1; d <= 28; d++) ws.getRow(1).getCell(d + 1).numFmt = 'm"月"d"日"';
    AGENTS.forEach((a, i) => ws.addRow([a, ...DATES.map((_, d) => CYCLE[(d + i) % 4]!)]));
    const f = path.join(dir, 'formula-header.xlsx');
    await wb.xlsx.writeFile(f);
    for (const env of [{}, { STOREOPS_XLSX_READER: 'exceljs' }] as Record<string, string>[]) {
      const r = runCli(['roster', 'check', f, '--days-off', '7', '-f', 'csv', '--lang', 'en'], { env });
      expect(r.stderr).toBe(`${MORNING_EN}${f}: 4 agents × 28 days, no violations\n`);
      expect(r.code).toBe(0);
    }
  });
});
