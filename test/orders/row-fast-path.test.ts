// The row parser reads a time cell in the export's own shape (2026-10-01 00:00:02), an amount in
// the plain shape (239.00) and an id cell ="…" of digits without cleaning the cell first, and an amount by its fen alone (issue 21,
// docs/performance.md, twenty-fourth round). These rows sit on the edges of those shortcuts: each must
// read exactly as the general path reads it (the expected values worked out by hand below).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Projection, RecordScanner } from '../../src/io/scan.js';
import { detectLayout } from '../../src/orders/detect.js';
import { type ParsedRow, type RowProblem, isProblem, makeRowParser } from '../../src/orders/parse.js';
import { PLATFORM_TZ, TimeZone } from '../../src/time.js';
import { T71, order } from './build.js';

// compensate's fields (src/compensation/run.ts COMPENSATION_FIELDS): 退款金额 (refundAmount) is
// then checked but not kept.
const ONLY = new Set(['orderId', 'lineId', 'buyer', 'status', 'paidAt', 'shippedAt', 'promisedShipAt', 'reservedShipAt', 'paidAmount', 'postage', 'goodsAmount', 'platformCompensation', 'presale', 'orderType', 'title', 'trackingNo', 'shopId', 'shopName']);

function parse(over: Record<string, string>): ParsedRow | RowProblem {
  const d = detectLayout('t.csv', T71);
  const p = makeRowParser(d.layout, d.map, 't.csv', d.layoutId, PLATFORM_TZ, Date.UTC(2027, 0, 1), false, ONLY, true);
  const cells = T71.map((h) => order('3000000010000000001', over)[h] ?? '');
  return p.parse(cells, 2);
}

function row(over: Record<string, string>): ParsedRow {
  const r = parse(over);
  if (isProblem(r)) throw new Error(`rejected: ${r.reason.en}`);
  return r;
}

function problem(over: Record<string, string>): string {
  const r = parse(over);
  if (!isProblem(r)) throw new Error('read');
  return r.reason.en;
}

