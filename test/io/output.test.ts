// The output layer (SPEC "Global options", "Values in output"): every format, BOM, GBK, formula
// escaping, wide-character alignment, atomic -o.
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import type { Column, Row } from '../../src/io/columns.js';
import { cleanCell } from '../../src/io/cells.js';
import { escapeFormula } from '../../src/io/escape.js';
import { SHEET_ROWS, readRecords } from '../../src/io/records.js';
import { openSource } from '../../src/io/source.js';
import { type OutputOptions, openOutput, writeRows } from '../../src/io/output.js';
import { fileSink } from '../../src/io/sink.js';
import { ROWS_PER_SHEET, tableXlsx } from '../../src/io/xlsx.js';
import { displayWidth, pad } from '../../src/io/width.js';
import { OutputError } from '../../src/errors.js';
import { Money } from '../../src/money.js';
import { TimeZone } from '../../src/time.js';
import { ROOT, tmpDir } from '../helpers.js';

class Capture extends Writable {
  chunks: Buffer[] = [];
  isTTY = false;
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.chunks.push(Buffer.from(chunk));
    cb();
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
  text(): string {
    return this.bytes().toString('utf8');
  }
}

function opts(over: Partial<OutputOptions> = {}): OutputOptions & { stdout: Capture } {
  return {
    outEncoding: 'utf8',
    formulaEscape: true,
    lang: 'en',
    tz: new TimeZone('Asia/Shanghai'),
    color: false,
    stdout: new Capture(),
    ...over,
  } as OutputOptions & { stdout: Capture };
}

const COLS: Column[] = [
  { key: 'orderId', zh: '订单编号', en: 'orderId', type: 'id' },
  { key: 'buyer', zh: '买家', en: 'buyer' },
  { key: 'paidAt', zh: '付款时间', en: 'paidAt', type: 'time' },
  { key: 'amount', zh: '金额', en: 'amount', type: 'money' },
  { key: 'ids', zh: '订单', en: 'ids', type: 'list' },
  { key: 'late', zh: '迟发', en: 'late', type: 'bool' },
];

// 2026-11-20 14:03:00 in Beijing = 06:03:00 UTC.
const PAID = Date.UTC(2026, 10, 20, 6, 3, 0);
const ROWS: Row[] = [
  { orderId: '3515313147329357901', buyer: '小明爱购物', paidAt: PAID, amount: new Money('12.5'), ids: ['3515313147329357901', '3515313147329357902'], late: true },
  { orderId: '2987650012233445501', buyer: 'a,"b"', paidAt: null, amount: new Money('-3'), ids: [], late: false },
];

