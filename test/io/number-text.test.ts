// A text cell a spreadsheet turns into a number or an error value (LibreOffice 7.4 en-US csv round
// trip to fods, 2026-12, each cell's office:value-type read): a buyer nick `1,234` written quoted
// ("1,234") became the float 1234, `-5` the float -5 (written bare before: escapeFormula lets
// `-5` through as the shape of storeops' own negative amounts, so it was neither escaped nor
// wrapped); `#N/A`, `#VALUE!`, `#DIV/0!`, `#REF!`, `#NAME?`, `#NULL!`, `#NUM!` are error values in
// Excel. Written `="…"` (quoted when holding a comma, `"=""1,234"""`) each came back a string.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spreadsheetText, textForSpreadsheet } from '../../src/io/escape.js';
import { runCli, tmpDir } from '../helpers.js';

const opts = { formulaEscape: true, textIds: true };

describe('grouped and negative numbers, error literals in text cells', () => {
  it('wraps the shapes LibreOffice read as a number (1,234 → 1234, 1234,567 → 1234567, -5 → -5)', () => {
    const wrapped = ['1,234', '12,345,678', '1234,567', '1,234.', '1,234.50', '0,123', '-5', '-1.5', '-05', '-12.50', ' 1,234'];
    expect(wrapped.map((t) => textForSpreadsheet(t, false))).toEqual(wrapped.map((t) => `="${t}"`));
  });

  it('wraps the seven Excel error literals, in any case', () => {
    const wrapped = ['#N/A', '#VALUE!', '#DIV/0!', '#REF!', '#NAME?', '#NULL!', '#NUM!', '#n/a'];
    expect(wrapped.map((t) => textForSpreadsheet(t, false))).toEqual(wrapped.map((t) => `="${t}"`));
  });

  // #GETTING_DATA is the eighth error value a cell holds as a constant ([MS-XLS] 2.5.10 Bes, BErr
  // 0x2B; [MS-OI29500] 2.1.755 lists the same eight). The full-width forms read as their ASCII, as
  // full-width digits are: ＃ＤＩＶ/０！ was already wrapped (it holds a digit), ＃Ｎ/Ａ was not.
  it('wraps #GETTING_DATA and the full-width forms (＃Ｎ/Ａ, ＃ｎ/ａ, ＃ＶＡＬＵＥ！)', () => {
    const wrapped = ['#GETTING_DATA', '#getting_data', '＃Ｎ/Ａ', '＃Ｎ／Ａ', '＃ｎ/ａ', '＃ＶＡＬＵＥ！', '＃ＤＩＶ/０！', '＃ＧＥＴＴＩＮＧ＿ＤＡＴＡ'];
    expect(wrapped.map((t) => textForSpreadsheet(t, false))).toEqual(wrapped.map((t) => `="${t}"`));
  });

  // No cell constant exists for these (results of formulas and data types only): Excel keeps the text.
  it('leaves the newer error names, which have no cell constant (#SPILL! #CALC! #FIELD! …)', () => {
    const kept = ['#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#PYTHON!', '＃ＳＰＩＬＬ！', '#GETTING_DATA!', '＃包邮'];
    expect(kept.map((t) => textForSpreadsheet(t, false))).toEqual(kept);
  });

  it('leaves what LibreOffice kept as text (1,23, 1,2345, ,123, 1,234,5) and other # text', () => {
    const kept = ['1,23', '1,2345', ',123', '1,234,5', '#1', '#N/A!', '#包邮', '12-', '5-'];
    expect(kept.map((t) => textForSpreadsheet(t, false))).toEqual(kept);
  });

  it('the formula escape keeps precedence; a field with a comma is quoted; own figures stay bare', () => {
    expect(spreadsheetText('-5', 'text', opts)).toEqual({ text: '="-5"', bare: true });
    expect(spreadsheetText('1,234', 'text', opts)).toEqual({ text: '="1,234"', bare: false });
    // `-1,234` and `-.5` are not storeops' number shape: `'`-escaped as before, not wrapped.
    expect(spreadsheetText('-1,234', 'text', opts)).toEqual({ text: "'-1,234", bare: false });
    expect(spreadsheetText('-.5', 'text', opts)).toEqual({ text: "'-.5", bare: false });
    // storeops' own figures: typed, never wrapped.
    expect(spreadsheetText('-12.50', 'money', opts)).toEqual({ text: '-12.50', bare: false });
    expect(spreadsheetText('-5', 'int', opts)).toEqual({ text: '-5', bare: false });
    expect(spreadsheetText('-5', 'own', opts)).toEqual({ text: '-5', bare: false });
    // without --text-ids nothing is wrapped
    expect(spreadsheetText('#N/A', 'text', { formulaEscape: true, textIds: false })).toEqual({ text: '#N/A', bare: false });
  });
});