describe('the row parser on the edges of its plain-cell shortcuts', () => {
  it('reads an amount of exactly 100,000,000.00 (the plausible limit) and refuses one fen more', () => {
    // ABSURD_AMOUNT = 100,000,000 yuan: 10,000,000,000 fen is at the limit (not above it), 10,000,000,001 above.
    expect(row({ 买家实际支付金额: '100000000.00' }).paidAmount!.toFixed(2)).toBe('100000000.00');
    expect(problem({ 买家实际支付金额: '100000000.01' })).toBe('amount "100000000.01" is implausible (negative or too large)');
    // An amount compensate does not keep (退款金额) is still checked the same way.
    expect(problem({ 退款金额: '100000000.01' })).toBe('amount "100000000.01" is implausible (negative or too large)');
  });

  it('reads plain amounts by their fen and leaves every other shape to the general path', () => {
    // "12.5" → 1250 fen; " 12.50 " is trimmed first. "0012.50" has a leading zero, which no export
    // writes: refused by the general path (docs/formats.md; until 2026-12 read as 12.50).
    expect(row({ 买家实际支付金额: '12.5' }).paidAmount!.toFixed(2)).toBe('12.50');
    expect(problem({ 买家实际支付金额: '0012.50' })).toBe('"0012.50" is not a valid amount: its whole part starts with 0, which no export writes (a code, or a shifted column?), so it is not guessed; if the amount is 12.50, write 12.50');
    expect(row({ 买家实际支付金额: ' 12.50 ' }).paidAmount!.toFixed(2)).toBe('12.50');
    // "12.500" has only zeros past the fen: 1250 fen. "12.345" has a 5 past the fen: refused, not rounded.
    expect(row({ 买家实际支付金额: '12.500' }).paidAmount!.toFixed(2)).toBe('12.50');
    expect(problem({ 买家实际支付金额: '12.345' })).toBe('amount "12.345" has a fraction of a fen; exported amounts are whole fen, so it is not rounded to a guess');
    expect(problem({ 买家实际支付金额: '12.' })).toBe('"12." is not a valid amount');
  });

  it('takes a text cell as it is only when cleaning would not change it', () => {
    // Trimmed at either end (space, tab, ideographic space), Excel's ' prefix dropped, and a cell
    // meaning empty (null, NaN from a pandas re-save) read as ''; a plain one as it is.
    const buyer = (v: string) => row({ 买家会员名: v }).buyer;
    expect([buyer('小明'), buyer(' 小明 '), buyer('小明\t'), buyer('\u3000小明'), buyer("'小明")]).toEqual(['小明', '小明', '小明', '小明', '小明']);
    expect([buyer('null'), buyer('NaN'), buyer('nobody')]).toEqual(['', '', 'nobody']);
  });

  it('reads the id cell Taobao writes (="…") as cleanCell and checkOrderId would', () => {
    // ="…" around 10 to 20 digits: the digits are the id (a leading zero kept).
    expect(row({ 订单编号: '="0123456789"' }).orderId).toBe('0123456789');
    expect(row({ 订单编号: '="30000000100000000012"' }).orderId).toBe('30000000100000000012');
    // A space inside the quotes is trimmed by the general path: the same id.
    expect(row({ 订单编号: '="3000000010000000001 "' }).orderId).toBe('3000000010000000001');
    // 9 digits and 21 digits are not an order id (10–20), wrapped or not.
    const notId = (id: string) => `"${id}" is not an order id (expected 10–20 digits, or PDD's yymmdd-digits)`;
    expect(problem({ 订单编号: '="123456789"' })).toBe(notId('123456789'));
    expect(problem({ 订单编号: '="300000001000000000123"' })).toBe(notId('300000001000000000123'));
  });

  it('reads a time in the export shape and any other the general way, to the same instant', () => {
    // 2026-10-01 00:00:02 Beijing (UTC+8) = 2026-09-30 16:00:02 UTC.
    const at = Date.UTC(2026, 8, 30, 16, 0, 2);
    expect(row({ 订单付款时间: '2026-10-01 00:00:02' }).paidAt).toBe(at);
    // Padded with spaces (21 characters), and ending in a full-width digit (19 characters, not all ASCII):
    // both cleaned or converted first, the same instant.
    expect(row({ 订单付款时间: ' 2026-10-01 00:00:02 ' }).paidAt).toBe(at);
    expect(row({ 订单付款时间: '2026-10-01 00:00:0２' }).paidAt).toBe(at);
    // 19 characters that are not the bare shape: ="2026-10-01 00:00" (Excel's text wrapper) is
    // unwrapped first, a time without seconds (59 s of slack): 2026-10-01 00:00 Beijing = 2026-09-30 16:00 UTC.
    const wrapped = row({ 订单付款时间: '="2026-10-01 00:00"' });
    expect([wrapped.paidAt, wrapped.timeSlack?.paidAt]).toEqual([Date.UTC(2026, 8, 30, 16, 0, 0), 59_000]);
    // 19 characters with digits at both ends but not a time (a day 32): refused as before.
    expect(problem({ 订单付款时间: '2026-10-32 00:00:02' })).toBe('"2026-10-32 00:00:02" is not a valid time (expected YYYY-MM-DD HH:mm:ss)');
  });

  it('trims a no-break space (U+00A0), ideographic space or BOM at either end of an id, time, amount or text cell', () => {
    // Copied through a web page or Excel, a cell may carry U+00A0 at its start or end. Each is the
    // value without it: the id 3515313147329357901; 2026-11-10 09:00:00 Beijing (UTC+8) =
    // 2026-11-10 01:00:00 UTC; 12.50 yuan; the buyer 小明. Before, a leading U+00A0 was kept (the
    // id and time refused, the buyer read as "\u00a0小明") while a trailing one passed in a time.
    const at = Date.UTC(2026, 10, 10, 1, 0, 0);
    for (const sp of ['\u00a0', '\u3000', '\ufeff']) {
      expect(row({ 订单编号: `${sp}3515313147329357901` }).orderId).toBe('3515313147329357901');
      expect(row({ 订单编号: `3515313147329357901${sp}` }).orderId).toBe('3515313147329357901');
      expect(row({ 订单付款时间: `${sp}2026-11-10 09:00:00` }).paidAt).toBe(at);
      expect(row({ 订单付款时间: `2026-11-10 09:00:00${sp}` }).paidAt).toBe(at);
      expect(row({ 买家实际支付金额: `${sp}12.50` }).paidAmount!.toFixed(2)).toBe('12.50');
      expect(row({ 买家实际支付金额: `12.50${sp}` }).paidAmount!.toFixed(2)).toBe('12.50');
      expect(row({ 买家会员名: `${sp}小明` }).buyer).toBe('小明');
      expect(row({ 买家会员名: `小明${sp}` }).buyer).toBe('小明');
    }
    // A no-break space inside a value is part of it: 小\u00a0明 is kept as it is.
    expect(row({ 买家会员名: '小\u00a0明' }).buyer).toBe('小\u00a0明');
  });
});

