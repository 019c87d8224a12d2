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

  it('wraps a decimal a spreadsheet shows otherwise (5.20 as 5.2)', () => {
    // LibreOffice csv round trip (soffice --convert-to csv): 5.20 → 5.2, 12.50 → 12.5, 1.000 → 1,
    // .50 → 0.5, 00.5 → 0.5, 5. → 5. A nick 5.20 (520) was lost.
    const wrapped = ['5.20', '12.50', '1.000', '.50', '00.5', '5.'];
    expect(wrapped.map((t) => textForSpreadsheet(t, false))).toEqual(wrapped.map((t) => `="${t}"`));
  });

  it('wraps times, percentages, month-name and Chinese dates, logicals, money, full-width digits, spaced numbers', () => {
    // LibreOffice 7.4 csv round trip (soffice --headless --infilter="CSV:44,34,76,1,,1033|2052,false,true"
    // --convert-to xlsx, then each cell's type read from the sheet): every one of these came back as a
    // number, date, time or logical shown otherwise: 12:30 → 12:30:00 PM (0.5208…), 9:05 → 09:05:00 AM,
    // 1:2:3 → 01:02:03 AM, 10am → 10:00:00 AM, 50% → 50.00% (0.5), Nov 3 / November 3 / Nov-3 →
    // 11/03/26, Dec 2026 → 12/01/26, 2024年3月4日 → 3/4/24 (zh), 3月4日 → 3/4/26 (zh), 2024年3月4日 14:00
    // → 03/04/2024 14:00:00 (zh), 2024/3/4 and 2024.3.4 → 3/4/24 (zh), 2024-3-4 → 2024-03-04,
    // 2026-11-20 09:59 → …09:59:00, 1.2.3 → 2/3/01 (zh), 1/1/1 → 01/01/01, 3-4-5 → 2003-04-05 (zh),
    // true → TRUE, False → FALSE, $5 → $5.00, ￥5.00 → $5.00 (zh), ５２０ → 520 (zh), ５月２０日 → 5/20/26
    // (zh), ' 1' and '1 ' → 1, ' 3/4' → 03/04/26. 3-Nov and 3 Nov 2024 are Excel's day-month dates.
    const wrapped = ['12:30', '12:30:45', '9:05', '1:2:3', '12:30 PM', '12:30pm', '10am', '11 pm', '14:00', '50%', '5.5 %', '-50%', '12%', 'Nov 3', 'November 3', 'Nov-3', 'Dec 2026', 'sept 3', '3-Nov', '3 Nov 2024', '2024年3月4日', '3月4日', '2024年3月4日 14:00', '2024/3/4', '2024.3.4', '2024-3-4', '2026-11-20 09:59', '1.2.3', '1/1/1', '3-4-5', 'true', 'False', '$5', '￥5.00', '５２０', '５月２０日', '１２：３０', ' 1', '1 ', ' 3/4', '0012'];
    expect(wrapped.map((t) => textForSpreadsheet(t, false))).toEqual(wrapped.map((t) => `="${t}"`));
  });

  it("leaves storeops' own values and ordinary text alone", () => {
    // Shown as written by LibreOffice (en-US and zh-CN) though read as a date or logical:
    // 2026-11-20, 2026-11-20 14:00:00, TRUE; not read as anything else: 10:00-15:30 (a shift
    // range), 2024年3月, Nov, 3/4号. (Plain numbers, 1.5 and 12, are wrapped since 2026-12:
    // number-text.test.ts.)
    const kept = ['2026-11-20', '2026-11-20 14:00:00', 'TRUE', 'FALSE', '小明爱购物', 'tb1234', 'v1e5', '3/4号', 'D=1', '10:00-15:30', '2024年3月', 'Nov', 'Monday 3', ' abc'];
    expect(kept.map((t) => textForSpreadsheet(t, false))).toEqual(kept);
  });

  it('only with --text-ids, and written bare (no quotes added around ="…")', () => {
    expect(spreadsheetText('3/4', 'text', { formulaEscape: true, textIds: true })).toEqual({ text: '="3/4"', bare: true });
    expect(spreadsheetText('3/4', 'text', { formulaEscape: true, textIds: false })).toEqual({ text: '3/4', bare: false });
    // A money column is typed money, not text: never wrapped.
    expect(spreadsheetText('1e5', 'money', { formulaEscape: true, textIds: true })).toEqual({ text: '1e5', bare: false });
  });
});