// A plain unsigned number in a text cell (a buyer nick 12, a remark 1.5, a title 520). LibreOffice
// 7.4.7 csv → fods round trip (soffice --headless --infilter="CSV:44,34,76,1,,1033|2052,false,true"
// --convert-to fods, 2026-12-05), each cell's office:value-type: every one of 12, 1.5, 0, 0.5, 123,
// 0.0001, 12345678901, 1.23456789012 came back float (a number; shown as written, but summed,
// sorted and looked up as a figure), 007 → 7, 1e5 → 1.00E+05, 12.0 → 12, 3.14159265358979323846 →
// 3.14159265358979, in en-US and zh-CN alike. Until 2026-12 the ones shown as written went out bare
// (docs: "left as written: 1.5, 12"), and the long decimal too.
describe('plain numbers in text cells', () => {
  it('wraps each (12 → ="12", 1.5 → ="1.5", 3.14159265358979323846 → its ="…")', () => {
    const wrapped = ['12', '1.5', '0', '0.5', '123', '0.0001', '12345678901', '1.23456789012', '3.14159265358979323846', '520', '1314', '2000', '007', '1e5'];
    expect(wrapped.map((t) => textForSpreadsheet(t, false))).toEqual(wrapped.map((t) => `="${t}"`));
  });

  it('leaves what LibreOffice kept as text: 1.5., 12abc, 0x1A, 1_000, ½', () => {
    const kept = ['1.5.', '12abc', '0x1A', '1_000', '½', 'tb12', '12号'];
    expect(kept.map((t) => textForSpreadsheet(t, false))).toEqual(kept);
  });

  it("storeops' own figures stay bare; a list of one short id is wrapped as an id column's is", () => {
    expect(spreadsheetText('12', 'text', opts)).toEqual({ text: '="12"', bare: true });
    expect(spreadsheetText('12', 'list', opts)).toEqual({ text: '="12"', bare: true });
    expect(spreadsheetText('12', 'int', opts)).toEqual({ text: '12', bare: false });
    expect(spreadsheetText('1.5', 'hours', opts)).toEqual({ text: '1.5', bare: false });
    expect(spreadsheetText('0.05', 'own', opts)).toEqual({ text: '0.05', bare: false });
    expect(spreadsheetText('12', 'text', { formulaEscape: true, textIds: false })).toEqual({ text: '12', bare: false });
  });
});