describe('formats', () => {
  it('csv: header line then rows; ids as text, time in --tz, money with two places, lists joined with ;', async () => {
    const o = opts({ format: 'csv' });
    await writeRows(o, COLS, ROWS);
    expect(o.stdout.text()).toBe(
      'orderId,buyer,paidAt,amount,ids,late\n' +
        '3515313147329357901,小明爱购物,2026-11-20 14:03:00,12.50,3515313147329357901;3515313147329357902,yes\n' +
        '2987650012233445501,"a,""b""",,-3.00,,no\n',
    );
  });

  it('csv headers follow --lang', async () => {
    const o = opts({ format: 'csv', lang: 'zh' });
    await writeRows(o, COLS, []);
    expect(o.stdout.text()).toBe('订单编号,买家,付款时间,金额,订单,迟发\n');
  });

  it('tsv', async () => {
    const o = opts({ format: 'tsv' });
    await writeRows(o, COLS, ROWS.slice(0, 1));
    expect(o.stdout.text()).toBe(
      'orderId\tbuyer\tpaidAt\tamount\tids\tlate\n3515313147329357901\t小明爱购物\t2026-11-20 14:03:00\t12.50\t3515313147329357901;3515313147329357902\tyes\n',
    );
  });

  it('csv: a cell is written anew whenever its value changes, though the writer keeps the field of a repeated value (issue 21)', async () => {
    // One list object changed between rows (not frozen: its field is worked out again), one amount
    // met twice as one Decimal, then as another Decimal of the same value, and times in Beijing
    // crossing midnight and back: 2026-11-20 15:59:59 UTC = 23:59:59 in Beijing, +1 s = 11-21 00:00:00.
    const ids = ['1'];
    const twelve = new Money('12.5');
    const night = Date.UTC(2026, 10, 20, 15, 59, 59);
    const rows: Row[] = [
      { orderId: '1', buyer: 'x', paidAt: night, amount: twelve, ids, late: true },
      { orderId: '1', buyer: 'x', paidAt: night + 1000, amount: twelve, ids, late: true },
      { orderId: '1', buyer: 'x', paidAt: night, amount: new Money('12.50'), ids, late: false },
    ];
    const o = opts({ format: 'csv' });
    await writeRows(o, COLS, (function* () {
      yield rows[0]!;
      ids.push('2');
      yield rows[1]!;
      ids.length = 0;
      yield rows[2]!;
    })());
    expect(o.stdout.text()).toBe(
      'orderId,buyer,paidAt,amount,ids,late\n' +
        '1,x,2026-11-20 23:59:59,12.50,1,yes\n' +
        '1,x,2026-11-21 00:00:00,12.50,1;2,yes\n' +
        '1,x,2026-11-20 23:59:59,12.50,,no\n',
    );
  });

  it('csv: one Decimal in several money columns and in a text column; money columns share the fields made (perf48)', async () => {
    // The money columns share one memo of fields by Decimal (and the last amount looked up): the
    // same Decimal in base, amount and due is 12.50 in each; in a text column it is its own
    // String(), 12.5, and written for a spreadsheet (textIds) a plain number there is wrapped
    // ="12.5" (escape.ts PLAIN_NUMBER), never the money field. -0.5 in a money column is -0.50,
    // left alone by the formula escape (a number as storeops writes it); in the text column it is
    // -0.5, a canonical number too (no `'`), which textIds wraps as a negative a spreadsheet would
    // read as a figure (NUMBER_GROUPED_OR_NEGATIVE): ="-0.5". A guard: passes before and after.
    const cols: Column[] = [
      { key: 'base', zh: '基数', en: 'base', type: 'money' },
      { key: 'note', zh: '备注', en: 'note' },
      { key: 'amount', zh: '金额', en: 'amount', type: 'money' },
      { key: 'due', zh: '应付', en: 'due', type: 'money' },
      { key: 'hours', zh: '小时', en: 'hours', type: 'hours', round: 'up' },
    ];
    const m = new Money('12.5');
    const neg = new Money('-0.5');
    const rows: Row[] = [
      { base: m, note: m, amount: m, due: m, hours: 29.51 },
      { base: neg, note: neg, amount: m, due: neg, hours: -0.01 },
      { base: m, note: 'x', amount: neg, due: m, hours: 0 },
    ];
    const plain = opts({ format: 'csv' });
    await writeRows(plain, cols, rows);
    // hours: 29.51 up → 29.6; -0.01 h up → ceil(-0.1) = -0 → 0.0; 0 → 0.0.
    expect(plain.stdout.text()).toBe('base,note,amount,due,hours\n12.50,12.5,12.50,12.50,29.6\n-0.50,-0.5,12.50,-0.50,0.0\n12.50,x,-0.50,12.50,0.0\n');
    const sheet = opts({ format: 'csv', textIds: true });
    await writeRows(sheet, cols, rows);
    expect(sheet.stdout.text()).toBe('base,note,amount,due,hours\n12.50,="12.5",12.50,12.50,29.6\n-0.50,="-0.5",12.50,-0.50,0.0\n12.50,x,-0.50,12.50,0.0\n');
  });

  it('json: one array; money a string, time ISO 8601 with +08:00, lists arrays, null for empty', async () => {
    const o = opts({ format: 'json' });
    await writeRows(o, COLS, ROWS);
    expect(JSON.parse(o.stdout.text())).toEqual([
      { orderId: '3515313147329357901', buyer: '小明爱购物', paidAt: '2026-11-20T14:03:00+08:00', amount: '12.50', ids: ['3515313147329357901', '3515313147329357902'], late: true },
      { orderId: '2987650012233445501', buyer: 'a,"b"', paidAt: null, amount: '-3.00', ids: [], late: false },
    ]);
  });

  it('json with no rows is an empty array', async () => {
    const o = opts({ format: 'json' });
    await writeRows(o, COLS, []);
    expect(JSON.parse(o.stdout.text())).toEqual([]);
  });

  it('ndjson: one object per line', async () => {
    const o = opts({ format: 'ndjson' });
    await writeRows(o, COLS, ROWS);
    const lines = o.stdout.text().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0]!).paidAt).toBe('2026-11-20T14:03:00+08:00');
    expect(JSON.parse(lines[1]!).buyer).toBe('a,"b"');
  });

  it('json times follow --tz (UTC here), never the machine zone', async () => {
    const o = opts({ format: 'json', tz: new TimeZone('UTC') });
    await writeRows(o, COLS, ROWS.slice(0, 1));
    expect(JSON.parse(o.stdout.text())[0].paidAt).toBe('2026-11-20T06:03:00+00:00');
  });

  it('xlsx: one sheet; ids and text are text cells (no formula, no visible \'), money a number, times date-time cells', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'out.xlsx');
    const o = opts({ output: file });
    await writeRows(o, COLS, [...ROWS, { orderId: '4100000000000000701', buyer: '=cmd|calc', paidAt: PAID, amount: new Money('0.1'), ids: ['1'], late: false }]);
    expect(fs.readdirSync(dir)).toEqual(['out.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'orderId', 'buyer', 'paidAt', 'amount', 'ids', 'late']);
    const id = ws.getCell('A2');
    expect(id.type).toBe(ExcelJS.ValueType.String);
    expect(id.value).toBe('3515313147329357901');
    expect(ws.getCell('A3').value).toBe('2987650012233445501');
    // 06:03 UTC is 14:03 in Beijing: a date-time cell holding the Beijing wall clock.
    expect(ws.getCell('C2').type).toBe(ExcelJS.ValueType.Date);
    expect((ws.getCell('C2').value as Date).getTime()).toBe(Date.UTC(2026, 10, 20, 14, 3, 0));
    expect(ws.getCell('C2').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(ws.getCell('C3').value).toBe(null);
    expect(ws.getCell('D2').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('D2').value).toBe(12.5);
    expect(ws.getCell('D2').numFmt).toBe('0.00');
    expect(ws.getCell('D3').value).toBe(-3);
    expect(ws.getCell('D4').value).toBe(0.1);
    // A list is one item per line in a wrapping column.
    expect(ws.getCell('E2').value).toBe('3515313147329357901\n3515313147329357902');
    expect(ws.getCell('E2').alignment?.wrapText).toBe(true);
    // Text that would run as a formula in csv stays plain text here: a string cell is never a formula.
    expect(ws.getCell('B4').value).toBe('=cmd|calc');
    expect(ws.getCell('B4').type).toBe(ExcelJS.ValueType.String);
  });

  it('xlsx is print-ready: bold frozen header with a filter, widths from the content, landscape A4 fitted to the width, header repeated', async () => {
    const file = path.join(tmpDir(), 'out.xlsx');
    await writeRows(opts({ output: file, lang: 'zh' }), COLS, ROWS);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:F1');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('F1').font?.bold).toBe(true);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    // Widths by hand (display width, CJK = 2): orderId 19 digits; buyer 小明爱购物 = 10; paidAt
    // "2026-11-20 14:03:00" = 19; amount "-3.00" = 5 but its header 金额 needs 4 plus the filter
    // button; ids one 19-digit id per line; 是/否 = 2.
    const w = (c: string) => ws.getColumn(c).width!;
    expect(w('A')).toBeGreaterThanOrEqual(19);
    expect(w('A')).toBeLessThan(19 + 5);
    expect(w('B')).toBeGreaterThanOrEqual(10);
    expect(w('C')).toBeGreaterThanOrEqual(19);
    expect(w('D')).toBeGreaterThanOrEqual(4 + 2);
    expect(w('E')).toBeGreaterThanOrEqual(19);
    expect(w('E')).toBeLessThan(39); // not the width of both ids on one line
    // The row with two ids is two lines high (2 × 15 pt), so both show when printed.
    expect(ws.getRow(2).height).toBe(30);
  });

  it('xlsx: text wider than 50 wraps in a 50-wide column with the row made tall enough', async () => {
    const file = path.join(tmpDir(), 'out.xlsx');
    const note = '包装破损'.repeat(15); // 60 CJK characters = display width 120
    await writeRows(opts({ output: file }), [{ key: 'note', zh: '备注', en: 'note' }], [{ note }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.getColumn(1).width).toBe(50);
    expect(ws.getCell('A2').alignment?.wrapText).toBe(true);
    // 120 + 2 padding over 50 a line = 3 lines (ceil 2.44) × 16 pt (Chinese lines: Noto Sans CJK sets
    // 11-pt text 16.0 pt apart in LibreOffice, measured with pdftotext -bbox; 15 pt cut the last of five
    // Chinese lines). 18 pt until 2026-12 left the reviews queue's rows a line taller than their text.
    expect(ws.getRow(2).height).toBe(48);
  });

  it('xlsx: rows past a sheet\'s limit go on over more sheets, each with its header (a spreadsheet cuts a longer sheet off)', async () => {
    // Excel's limit: 1,048,576 rows a sheet, one of them the header.
    expect(ROWS_PER_SHEET).toBe(1048576 - 1);
    const file = path.join(tmpDir(), 'out.xlsx');
    const cols: Column[] = [{ key: 'orderId', zh: '订单编号', en: 'orderId', type: 'id' }];
    const ids = Array.from({ length: 7 }, (_, i) => `351531314732935790${i}`);
    // Three data rows a sheet (the limit made small): 7 rows are 3 + 3 + 1 over three sheets.
    const t = await tableXlsx(cols, { lang: 'zh', tz: new TimeZone('Asia/Shanghai') }, () => fileSink(file, 'utf8'), 3);
    for (const orderId of ids) await t.row({ orderId });
    expect(await t.close()).toEqual({ sheets: 3, cut: { count: 0 } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['数据', '数据 (2)', '数据 (3)']);
    const sheets = wb.worksheets.map((w) => w.getSheetValues().slice(1).map((r) => (r as unknown[])[1]));
    expect(sheets).toEqual([['订单编号', ...ids.slice(0, 3)], ['订单编号', ...ids.slice(3, 6)], ['订单编号', ids[6]]]);
    expect(wb.worksheets[2]!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(wb.worksheets[2]!.pageSetup).toMatchObject({ printTitlesRow: '1:1' });
    // Read back (orders normalize -o x.xlsx, then compensate x.xlsx): one table, lines numbered on
    // from sheet to sheet as if it were one long sheet (header line 1, the 7th id on line 8).
    const back: { line: number; cells: string[] }[] = [];
    // A sheet of the small limit holds 4 rows, the header included.
    for await (const r of readRecords(await openSource(file, Readable.from([])), { sheetRows: 4 })) back.push({ line: r.line, cells: r.cells });
    expect(back).toEqual([{ line: 1, cells: ['订单编号'] }, ...ids.map((id, i) => ({ line: i + 2, cells: [id] }))]);
    // At Excel's real limit none of these sheets is full: the first sheet alone is the table.
    const firstOnly: number[] = [];
    for await (const r of readRecords(await openSource(file, Readable.from([])))) firstOnly.push(r.line);
    expect(firstOnly).toEqual([1, 2, 3, 4]);
    expect(SHEET_ROWS).toBe(ROWS_PER_SHEET + 1);
    // Exactly the limit stays one sheet.
    const one = await tableXlsx(cols, { lang: 'en', tz: new TimeZone('Asia/Shanghai') }, () => fileSink(path.join(tmpDir(), 'one.xlsx'), 'utf8'), 3);
    for (const orderId of ids.slice(0, 3)) await one.row({ orderId });
    expect(await one.close()).toEqual({ sheets: 1, cut: { count: 0 } });
  });

  it('xlsx read: a second sheet is read on only when the sheet before is full, it is named as a continuation and repeats the header', async () => {
    // sheetRows 2: a sheet of a header and one row is full (the small stand-in for Excel's 1,048,576).
    const readBack = async (sheets: [string, string[][]][], sheetRows = 2) => {
      const wb = new ExcelJS.Workbook();
      for (const [name, rows] of sheets) wb.addWorksheet(name).addRows(rows);
      const file = path.join(tmpDir(), 'w.xlsx');
      await wb.xlsx.writeFile(file);
      const out: string[] = [];
      for await (const r of readRecords(await openSource(file, Readable.from([])), { sheetRows })) out.push(`${r.line}:${r.cells.join('|')}`);
      return out;
    };
    const head = ['订单编号', '金额'];
    expect(await readBack([['export', [head, ['1', '2']]], ['export (2)', [head, ['3', '4']]]])).toEqual(['1:订单编号|金额', '2:1|2', '3:3|4']);
    // Excel's copy of a sheet (Move or Copy → Create a copy) is named `export (2)` with the same
    // header: the sheet before it is not full, so the copy is not more rows of the table (each
    // order read twice: storeops' own order output does not deduplicate an order within a file).
    expect(await readBack([['export', [head, ['1', '2']]], ['export (2)', [head, ['1', '2']]]], 3)).toEqual(['1:订单编号|金额', '2:1|2']);
    // A continuation of a continuation goes on only from a full one.
    expect(await readBack([['export', [head, ['1', '2']]], ['export (2)', [head]], ['export (3)', [head, ['5', '6']]]])).toEqual(['1:订单编号|金额', '2:1|2']);
    // Another table (other header, or another name) is not part of it.
    expect(await readBack([['export', [head, ['1', '2']]], ['export (2)', [['售后编号'], ['9']]]])).toEqual(['1:订单编号|金额', '2:1|2']);
    expect(await readBack([['export', [head, ['1', '2']]], ['Sheet2', [head, ['3', '4']]]])).toEqual(['1:订单编号|金额', '2:1|2']);
    expect(await readBack([['export', [head, ['1', '2']]], ['export (3)', [head, ['3', '4']]]])).toEqual(['1:订单编号|金额', '2:1|2']);
  });

  it('the format comes from the -o extension; unknown --format is a usage error', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'rows.ndjson');
    await writeRows(opts({ output: file }), COLS, ROWS.slice(0, 1));
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).orderId).toBe('3515313147329357901');
    await expect(openOutput(opts({ format: 'yaml' }), COLS)).rejects.toMatchObject({ exitCode: 2 });
  });
});

