#!/usr/bin/env node
// Rebuilds test/fixtures/roster-handmade/: December 2026 rosters as a manager types them in Excel or
// WPS and saves them, for test/roster/handmade.cli.test.ts. Each workbook is written as a flat ODF
// spreadsheet (.fods: merged cells, date cells, formulas, a second sheet) and converted to xlsx by
// LibreOffice, so the xlsx is what a spreadsheet program writes, not what storeops' own writer does;
// the csv files are written as a spreadsheet saves them (UTF-8 with a BOM, CRLF).
//
//   node scripts/roster-handmade.mjs        (needs soffice on the PATH)
//
// The roster is roster plan's December 2026 for 小王,小李,小张,小赵,小陈 (proven optimal, every
// rule kept: 177.5 h, 8 nights, 4 days off each), then three hand edits, the same in every file:
//   小王 12-05 半 → 白   after 晚 on 12-04: night-then-day at 小王 12-05; 12-05 has no 半白班 left (coverage)
//   小张 12-10 白 → 早班  no such shift with the default shifts: unknown-shift at 小张 12-10 (and 12-10 has no 白班)
//   小赵 12-03 休 → 半    3 days off, not 4: days-off for 小赵
// and cells written as people write them (read as the same shift): 白班, 晚班, 休息, ' 休 ', Ｎ, n, d.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const OUT = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'test', 'fixtures', 'roster-handmade');

const PLAN = {
  '小王(实习)': '半,白,晚,晚,半,白,休,半,休,半,晚,半,白,晚,半,白,晚,半,半,白,晚,半,休,半,白,晚,半,休,白,晚,半',
  小李: '半,休,半,白,晚,半,晚,半,白,晚,半,白,晚,半,休,半,白,休,晚,半,白,晚,半,半,晚,晚,半,白,休,半,白',
  小张: '白,晚,半,半,白,晚,半,休,半,白,晚,晚,半,白,晚,休,半,半,白,晚,半,休,半,白,晚,半,白,半,晚,半,休',
  小赵: '晚,半,休,半,白,晚,半,白,晚,半,白,晚,半,休,半,晚,半,白,白,晚,休,半,白,晚,半,半,白,晚,半,休,半',
  小陈: '休,半,白,晚,晚,半,白,晚,半,休,半,白,晚,半,白,半,休,晚,半,半,半,白,晚,休,半,白,晚,半,半,白,晚',
};
const rows = Object.fromEntries(Object.entries(PLAN).map(([a, s]) => [a, s.split(',')]));
// The three edits (day d is index d - 1).
rows['小王(实习)'][4] = '白';
rows['小张'][9] = '早班';
rows['小赵'][2] = '半';
// Spellings: the same shifts as typed by hand.
rows['小李'][3] = '白班'; // 12-04
rows['小李'][4] = '晚班'; // 12-05
rows['小李'][1] = '休息'; // 12-02
rows['小陈'][0] = ' 休 '; // 12-01, spaces around
rows['小陈'][3] = 'Ｎ'; // 12-04, full-width N (晚)
rows['小陈'][4] = 'n'; // 12-05, lower case (晚)
rows['小陈'][2] = 'd'; // 12-03 (白)
const TEAM1 = ['小王(实习)', '小李', '小张'];
const TEAM2 = ['小赵', '小陈'];
const DAYS = 31;
const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];
const weekday = (d) => WEEKDAY[new Date(Date.UTC(2026, 11, d)).getUTCDay()];
const col = (i) => (i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26)));
const serial = (d) => Math.round((Date.UTC(2026, 11, d) - Date.UTC(1899, 11, 30)) / 86400000);

// ---- csv (a spreadsheet's save: BOM, CRLF; a totals column, a blank row between the teams) ----
function csv(name, head, { totals = true, weekdays = false } = {}) {
  const lines = [];
  lines.push(['2026年12月客服排班表'].join(','));
  lines.push(['姓名', ...Array.from({ length: DAYS }, (_, i) => head(i + 1)), ...(totals ? ['出勤天数'] : [])].join(','));
  if (weekdays) lines.push(['', ...Array.from({ length: DAYS }, (_, i) => weekday(i + 1)), ...(totals ? [''] : [])].join(','));
  const agentLine = (a) => [a, ...rows[a], ...(totals ? [String(rows[a].filter((c) => !/休/.test(c)).length)] : [])].join(',');
  for (const a of TEAM1) lines.push(agentLine(a));
  lines.push(Array(DAYS + (totals ? 2 : 1)).fill('').join(','));
  for (const a of TEAM2) lines.push(agentLine(a));
  fs.writeFileSync(path.join(OUT, name), '\uFEFF' + lines.join('\r\n') + '\r\n');
}