describe('orders normalize -o: the nicks written so a spreadsheet keeps them, read back as they were', () => {
  it('"=""1,234""", ="-5", ="#N/A", ="#DIV/0!"; the amount 10.00 bare', () => {
    const dir = tmpDir('storeops-number-text-');
    const header = '订单编号,买家会员名,买家应付货款,买家应付邮费,买家实际支付金额,订单状态,订单创建时间,订单付款时间,发货时间,宝贝标题,宝贝总数量';
    const nicks = ['"1,234"', '-5', '#N/A', '#DIV/0!'];
    const rows = nicks.map((n, i) => `="351531314732935700${i}",${n},10.00,0.00,10.00,交易成功,2026-11-10 08:00:00,2026-11-10 09:00:00,2026-11-11 09:00:00,围巾,1`);
    const src = path.join(dir, 'ExportOrderList202611201200.csv');
    fs.writeFileSync(src, `${header}\r\n${rows.join('\r\n')}\r\n`);
    const out = path.join(dir, 'out.csv');
    expect(runCli(['orders', 'normalize', src, '-o', out, '--lang', 'en', '-q']).code).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const buyerAt = lines[0]!.split(',').indexOf('buyer');
    // The first line's buyer field is quoted and holds a comma: take it by its quotes.
    expect(lines[1]).toContain(',"=""1,234""",');
    expect(lines.slice(2).map((l) => l.split(',')[buyerAt])).toEqual(['="-5"', '="#N/A"', '="#DIV/0!"']);
    expect(lines[2]).toContain(',10.00,');
    const back = runCli(['orders', 'normalize', out, '-f', 'json', '-q']);
    expect(back.code).toBe(0);
    expect((JSON.parse(back.stdout) as { buyer: string }[]).map((o) => o.buyer)).toEqual(['1,234', '-5', '#N/A', '#DIV/0!']);
  });
});

describe('orders normalize -o and compensate --by order -o: plain numbers in text cells wrapped, figures bare', () => {
  it('buyer 12 → ="12", title 1.5 → ="1.5"; the ids ="…" as before; amounts, quantity and rate bare', () => {
    const dir = tmpDir('storeops-plain-number-');
    const header = '订单编号,买家会员名,买家应付货款,买家应付邮费,买家实际支付金额,订单状态,订单创建时间,订单付款时间,发货时间,宝贝标题,宝贝总数量';
    // Paid 2026-11-10 09:00, shipped 2026-11-13 10:00: 48 h window → deadline 11-12 09:00, 25 h late.
    const rows = [
      `="3515313147329357001",12,100.00,0.00,100.00,交易成功,2026-11-10 08:00:00,2026-11-10 09:00:00,2026-11-13 10:00:00,1.5,1`,
      `="3515313147329357002",007,10.00,0.00,10.00,交易成功,2026-11-10 08:00:00,2026-11-10 09:00:00,2026-11-11 09:00:00,520,2`,
    ];
    const src = path.join(dir, 'ExportOrderList202611201200.csv');
    fs.writeFileSync(src, `${header}\r\n${rows.join('\r\n')}\r\n`);
    const out = path.join(dir, 'out.csv');
    expect(runCli(['orders', 'normalize', src, '-o', out, '--lang', 'en', '-q']).code).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const head = lines[0]!.split(',');
    const at = (k: string) => head.indexOf(k);
    const cells = lines.slice(1).map((l) => l.split(','));
    expect(cells.map((c) => [c[at('orderId')], c[at('buyer')], c[at('title')], c[at('paidAmount')], c[at('quantity')]])).toEqual([
      ['="3515313147329357001"', '="12"', '="1.5"', '100.00', '1'],
      ['="3515313147329357002"', '="007"', '="520"', '10.00', '2'],
    ]);
    const back = runCli(['orders', 'normalize', out, '-f', 'json', '-q']);
    expect((JSON.parse(back.stdout) as { buyer: string; title: string }[]).map((o) => [o.buyer, o.title])).toEqual([['12', '1.5'], ['007', '520']]);
    // Paid 2026-11-10: auto judges it under tmall-2026, 25 h late → the 5% tier: 100.00 × 0.05 =
    // 5.00 (the minimum is 5.00 too). The rate column is the rule's figure, bare (0.05); the buyer
    // wrapped; the amount 5.00 and hours 25.0 bare.
    const comp = path.join(dir, 'comp.csv');
    expect(runCli(['compensate', src, '--by', 'order', '-o', comp, '--as-of', '2026-12-01 00:00:00', '--lang', 'en', '-q']).code).toBe(0);
    const cl = fs.readFileSync(comp, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const ch = cl[0]!.split(',');
    const c1 = cl[1]!.split(',');
    expect([c1[ch.indexOf('buyer')], c1[ch.indexOf('rate')], c1[ch.indexOf('afterMinimum')], c1[ch.indexOf('hoursLate')]]).toEqual(['="12"', '0.05', '5.00', '25.0']);
  });
});