describe('other scripts\' digits (LibreOffice 7.4 zh-CN csv round trip, 2026-12)', () => {
  // soffice --headless --infilter="CSV:44,34,76,1,,2052" --convert-to fods, each cell's value type
  // read: a nick `٠١٢٣` (Arabic-Indic) came back as the float 123 (its leading zero gone), `١٢` /
  // `۱۲` / `१२` / `๑๒` / `၁၂` / `១២` / `༡༢` / `᠑᠒` as 12, `١٢:٣٠` the time 12:30:00, `٣/٤` the date
  // 3/4/26, `٣٫٥` 3.5, `١٬٢٣٤` 1234, `-٥` -5, `٥٠%` 50.00%, `٢٠٢٤-٠٣-٠٤` the date 2024-03-04 (shown in
  // ASCII digits), `1٢` 12. Until 2026-12 all were written bare. en-US read every one as text.
  it('wraps a cell LibreOffice reads as a number, date or time', () => {
    const wrapped = ['٠١٢٣', '١٢', '۱۲', '१२', '๑๒', '၁၂', '១២', '༡༢', '᠑᠒', '১২', '੧੨', '૧૨', '௧௨', '౧౨', '೧೨', '෧෨', '໑໒', '١٢:٣٠', '٣/٤', '٣٫٥', '١٬٢٣٤', '-٥', '٥٠%', '٢٠٢٤-٠٣-٠٤', '1٢', '١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨'];
    expect(wrapped.map((t) => textForSpreadsheet(t, false))).toEqual(wrapped.map((t) => `="${t}"`));
    // An id column holding them: the same (123 otherwise).
    expect(textForSpreadsheet('٠١٢٣', true)).toBe('="٠١٢٣"');
  });

  it('leaves what LibreOffice keeps as text: NKo, Oriya, Malayalam, mathematical digits, digits inside a word, the Arabic percent sign', () => {
    // The same round trip: ߁߂ (NKo), ୧୨ (Oriya), ൧൨ (Malayalam), 𝟏𝟐 (mathematical bold), abc١٢, ٥٠٪ came back as strings.
    const kept = ['߁߂', '୧୨', '൧൨', '𝟏𝟐', 'abc١٢', '٥٠٪', 'سلام'];
    expect(kept.map((t) => textForSpreadsheet(t, false))).toEqual(kept);
  });

  it('through the binary: orders normalize -o out.csv keeps a buyer nick ٠١٢٣ as text', () => {
    const dir = tmpDir();
    const src = path.join(dir, 'orders.csv');
    // The example export (GBK) as UTF-8 with the first order's buyer 小明爱购物 renamed ٠١٢٣.
    const text = new TextDecoder('gb18030').decode(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'examples', 'ExportOrderList202611.csv')));
    expect(text).toContain('小明爱购物');
    fs.writeFileSync(src, text.replace('小明爱购物', '٠١٢٣'));
    const out = path.join(dir, 'out.csv');
    const r = runCli(['orders', 'normalize', src, '-o', out, '--as-of', '2026-12-01 00:00:00', '-q']);
    expect(r.code).toBe(0);
    const line = fs.readFileSync(out, 'utf8').split('\r\n')[1] ?? fs.readFileSync(out, 'utf8').split('\n')[1]!;
    expect(line).toContain(',="٠١٢٣",');
  });
});