describe('BOM and encoding', () => {
  const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

  it('csv on stdout: no BOM by default', async () => {
    const o = opts({ format: 'csv' });
    await writeRows(o, COLS, []);
    expect(o.stdout.bytes().subarray(0, 3).equals(BOM)).toBe(false);
    expect(o.stdout.text().startsWith('orderId,')).toBe(true);
  });

  it('csv with -o: BOM by default; --no-bom leaves it out; --bom puts it on stdout', async () => {
    const dir = tmpDir();
    await writeRows(opts({ output: path.join(dir, 'a.csv') }), COLS, []);
    expect(fs.readFileSync(path.join(dir, 'a.csv')).subarray(0, 3).equals(BOM)).toBe(true);
    await writeRows(opts({ output: path.join(dir, 'b.csv'), bom: false }), COLS, []);
    expect(fs.readFileSync(path.join(dir, 'b.csv')).subarray(0, 7).toString()).toBe('orderId');
    await writeRows(opts({ output: path.join(dir, 'c.tsv') }), COLS, []);
    expect(fs.readFileSync(path.join(dir, 'c.tsv')).subarray(0, 3).equals(BOM)).toBe(true);
    const o = opts({ format: 'csv', bom: true });
    await writeRows(o, COLS, []);
    expect(o.stdout.bytes().subarray(0, 3).equals(BOM)).toBe(true);
  });

  it('json never gets a BOM, even with -o', async () => {
    const dir = tmpDir();
    await writeRows(opts({ output: path.join(dir, 'a.json') }), COLS, []);
    expect(fs.readFileSync(path.join(dir, 'a.json'), 'utf8')).toBe('[]\n');
  });

  it('--out-encoding gbk: GBK bytes and no BOM', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'gbk.csv');
    await writeRows(opts({ output: file, outEncoding: 'gbk', lang: 'zh' }), COLS, ROWS.slice(0, 1));
    const bytes = fs.readFileSync(file);
    // 订单编号 in GBK: 订 B6A9 · 单 B5A5 · 编 B1E0 · 号 BAC5.
    expect([...bytes.subarray(0, 8)]).toEqual([0xb6, 0xa9, 0xb5, 0xa5, 0xb1, 0xe0, 0xba, 0xc5]);
    expect(iconv.decode(bytes, 'gbk')).toBe(
      // GBK is for a spreadsheet: the single id is written ="…" (kept as text); a list of two is text anyway.
      '订单编号,买家,付款时间,金额,订单,迟发\n="3515313147329357901",小明爱购物,2026-11-20 14:03:00,12.50,3515313147329357901;3515313147329357902,是\n',
    );
  });
});

