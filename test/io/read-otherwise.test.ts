// csv written for a spreadsheet (-o, a BOM or GBK: --text-ids on) keeps a text cell as text when a
// spreadsheet would read it as a number or a date and show it otherwise. A buyer nick `3/4` opened
// in LibreOffice/Excel showed 03/04/26 (a date), `(5)` showed -5, `1e5` 1.00E+05, `1 1/2` 1.5: the
// nick the operator searches for to issue a voucher was gone. Ids were already kept (`="…"`);
// storeops' own numbers, times and dates are not touched.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spreadsheetText, textForSpreadsheet } from '../../src/io/escape.js';
import { runCli, tmpDir } from '../helpers.js';

describe('textForSpreadsheet (text, not an id)', () => {
  it('wraps what a spreadsheet turns into a date or a number shown otherwise', () => {
    const wrapped = ['3/4', '5-20', '12/25/2026', '1-2-26', '(5)', '(12.50)', '1e5', '2.5E-3', '1 1/2'];
    expect(wrapped.map((t) => textForSpreadsheet(t, false))).toEqual(wrapped.map((t) => `="${t}"`));
  });

  it('wraps a decimal a spreadsheet shows otherwise (5.20 as 5.2), not one shown as written (1.5)', () => {
    // LibreOffice csv round trip (soffice --convert-to csv): 5.20 → 5.2, 12.50 → 12.5, 1.000 → 1,
    // .50 → 0.5, 00.5 → 0.5, 5. → 5; 1.5, 0.5 and 2.05 come back as written. A nick 5.20 (520) was lost.
    const wrapped = ['5.20', '12.50', '1.000', '.50', '00.5', '5.'];
    expect(wrapped.map((t) => textForSpreadsheet(t, false))).toEqual(wrapped.map((t) => `="${t}"`));
  });

  it("leaves storeops' own values and ordinary text alone", () => {
    const kept = ['1.5', '0.5', '2.05', '-12.50', '2026-11-20', '2026-11-20 14:00:00', '2026-11-20 09:59', '14:00', '12%', 'TRUE', '小明爱购物', 'tb1234', '1314', 'v1e5', '3/4号', 'D=1', '2000', '1,234'];
    expect(kept.map((t) => textForSpreadsheet(t, false))).toEqual(kept);
  });

  it('only with --text-ids, and written bare (no quotes added around ="…")', () => {
    expect(spreadsheetText('3/4', 'text', { formulaEscape: true, textIds: true })).toEqual({ text: '="3/4"', bare: true });
    expect(spreadsheetText('3/4', 'text', { formulaEscape: true, textIds: false })).toEqual({ text: '3/4', bare: false });
    // A money column is typed money, not text: never wrapped.
    expect(spreadsheetText('1e5', 'money', { formulaEscape: true, textIds: true })).toEqual({ text: '1e5', bare: false });
  });
});

describe('orders normalize -o, buyer nicks', () => {
  it('written as ="…" and read back by storeops as they were', () => {
    const dir = tmpDir('storeops-read-otherwise-');
    const header = '订单编号,买家会员名,买家应付货款,买家应付邮费,买家实际支付金额,订单状态,订单创建时间,订单付款时间,发货时间,宝贝标题,宝贝总数量';
    const row = (id: string, nick: string) => `="${id}",${nick},10.00,0.00,10.00,交易成功,2026-11-10 08:00:00,2026-11-10 09:00:00,2026-11-11 09:00:00,围巾,1`;
    const src = path.join(dir, 'ExportOrderList202611201200.csv');
    fs.writeFileSync(src, [header, row('3515313147329357001', '3/4'), row('3515313147329357002', '(5)'), row('3515313147329357003', '小明')].join('\r\n') + '\r\n');
    const out = path.join(dir, 'out.csv');
    const r = runCli(['orders', 'normalize', src, '-o', out, '--lang', 'en', '-q']);
    expect(r.code).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const buyerAt = lines[0]!.split(',').indexOf('buyer');
    expect(lines.slice(1).map((l) => l.split(',')[buyerAt])).toEqual(['="3/4"', '="(5)"', '小明']);
    // storeops reads its own csv back: the nicks as they were.
    const back = runCli(['orders', 'normalize', out, '-f', 'json', '-q']);
    expect(back.code).toBe(0);
    expect((JSON.parse(back.stdout) as { buyer: string }[]).map((o) => o.buyer)).toEqual(['3/4', '(5)', '小明']);
  });
});