describe('English month-name dates (LibreOffice 7.4 en-US csv round trip, 2026-12)', () => {
  // soffice --headless --infilter="CSV:44,34,76,1,,1033,false,true,false,false,false,-1,true"
  // --convert-to "csv:…:44,34,76,1,,0,false,true,true" (cells as shown) of 173 shapes: each of these
  // came back as a date (e.g. Mar 3, 2024 → 03/03/24; Mar 3 2024 → 03/03/24; Mar/3 → 03/03/26;
  // Mar.3 → 03/03/26; Mar 2024 → 03/01/24; 2024-Mar-3 → 03/03/24; 24-Mar-3 → 03/24/03;
  // Sunday, March 3, 2024 → 03/03/24; Mar 3, 2024 12:30 → 03/03/24 12:30 PM). zh-CN (2052) read
  // none of the 173 as a date. Until 2026-12 only `Mar 3`, `Mar-3`, `Dec 2026` were wrapped.
  const read = [
    'Mar 3, 2024', 'March 3, 2024', 'Mar. 3, 2024', 'Sep 3, 2024', 'Dec 31, 1999', 'Mar 3, 24', 'Mar 3 , 2024', 'Mar   3, 2024', 'mar 3, 2024', 'MARCH 3, 2024',
    'Mar 3 2024', 'March 3 2024', 'Mar 3 24', 'Mar  3', 'Mar/3', 'Mar/03', 'Mar/3/2024', 'Mar/3/24', 'Mar/2024', 'Mar.3', 'Mar.3.2024', 'Mar.3.24', 'Mar.2024',
    'Mar. 3', 'Mar.-3', 'Mar -3', 'Mar 3.2024', 'Sep. 3', 'Sept. 3, 2024', 'Mar 12345', 'Mar 3, 12345',
    '2024-Mar-3', '2024-Mar-03', '2024-mar-3', '2024-March-3', '24-Mar-3', '2024-Mar-3 12:30', '3-Mar-2024 12:30', '3-Mar-2024 9:05 am', '3-March-2024',
    'Sunday, March 3, 2024', 'Sunday, Mar 3, 2024', 'Sunday Mar 3 2024', 'Sunday , Mar 3', 'Monday, March 3', 'Thursday, Nov 3', 'Sun Mar 3', 'Mon Mar 3', 'Sat. Mar 3', 'Tue. Mar 3', 'Wed Mar 3 2024',
    'Mar 3, 2024 12:30', 'Mar 3, 2024 12:30:45', 'Mar 3, 2024 12:30 PM', 'Mar 3, 2024, 12:30', 'Mar 3 2024 12:30', 'March 3 2024 9:05', 'Jun 3 2024 23:59:59',
  ];
  // Shown as written in both locales (so left alone): no date there.
  const kept = [
    'Mar 3,2024', '3 Mar, 2024', 'Mar 3, 2024 9am', 'Mar 3 12:30', 'Mar 3 12:30 PM', 'Mar-3 12:30', 'Mar/3 12:30', 'Mar-3-2024', 'Mar-3-24', 'Mar-03-2024', 'Mar - 3', 'Mar .3',
    'March.3', 'March. 3', 'Mar 3rd', '3rd Mar', 'Mar3', '3Mar2024', '2024 Mar 3', '2024/Mar/3', '2024.Mar.3', '2024-Mar', 'Mar 3 – 5', 'Mar 3-5', 'Mar 3 abc', 'Mar 3, abc',
    'Sun, Mar 3, 2024', 'Sun, March 3, 2024', 'Sunday,Mar 3', 'Tues Mar 3', 'Thur Mar 3', 'Monday March', 'Sunday 3 March 2024', 'Tue, 3 Mar 2024', 'March, 3', 'Mar, 2024',
    '2024, Mar 3', 'Mar 2024, 3', 'March 3,', 'Mar 3 100000', 'Mar 3 2024 2025', 'Mars 3', 'Mär 3', '3 mars 2024', '3.Mar.2024', 'Mar 3\t2024',
  ];
  it('wraps the shapes LibreOffice reads as a date', () => {
    expect(read.map((t) => textForSpreadsheet(t, false))).toEqual(read.map((t) => `="${t}"`));
  });
  it('leaves the shapes it shows as written', () => {
    expect(kept.map((t) => textForSpreadsheet(t, false))).toEqual(kept);
  });
  it('a wrapped field holding a comma is quoted, not written bare; one without is bare', () => {
    expect(spreadsheetText('Mar 3, 2024', 'text', { formulaEscape: true, textIds: true })).toEqual({ text: '="Mar 3, 2024"', bare: false });
    expect(spreadsheetText('Mar 3 2024', 'text', { formulaEscape: true, textIds: true })).toEqual({ text: '="Mar 3 2024"', bare: true });
  });
});