describe('ids kept as text in csv written for a spreadsheet', () => {
  const IDCOLS: Column[] = [
    { key: 'orderId', zh: '订单编号', en: 'orderId', type: 'id' },
    { key: 'ids', zh: '订单', en: 'ids', type: 'list' },
    { key: 'buyer', zh: '买家', en: 'buyer' },
    { key: 'amount', zh: '金额', en: 'amount', type: 'money' },
  ];
  // A 19-digit Taobao id, a zero-led id, a PDD id (not digits only: a spreadsheet keeps it as
  // text by itself), a list holding one id, a buyer whose name is 13 digits, money.
  const IDROWS: Row[] = [
    { orderId: '3515313147329357901', ids: ['3515313147329357901'], buyer: '1391234567890', amount: new Money('12.5') },
    { orderId: '0012345', ids: ['3515313147329357901', '3515313147329357902'], buyer: '小明', amount: new Money('-3') },
    { orderId: '231120-123456789012', ids: [], buyer: '=1+1', amount: new Money('0') },
  ];
  // By hand: single digit strings wrapped ="…" (bare, no csv quotes, as the seller centre writes
  // them); the two-id list is text already; the PDD id is not digits only; money stays 12.50.
  const WRAPPED =
    'orderId,ids,buyer,amount\n' +
    '="3515313147329357901",="3515313147329357901",="1391234567890",12.50\n' +
    '="0012345",3515313147329357901;3515313147329357902,小明,-3.00\n' +
    "231120-123456789012,,'=1+1,0.00\n";
  const PLAIN =
    'orderId,ids,buyer,amount\n' +
    '3515313147329357901,3515313147329357901,1391234567890,12.50\n' +
    '0012345,3515313147329357901;3515313147329357902,小明,-3.00\n' +
    "231120-123456789012,,'=1+1,0.00\n";

  async function readBack(file: string, encoding?: string): Promise<string[][]> {
    const s = await openSource(file, Readable.from([]), encoding);
    const out: string[][] = [];
    for await (const r of readRecords(s)) out.push(r.cells.map(cleanCell));
    return out;
  }
  const EXPECTED_BACK = [
    ['orderId', 'ids', 'buyer', 'amount'],
    ['3515313147329357901', '3515313147329357901', '1391234567890', '12.50'],
    ['0012345', '3515313147329357901;3515313147329357902', '小明', '-3.00'],
    ['231120-123456789012', '', '=1+1', '0.00'], // cleanCell takes the ' off (as for Taobao phones): the text as it was
  ];

  it('-o x.csv (BOM): ids written ="…" and read back exactly', async () => {
    const file = path.join(tmpDir(), 'v.csv');
    await writeRows(opts({ output: file }), IDCOLS, IDROWS);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(3).toString('utf8')).toBe(WRAPPED);
    expect(await readBack(file)).toEqual(EXPECTED_BACK);
  });

  it('--out-encoding gbk: the same, in GBK, read back exactly', async () => {
    const file = path.join(tmpDir(), 'v.csv');
    await writeRows(opts({ output: file, outEncoding: 'gbk' }), IDCOLS, IDROWS);
    const bytes = fs.readFileSync(file);
    expect(iconv.decode(bytes, 'gb18030')).toBe(WRAPPED);
    expect(bytes.includes(Buffer.from('小明'))).toBe(false); // really GBK
    expect(await readBack(file)).toEqual(EXPECTED_BACK);
    expect(await readBack(file, 'gbk')).toEqual(EXPECTED_BACK);
  });

  it('tsv with a BOM too', async () => {
    const file = path.join(tmpDir(), 'v.tsv');
    await writeRows(opts({ output: file }), IDCOLS, IDROWS.slice(0, 1));
    expect(fs.readFileSync(file).subarray(3).toString('utf8')).toBe('orderId\tids\tbuyer\tamount\n="3515313147329357901"\t="3515313147329357901"\t="1391234567890"\t12.50\n');
  });

  it('stdout stays plain for programs; textIds turns the protection on or off either way', async () => {
    const a = opts({ format: 'csv' });
    await writeRows(a, IDCOLS, IDROWS);
    expect(a.stdout.text()).toBe(PLAIN);
    const b = opts({ format: 'csv', textIds: true });
    await writeRows(b, IDCOLS, IDROWS);
    expect(b.stdout.text()).toBe(WRAPPED);
    const file = path.join(tmpDir(), 'v.csv');
    await writeRows(opts({ output: file, textIds: false }), IDCOLS, IDROWS);
    expect(fs.readFileSync(file).subarray(3).toString('utf8')).toBe(PLAIN);
    // --no-bom: a plain UTF-8 file, ids bare.
    await writeRows(opts({ output: file, bom: false }), IDCOLS, IDROWS);
    expect(fs.readFileSync(file, 'utf8')).toBe(PLAIN);
  });
});