// Times the byte scanner read from the bytes (RawRecord.times, issue 21 twenty-fifth round): a row
// so read parses to exactly what its text parses to — the same order, or the same rejection with the
// same value, message and held row — for every time shape, in a zone of fixed offset (Beijing, UTC)
// and one with daylight saving (Los Angeles, where the number goes back to its text), with an id
// cell that is good or not (a rejected row's held paid time comes from the number too).
describe('times read from the bytes', () => {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const canonical = fc
    .record({ y: fc.integer({ min: 1968, max: 2040 }), mo: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }), h: fc.integer({ min: 0, max: 24 }), mi: fc.integer({ min: 0, max: 60 }), s: fc.integer({ min: 0, max: 60 }) })
    .map(({ y, mo, d, h, mi, s }) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)} ${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}`);
  const edges = fc.constantFrom(
    '', '2026-10-01 00:00:02', '2003-01-01 07:59:59', '2003-01-01 08:00:00', '2002-12-31 23:59:59', '2027-01-01 08:00:00', '2027-01-01 08:00:01',
    '2026-03-08 02:30:00', '2026-11-01 01:30:00', '2024-02-29 23:59:59', '2023-02-29 00:00:00', '2037-12-31 23:59:59', '2038-01-01 00:00:00',
    '2026-10-01 00:00', '2026/10/1 9:00:00', '="2026-10-01 00:00:02"', '２０２６－１０－０１ ００：００：０２', 'null', '2026-10-01',
  );
  // Mostly good times (years 2003–2026, days up to 28), so that most rows are read and their instants compared.
  const good = fc
    .record({ y: fc.integer({ min: 2003, max: 2026 }), mo: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }), s: fc.integer({ min: 0, max: 59 }) })
    .map(({ y, mo, d, h, mi, s }) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)} ${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}`);
  const cellArb = fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: canonical, weight: 1 }, { arbitrary: edges, weight: 2 });
  const zones = [PLATFORM_TZ, new TimeZone('UTC'), new TimeZone('America/Los_Angeles')];
  it('a row with its times as numbers parses as the row with its times as text', () => {
    const d = detectLayout('t.csv', T71);
    const cols = ['createdAt', 'paidAt', 'shippedAt', 'confirmedAt'].map((k) => d.map.index.get(k) ?? -1);
    expect(cols.every((c) => c > 0)).toBe(true);
    let numbers = 0;
    let read = 0;
    fc.assert(
      fc.property(fc.array(cellArb, { minLength: 4, maxLength: 4 }), fc.constantFrom(...zones), fc.constantFrom('="3000000010000000001"', 'abc', ''), (cells4, tz, id) => {
        const p = makeRowParser(d.layout, d.map, 't.csv', d.layoutId, tz, Date.UTC(2027, 0, 1), false, ONLY, true);
        expect([...p.timeColumns].sort((a, b) => a - b)).toEqual([...cols].sort((a, b) => a - b));
        const over: Record<string, string> = { 订单编号: id };
        cols.forEach((c, k) => (over[T71[c]!] = cells4[k]!));
        const cells = T71.map((h) => order('3000000010000000001', over)[h] ?? '');
        cells[0] = id;
        // The line as Taobao writes it: ="…" bare (a quote not opening a cell is text); no cell here holds a comma.
        expect(cells.some((c) => /[,\n]/.test(c))).toBe(false);
        const line = cells.join(',');
        const projection = new Projection();
        projection.want = Uint8Array.from(T71, (_, i) => (p.columns!.includes(i) ? 1 : 0));
        projection.times = Uint8Array.from(T71, (_, i) => p.timeColumns.indexOf(i) + 1);
        const rec = new RecordScanner(0x2c, 'utf8', projection).scan(Buffer.from(`${line}\n`), true).records[0]!;
        const want = p.parse(cells, 2);
        if (!isProblem(want)) {
          read++;
          numbers += rec.times?.filter((w) => w >= 0).length ?? 0;
        }
        expect(JSON.stringify(p.parse(rec.cells, 2, rec.times))).toBe(JSON.stringify(want));
      }),
      { numRuns: 600 },
    );
    expect(numbers).toBeGreaterThan(100);
    expect(read).toBeGreaterThan(50);
  });
});