describe('orders normalize -o, buyer nicks', () => {
  it('written as ="…" and read back by storeops as they were', () => {
    const dir = tmpDir('storeops-read-otherwise-');
    const header = '订单编号,买家会员名,买家应付货款,买家应付邮费,买家实际支付金额,订单状态,订单创建时间,订单付款时间,发货时间,宝贝标题,宝贝总数量';
    const row = (id: string, nick: string) => `="${id}",${nick},10.00,0.00,10.00,交易成功,2026-11-10 08:00:00,2026-11-10 09:00:00,2026-11-11 09:00:00,围巾,1`;
    const src = path.join(dir, 'ExportOrderList202611201200.csv');
    // The nicks LibreOffice turned into a time, a percentage, a date or a logical (above), quoted in the export.
    const more = ['12:30', '50%', 'Nov 3', '3-Nov', '2024年3月4日', '2024/3/4', 'true', '５２０', '0012', '1 1/2', 'Mar 3 2024', 'Mar/3'];
    const rows = [row('3515313147329357001', '3/4'), row('3515313147329357002', '(5)'), row('3515313147329357003', '小明')];
    more.forEach((n, i) => rows.push(row(`35153131473293571${String(i).padStart(2, '0')}`, `"${n}"`)));
    fs.writeFileSync(src, [header, ...rows].join('\r\n') + '\r\n');
    const out = path.join(dir, 'out.csv');
    const r = runCli(['orders', 'normalize', src, '-o', out, '--lang', 'en', '-q']);
    expect(r.code).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const buyerAt = lines[0]!.split(',').indexOf('buyer');
    expect(lines.slice(1).map((l) => l.split(',')[buyerAt])).toEqual(['="3/4"', '="(5)"', '小明', ...more.map((n) => `="${n}"`)]);
    // storeops reads its own csv back: the nicks as they were.
    const back = runCli(['orders', 'normalize', out, '-f', 'json', '-q']);
    expect(back.code).toBe(0);
    expect((JSON.parse(back.stdout) as { buyer: string }[]).map((o) => o.buyer)).toEqual(['3/4', '(5)', '小明', ...more]);
  });
});

describe('orders normalize -o, a nick holding a comma (Mar 3, 2024)', () => {
  it('written "=""Mar 3, 2024""" (LibreOffice en-US showed 03/03/24 for the bare quoted text) and read back as it was', () => {
    const dir = tmpDir('storeops-read-otherwise-');
    const header = '订单编号,买家会员名,买家应付货款,买家应付邮费,买家实际支付金额,订单状态,订单创建时间,订单付款时间,发货时间,宝贝标题,宝贝总数量';
    const src = path.join(dir, 'ExportOrderList202611201200.csv');
    fs.writeFileSync(src, `${header}\r\n="3515313147329357001","Mar 3, 2024",10.00,0.00,10.00,交易成功,2026-11-10 08:00:00,2026-11-10 09:00:00,2026-11-11 09:00:00,围巾,1\r\n`);
    for (const [fmt, sep] of [['csv', ','], ['tsv', '\t']] as const) {
      const out = path.join(dir, `out.${fmt}`);
      expect(runCli(['orders', 'normalize', src, '-o', out, '--lang', 'en', '-q']).code).toBe(0);
      const text = fs.readFileSync(out, 'utf8');
      expect(text).toContain(`${sep}"=""Mar 3, 2024"""${sep}`);
      const back = runCli(['orders', 'normalize', out, '-f', 'json', '-q']);
      expect(back.code).toBe(0);
      expect((JSON.parse(back.stdout) as { buyer: string }[]).map((o) => o.buyer)).toEqual(['Mar 3, 2024']);
    }
  });
});

describe("storeops' own figures in text columns (Column.own)", () => {
  it('a rule set rate (30%) is written bare for a spreadsheet to read as the percentage it is; a nick 50% is wrapped', () => {
    // rules show tmall-2023, tier 1: late, rate 30 % (docs/rules.md). With -o (text ids on) the
    // percentage pattern would wrap it as ="30%" (text), as it does a buyer nick "50%".
    const out = path.join(tmpDir('storeops-own-'), 'rules.csv');
    const r = runCli(['rules', 'show', 'tmall-2023', '-o', out, '-q', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8').split(/\r?\n/)[1]).toBe('1,late,any,any,any,30%,5.00,');
    expect(spreadsheetText('50%', 'text', { formulaEscape: true, textIds: true })).toEqual({ text: '="50%"', bare: true });
    expect(spreadsheetText('81.1%', 'own', { formulaEscape: true, textIds: true })).toEqual({ text: '81.1%', bare: false });
  });
});