describe('formula escaping', () => {
  it.each([
    ['=cmd|\' /C calc\'!A0', "'=cmd|' /C calc'!A0"],
    ['+8613800138000', "'+8613800138000"],
    ['+86 138 0013 8000', "'+86 138 0013 8000"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['\tinjected', "'\tinjected"],
    ['\rinjected', "'\rinjected"],
    ['\ninjected', "'\ninjected"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠x', "'＠x"],
    ['-12.50', '-12.50'],
    ['-3', '-3'],
    ['12.50', '12.50'],
    ['a=b', 'a=b'],
    ['', ''],
    ['小明', '小明'],
  ])('%j → %j', (input, out) => {
    expect(escapeFormula(input)).toBe(out);
  });

  it('csv text cells are escaped; ids and money are not; --no-formula-escape turns it off', async () => {
    const cols: Column[] = [
      { key: 'note', zh: '备注', en: 'note' },
      { key: 'id', zh: '编号', en: 'id', type: 'id' },
      { key: 'amount', zh: '金额', en: 'amount', type: 'money' },
    ];
    const rows = [{ note: '=HYPERLINK("http://x.example","点我")', id: '-1', amount: new Money('-12.5') }];
    const a = opts({ format: 'csv' });
    await writeRows(a, cols, rows);
    expect(a.stdout.text()).toBe('note,id,amount\n"\'=HYPERLINK(""http://x.example"",""点我"")",-1,-12.50\n');
    const b = opts({ format: 'csv', formulaEscape: false });
    await writeRows(b, cols, rows);
    expect(b.stdout.text()).toBe('note,id,amount\n"=HYPERLINK(""http://x.example"",""点我"")",-1,-12.50\n');
  });
});

describe('table', () => {
  it('display width: CJK and full-width take two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('王小明')).toBe(6);
    expect(displayWidth('小明a')).toBe(5);
    expect(displayWidth('，')).toBe(2); // full-width comma U+FF0C
    expect(displayWidth('é')).toBe(1); // e + combining accent
    expect(pad('王', 4)).toBe('王  ');
    expect(pad('12.50', 7, true)).toBe('  12.50');
  });

  it('columns line up by display width; numbers right-aligned; tabs and newlines flattened', async () => {
    const cols: Column[] = [
      { key: 'buyer', zh: '买家', en: 'buyer' },
      { key: 'amount', zh: '金额', en: 'amount', type: 'money' },
      { key: 'note', zh: '备注', en: 'note' },
    ];
    const o = opts({ format: 'table' });
    await writeRows(o, cols, [
      { buyer: '王小明', amount: new Money('200'), note: 'a\nb' },
      { buyer: 'Li', amount: new Money('5'), note: 'x' },
    ]);
    // buyer column: max(5 "buyer", 6 王小明, 2 Li) = 6; amount: max(6 "amount", 6 "200.00", 4 "5.00") = 6.
    expect(o.stdout.text()).toBe(
      'buyer   amount  note\n' + //
        '王小明  200.00  a b\n' +
        'Li        5.00  x\n',
    );
    for (const line of o.stdout.text().trimEnd().split('\n')) {
      // "note" column starts at display column 6 + 2 + 6 + 2 = 16 on every line.
      const i = line.lastIndexOf('  ');
      expect(displayWidth(line.slice(0, i + 2))).toBe(16);
    }
  });

  it('zh headers are wide too', async () => {
    const o = opts({ format: 'table', lang: 'zh' });
    await writeRows(o, [{ key: 'a', zh: '买家', en: 'a' }, { key: 'b', zh: '金额', en: 'b', type: 'money' }], [{ a: 'Li', b: new Money('1') }]);
    // 买家 is 4 wide; 金额 is 4 wide, "1.00" right-aligned in 4.
    expect(o.stdout.text()).toBe('买家  金额\nLi    1.00\n');
  });
});

describe('-o is atomic', () => {
  it('an aborted write leaves neither the file nor a temporary file', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'out.csv');
    const w = await openOutput(opts({ output: file }), COLS);
    await w.row(ROWS[0]!);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(dir)).toHaveLength(1); // the temporary file, beside the target
    await w.abort();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('an aborted write leaves an existing file as it was', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'out.csv');
    fs.writeFileSync(file, 'old\n');
    const w = await openOutput(opts({ output: file }), COLS);
    await w.row(ROWS[0]!);
    await w.abort();
    expect(fs.readFileSync(file, 'utf8')).toBe('old\n');
    expect(fs.readdirSync(dir)).toEqual(['out.csv']);
  });

  it('writeRows aborts when the rows fail half way', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'out.json');
    async function* rows() {
      yield ROWS[0]!;
      throw new Error('input broke');
    }
    await expect(writeRows(opts({ output: file }), COLS, rows())).rejects.toThrow('input broke');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('xlsx: an aborted workbook leaves nothing behind', async () => {
    const dir = tmpDir();
    const w = await openOutput(opts({ output: path.join(dir, 'x.xlsx') }), COLS);
    await w.row(ROWS[0]!);
    await w.abort();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a folder that does not exist is an output error (exit 5)', () => {
    expect(() => fileSink('/nonexistent-dir-storeops/x.csv', 'utf8')).toThrow(expect.objectContaining({ exitCode: 5 }));
  });
});

