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