// ---- fods → xlsx ----
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A cell: a string, or { date: 'YYYY-MM-DD' }, { num }, { f: 'of:=…', date?: true } with { span } for a merge. */
function cellXml(c) {
  if (c === undefined || c === '' || c === null) return '<table:table-cell/>';
  if (typeof c === 'string') return `<table:table-cell office:value-type="string"><text:p>${esc(c)}</text:p></table:table-cell>`;
  const span = c.span ? ` table:number-columns-spanned="${c.span}"` : '';
  const covered = c.span ? '<table:covered-table-cell/>'.repeat(c.span - 1) : '';
  if (c.text !== undefined) return `<table:table-cell${span} office:value-type="string"><text:p>${esc(c.text)}</text:p></table:table-cell>${covered}`;
  if (c.date) {
    const f = c.f ? ` table:formula="${esc(c.f)}"` : '';
    return `<table:table-cell table:style-name="md"${f} office:value-type="date" office:date-value="${c.date}"><text:p>${c.date}</text:p></table:table-cell>`;
  }
  if (c.f) return `<table:table-cell table:formula="${esc(c.f)}" office:value-type="float" office:value="${c.num ?? 0}"><text:p>${c.num ?? 0}</text:p></table:table-cell>`;
  return `<table:table-cell office:value-type="float" office:value="${c.num}"><text:p>${c.num}</text:p></table:table-cell>`;
}
function fods(sheets) {
  const tables = sheets
    .map(({ name, rows: rs }) => `<table:table table:name="${esc(name)}">${rs.map((r) => `<table:table-row>${r.map(cellXml).join('')}</table:table-row>`).join('')}</table:table>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles><number:date-style style:name="mdf"><number:month/><number:text>/</number:text><number:day/></number:date-style><style:style style:name="md" style:family="table-cell" style:data-style-name="mdf"/></office:automatic-styles>
<office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document>
`;
}
function xlsx(name, sheets) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-handmade-'));
  const src = path.join(tmp, name.replace(/\.xlsx$/, '.fods'));
  fs.writeFileSync(src, fods(sheets));
  execFileSync('soffice', [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', OUT, src], { stdio: 'ignore' });
  fs.rmSync(tmp, { recursive: true, force: true });
}

/** The manager's workbook: title and week headers merged, dates as date cells (12/1, then =B3+1), a weekday row, totals. */
function workbook(dateCell) {
  const W = DAYS + 2; // 姓名, 31 days, 出勤天数
  const weeks = [];
  // Week 1 is Tue 12-01 – Sun 12-06, then Monday to Sunday.
  for (let d = 1, w = 1; d <= DAYS; w++) {
    const end = Math.min(DAYS, d === 1 ? 6 : d + 6);
    weeks.push({ text: `第${w}周`, span: end - d + 1 });
    for (let k = 1; k < end - d + 1; k++) weeks.push(undefined); // placeholder, dropped below
    d = end + 1;
  }
  const r = [];
  r.push([{ text: '2026年12月客服排班表', span: W }]);
  r.push(['', ...weeks.filter((x) => x !== undefined), '']);
  r.push(['姓名', ...Array.from({ length: DAYS }, (_, i) => dateCell(i + 1)), '出勤天数']);
  r.push(['', ...Array.from({ length: DAYS }, (_, i) => weekday(i + 1)), '']);
  const agentRow = (a, line) => [a, ...rows[a], { f: `of:=COUNTIF([.B${line}:.AF${line}];"<>休")`, num: rows[a].filter((c) => !/休/.test(c)).length }];
  let line = 5;
  for (const a of TEAM1) r.push(agentRow(a, line++));
  r.push([]);
  line++;
  for (const a of TEAM2) r.push(agentRow(a, line++));
  r.push([]);
  r.push(['晚班人数', ...Array.from({ length: DAYS }, (_, i) => ({ f: `of:=COUNTIF([.${col(i + 1)}5:.${col(i + 1)}10];"晚*")`, num: [...TEAM1, ...TEAM2].filter((a) => /^晚/.test(rows[a][i])).length }))]);
  return r;
}

fs.mkdirSync(OUT, { recursive: true });
csv('december-md.csv', (d) => `12/${d}`);
csv('december-cn.csv', (d) => `12月${d}日`, { weekdays: true });
csv('december-day.csv', (d) => `${d}日`, { totals: false });
const november = [['姓名', '11/1', '11/2'], ['小王', '白', '休']];
xlsx('december-wps.xlsx', [
  { name: '12月排班', rows: workbook((d) => (d === 1 ? { date: '2026-12-01' } : { date: `2026-12-${String(d).padStart(2, '0')}`, f: `of:=[.${col(d - 1)}3]+1` })) },
  { name: '11月', rows: november },
]);
// Date serials: the date row typed as numbers (a date column pasted as values, or formatted General).
xlsx('december-serials.xlsx', [{ name: 'Sheet1', rows: workbook((d) => ({ num: serial(d) })) }]);
console.log(`wrote ${fs.readdirSync(OUT).join(', ')} to ${OUT}`);
