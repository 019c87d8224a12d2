// A review time without its time of day (docs/rules.md §2.3): `2026-11-20` in a csv, or an Excel
// date cell in an xlsx (read back as 2026-11-20 00:00:00), may be any second of that Beijing day.
// The tool never guesses the time: deadlines are shown from the earliest time it may be, and are
// overdue (or the complaint/explanation no longer possible) only once passed for the latest.
// Through the built binary (npx tsc -p . first).
import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const HEAD = '订单编号,评价时间,评价结果,宝贝标题,评价内容,追评时间,追评内容\n';
const json = (s: string) => JSON.parse(s) as Record<string, unknown>[];
let xlsx = '';

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('评价');
  ws.addRow(['订单编号', '评价时间', '评价结果', '宝贝标题', '评价内容']);
  // A date typed into Excel: a date cell holding midnight, shown as 2026-11-20.
  const row = ws.addRow(['3515313147329357111', new Date(Date.UTC(2026, 10, 20)), '差评', '保温杯', '质量太差, 用了一天就坏了']);
  row.getCell(2).numFmt = 'yyyy-mm-dd';
  xlsx = path.join(tmpDir(), 'reviews-date.xlsx');
  await wb.xlsx.writeFile(xlsx);
});

describe('a review dated without its time of day', () => {
  it.each(['UTC', 'America/Los_Angeles'])('csv 2026-11-20: contactBy shown from the earliest time, not overdue before the latest (machine TZ=%s)', (tz) => {
    const csv = HEAD + '3515313147329357111,2026-11-20,差评,保温杯,质量太差 用了一天就坏了,,\n';
    // By hand (contact within 24 h, never in quiet hours 22:00–08:00, Beijing time):
    // earliest review time 11-20 00:00:00 → 11-21 00:00:00, a quiet hour → 11-20 21:59:59, the second before quiet hours (shown);
    // latest 11-20 23:59:59 → 11-21 23:59:59, a quiet hour → 11-21 21:59:59 (overdue only after it).
    // As of 11-21 10:00 the contact may still be in time (old code: overdue ['contactBy']).
    const r = runCli(['reviews', 'queue', '-', '--as-of', '2026-11-21 10:00:00', '-f', 'json'], { input: csv, tz });
    expect(r.code).toBe(0);
    const [item] = json(r.stdout);
    expect(item).toMatchObject({ contactBy: '2026-11-20T21:59:59+08:00', overdue: [], action: 'contact_now' });
    // Two seconds after 11-21 21:59:59 it has passed whatever the time of day was.
    const after = runCli(['reviews', 'queue', '-', '--as-of', '2026-11-21 22:00:01', '-f', 'json'], { input: csv, tz });
    expect(json(after.stdout)[0]).toMatchObject({ overdue: ['contactBy'] });
  });

  it('an extortion review dated 2026-11-20: the complaint may still be filed on 12-20 (30 days from a time that day)', () => {
    const csv = HEAD + '4100000000000000701,2026-11-20,差评,保温杯,不退款就差评,,\n';
    // By hand (complaint and explanation within 30 days, RULES 2.3): from 11-20 00:00:00 → 12-20
    // 00:00:00 (shown); from 11-20 23:59:59 → 12-20 23:59:59. As of 12-20 10:00 the complaint is
    // possible if the review was written after 10:00: file_complaint, nothing overdue (old code: action
    // none, overdue explainBy and complaintBy too: the chance was given up unseen). An extortion review
    // is a complaint row: no contact is planned, so no contactBy to be overdue (until 2026-12 it was,
    // from 11-21 22:00).
    const r = runCli(['reviews', 'queue', '-', '--as-of', '2026-12-20 10:00:00', '-f', 'json'], { input: csv });
    expect(json(r.stdout)[0]).toMatchObject({ complaintBy: '2026-12-20T00:00:00+08:00', explainBy: '2026-12-20T00:00:00+08:00', action: 'file_complaint', contactBy: null, overdue: [] });
    const late = runCli(['reviews', 'queue', '-', '--as-of', '2026-12-21 00:00:00', '-f', 'json'], { input: csv });
    expect(json(late.stdout)[0]).toMatchObject({ action: 'none', overdue: ['explainBy', 'complaintBy'] });
  });

  it('a message names the review by what is known: the date alone, or the minute, never a guessed 00:00:00', () => {
    const dir = tmpDir();
    const tpl = path.join(dir, 't.txt');
    fs.writeFileSync(tpl, '您在 {reviewedAt} 的评价\n');
    const csv = path.join(dir, 'r.csv');
    fs.writeFileSync(csv, HEAD + '3515313147329357111,2026-11-20,差评,保温杯,坏了,,\n3515313147329357112,2026/11/20 9:59,差评,杯,坏了,,\n3515313147329357113,2026-11-20 09:59:30,差评,杯,坏了,,\n');
    const say = (id: string) => runCli(['reviews', 'message', id, '--reviews', csv, '--template', tpl, '--as-of', '2026-11-21 10:00:00']).stdout;
    // Old code: 2026-11-20 00:00:00 and 2026-11-20 09:59:00, times the buyer never wrote.
    expect(say('3515313147329357111')).toBe('您在 2026-11-20 的评价\n');
    expect(say('3515313147329357112')).toBe('您在 2026-11-20 09:59 的评价\n');
    expect(say('3515313147329357113')).toBe('您在 2026-11-20 09:59:30 的评价\n');
  });

  it('an xlsx date cell is the date alone, as in a csv: same deadlines, and the same review as a copy with the time', () => {
    // As the csv case: contactBy 11-20 21:59:59 shown, overdue only after 11-21 21:59:59 (old: overdue).
    const r = runCli(['reviews', 'queue', xlsx, '--as-of', '2026-11-21 10:00:00', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout)[0]).toMatchObject({ contactBy: '2026-11-20T21:59:59+08:00', overdue: [] });
    // The same review downloaded with its time and a 追评 since: one review (its most complete
    // version), as a csv dated 2026-11-20 would be (old: two items, the xlsx midnight taken as exact).
    const csv = path.join(tmpDir(), 'later.csv');
    fs.writeFileSync(csv, HEAD + '3515313147329357111,2026-11-20 15:30:00,差评,保温杯,"质量太差, 用了一天就坏了",2026-11-21 09:00:00,还是坏的\n');
    const both = runCli(['reviews', 'queue', xlsx, csv, '--as-of', '2026-11-21 10:00:00', '-f', 'json']);
    const rows = json(both.stdout);
    expect(rows.map((x) => x.orderId)).toEqual(['3515313147329357111']);
    expect(both.stderr).toContain('1 review appears in more than one version');
  });

  it.each(['UTC', 'America/Los_Angeles'])('reviews queue shows a date-only reviewedAt as the date in json, csv, table and xlsx; order and deadlines unchanged (machine TZ=%s)', async (tz) => {
    // README: a review dated without its time stands for the whole day. The reviewedAt column
    // showed 2026-11-20 00:00:00 (csv, table, xlsx) and 2026-11-20T00:00:00+08:00 (json), a time
    // the buyer never wrote; it shows 2026-11-20. A review with its time keeps it (seconds and all).
    const dir = tmpDir();
    const csv = path.join(dir, 'mixed.csv');
    fs.writeFileSync(csv, HEAD + '3515313147329357111,2026-11-20,差评,保温杯,坏了,,\n3515313147329357113,2026-11-20 09:59:30,差评,杯,坏了,,\n');
    const args = ['reviews', 'queue', csv, '--as-of', '2026-11-21 10:00:00', '-q', '--state', path.join(dir, 's.db'), '--lang', 'en'];
    const rows = json(runCli([...args, '-f', 'json'], { tz }).stdout);
    // Sorted as before: both priority and score alike, then the nearer contactBy: the date-only
    // review's 11-20 21:59:59 (from 00:00, moved out of the quiet hours) before 11-21 09:59:30.
    expect(rows.map((r) => [r.orderId, r.reviewedAt, r.contactBy])).toEqual([
      ['3515313147329357111', '2026-11-20', '2026-11-20T21:59:59+08:00'],
      ['3515313147329357113', '2026-11-20T09:59:30+08:00', '2026-11-21T09:59:30+08:00'],
    ]);
    const out = runCli([...args, '-f', 'csv'], { tz }).stdout.trimEnd().split('\n');
    const at = out[0]!.split(',').indexOf('reviewedAt');
    expect(out.slice(1).map((l) => l.split(',')[at])).toEqual(['2026-11-20', '2026-11-20 09:59:30']);
    const table = runCli([...args, '-f', 'table', '--wide'], { tz }).stdout;
    expect(table).not.toContain('2026-11-20 00:00:00');
    expect(table).toContain('2026-11-20 09:59:30');
    const file = path.join(dir, 'q.xlsx');
    expect(runCli([...args, '-f', 'xlsx', '-o', file], { tz }).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const col = (ws.getRow(1).values as unknown[]).indexOf('reviewedAt');
    // A date cell shown as the date alone (yyyy-mm-dd): it was the text '2026-11-20', which a
    // spreadsheet sorts after every date (text after numbers) and leaves out of a date filter.
    expect(ws.getRow(2).getCell(col).value).toEqual(new Date(Date.UTC(2026, 10, 20)));
    expect(ws.getRow(2).getCell(col).numFmt).toBe('yyyy-mm-dd');
    expect(ws.getRow(3).getCell(col).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    // The exact one stays a date-time cell: 09:59:30 as the wall clock.
    expect(ws.getRow(3).getCell(col).value).toEqual(new Date(Date.UTC(2026, 10, 20, 9, 59, 30)));
    // Read back by storeops (it reads its own output), the date is still a date alone: the same
    // deadline shown and not overdue as of 11-21 10:00 (its latest, 11-21 21:59:59, is still ahead).
    const again = json(runCli(['reviews', 'queue', file, '--as-of', '2026-11-21 10:00:00', '-q', '--state', path.join(dir, 't.db'), '-f', 'json'], { tz }).stdout);
    expect(again.find((r) => r.orderId === '3515313147329357111')).toMatchObject({ reviewedAt: '2026-11-20', contactBy: '2026-11-20T21:59:59+08:00', overdue: [] });
  });
});

describe('a review time without its seconds (an Excel re-save: 2026/11/20 9:59)', () => {
  it.each(['UTC', 'America/Los_Angeles'])('reviews queue shows it to the minute, as the input and a message do, never with :00 seconds (machine TZ=%s)', async (tz) => {
    // docs/cli.md: a time the input gave less exactly is shown as given. 9:59 is any second of
    // 09:59:00–09:59:59 (docs/rules.md §1.7); the queue showed 2026-11-20 09:59:00 (json
    // 2026-11-20T09:59:00+08:00), seconds the file never had, while a message's {reviewedAt} wrote
    // 2026-11-20 09:59. Now 2026-11-20 09:59 (json 2026-11-20T09:59+08:00, an xlsx text cell read
    // back to the minute); deadlines unchanged (contactBy from the earliest, 11-21 09:59:00).
    const dir = tmpDir();
    const csv = path.join(dir, 'minute.csv');
    fs.writeFileSync(csv, HEAD + '3515313147329357111,2026/11/20 9:59,差评,保温杯,坏了,,\n');
    const args = ['reviews', 'queue', csv, '--as-of', '2026-11-21 10:00:00', '-q', '--state', path.join(dir, 's.db'), '--lang', 'en'];
    const rows = json(runCli([...args, '-f', 'json'], { tz }).stdout);
    expect(rows.map((r) => [r.reviewedAt, r.contactBy])).toEqual([['2026-11-20T09:59+08:00', '2026-11-21T09:59:00+08:00']]);
    const out = runCli([...args, '-f', 'csv'], { tz }).stdout.trimEnd().split('\n');
    const at = out[0]!.split(',').indexOf('reviewedAt');
    expect(out[1]!.split(',')[at]).toBe('2026-11-20 09:59');
    const file = path.join(dir, 'q.xlsx');
    expect(runCli([...args, '-f', 'xlsx', '-o', file], { tz }).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const col = (ws.getRow(1).values as unknown[]).indexOf('reviewedAt');
    expect(ws.getRow(2).getCell(col).value).toBe('2026-11-20 09:59');
    const again = json(runCli(['reviews', 'queue', file, '--as-of', '2026-11-21 10:00:00', '-q', '--state', path.join(dir, 't.db'), '-f', 'json'], { tz }).stdout);
    expect(again[0]).toMatchObject({ reviewedAt: '2026-11-20T09:59+08:00', contactBy: '2026-11-21T09:59:00+08:00' });
  });
});