describe('an existing file that cannot be replaced (open in Excel on Windows)', () => {
  // Windows refuses to rename over a workbook Excel or WPS has open (EPERM; EBUSY for some
  // programs). Everything was written to the temporary file beside it; only the rename failed, and
  // the message said "no permission to write files in the folder", which had just been written to.
  const failRename = (code: string, file: string) => {
    const rename = fs.renameSync;
    return vi.spyOn(fs, 'renameSync').mockImplementation(((from: fs.PathLike, to: fs.PathLike) => {
      if (String(to) === file) throw Object.assign(new Error(`${code}: operation not permitted, rename '${String(from)}' -> '${file}'`), { code });
      return rename(from, to);
    }) as typeof fs.renameSync);
  };

  for (const code of ['EPERM', 'EBUSY']) {
    it(`${code}: says the file is open elsewhere or protected, zh and en, exit 5; the file and its folder as they were`, async () => {
      const dir = tmpDir();
      const file = path.join(dir, '赔付.csv');
      fs.writeFileSync(file, 'last run\n');
      const spy = failRename(code, file);
      try {
        const sink = fileSink(file, 'utf8');
        await sink.write('voucherKey,toIssue\nv1,50.00\n');
        const err = await sink.end().then(
          () => undefined,
          (e: unknown) => e as OutputError,
        );
        expect(err).toBeInstanceOf(OutputError);
        expect(err!.exitCode).toBe(5);
        expect(err!.text).toEqual({
          zh: `无法替换输出文件 ${file}: 它正被别的程序打开 (Excel、WPS?) 或受保护, 保持不变`,
          en: `cannot replace output file ${file}: another program has it open (Excel, WPS?) or it is protected; it was left as it was`,
        });
        expect(err!.hint).toEqual({ zh: '在 Excel 或 WPS 里关闭它后重新运行, 或写到另一个文件。', en: 'close it in Excel or WPS and run again, or write to another file.' });
      } finally {
        spy.mockRestore();
      }
      expect(fs.readFileSync(file, 'utf8')).toBe('last run\n');
      expect(fs.readdirSync(dir)).toEqual(['赔付.csv']);
    });
  }

  it('a new file whose rename fails keeps the folder message (there was no file to be open)', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'new.csv');
    const spy = failRename('EPERM', file);
    try {
      const sink = fileSink(file, 'utf8');
      await sink.write('a\n');
      await expect(sink.end()).rejects.toMatchObject({ exitCode: 5, text: { en: `cannot write output file ${file}: no permission to write files in the folder ${dir}` } });
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('the sink writes exactly the bytes of its texts', () => {
  it('UTF-8: rows of any size, a character split across two writes, Buffers between texts', async () => {
    // Each piece written alone and the whole text encoded at once must give the same bytes: a
    // surrogate pair cut between two writes is one 4-byte character, a lone half at the very end U+FFFD.
    const emoji = '\u{1F600}';
    const pieces: (string | Buffer)[] = ['买家,"a""b"\n', 'x'.repeat(200_000) + '\n', emoji.slice(0, 1), emoji.slice(1) + '\n'];
    for (let i = 0; i < 5000; i++) pieces.push(`v${i},买家${i},12.50\n`);
    pieces.push(Buffer.from([0x41, 0x0a]), '尾\n', emoji.slice(0, 1));
    const expected = Buffer.concat([
      Buffer.from(pieces.slice(0, -3).join(''), 'utf8'),
      Buffer.from([0x41, 0x0a]),
      Buffer.from('尾\n', 'utf8'),
      Buffer.from([0xef, 0xbf, 0xbd]),
    ]);
    const file = path.join(tmpDir(), 'sink.csv');
    const sink = fileSink(file, 'utf8');
    for (const p of pieces) await sink.write(p);
    await sink.end();
    expect(fs.readFileSync(file).equals(expected)).toBe(true);
  });

  it('GBK: the same texts in GB18030', async () => {
    const file = path.join(tmpDir(), 'sink-gbk.csv');
    const sink = fileSink(file, 'gbk');
    const rows = Array.from({ length: 20_000 }, (_, i) => `买家${i},已发货\n`);
    for (const r of rows) await sink.write(r);
    await sink.end();
    expect(iconv.decode(fs.readFileSync(file), 'gb18030')).toBe(rows.join(''));
  });
});

describe('xlsx to a terminal', () => {
  // `-f xlsx` without -o on a terminal printed the zip's bytes (noise, and bytes a terminal may act
  // on); gzip likewise refuses to write compressed data to a terminal.
  it('is a usage error (exit 2) naming -o; redirected or piped it is written', async () => {
    const { run } = (await import(pathToFileURL(path.join(ROOT, 'dist', 'src', 'cli', 'main.js')).href)) as { run: (argv: string[], io: unknown, exit: boolean) => Promise<number> };
    const stream = (isTTY: boolean) =>
      Object.assign(
        new Writable({
          write(chunk, _e, cb) {
            (this as unknown as { bytes: number }).bytes += chunk.length;
            (this as unknown as { text: string }).text += chunk.toString();
            cb();
          },
        }),
        { isTTY, columns: 100, text: '', bytes: 0 },
      );
    const orders = path.join(ROOT, 'examples', 'ExportOrderList202611.csv');
    const go = async (isTTY: boolean, lang: string) => {
      const out = stream(isTTY);
      const err = stream(isTTY);
      const code = await run(['orders', 'normalize', orders, '-f', 'xlsx', '-q', '--lang', lang], { stdin: new PassThrough().end(), stdout: out, stderr: err, env: { LANG: 'C', NO_COLOR: '1' }, cwd: ROOT, now: Date.now }, false);
      return { code, out, err };
    };
    const tty = await go(true, 'en');
    expect(tty.code).toBe(2);
    expect(tty.out.bytes).toBe(0);
    expect(tty.err.text).toContain('xlsx is a binary file: it is not written to the terminal');
    expect(tty.err.text).toContain('use -o result.xlsx');
    const zh = await go(true, 'zh');
    expect(zh.err.text).toContain('xlsx 是二进制文件, 不会输出到终端');
    const piped = await go(false, 'en');
    expect(piped.code).toBe(0);
    expect(piped.out.text.startsWith('PK')).toBe(true);
  });
});
