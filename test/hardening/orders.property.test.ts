// Issue 9: random valid 订单报表 exports — any layout (41…71 columns, scripts/export-layouts.mjs),
// any encoding (GBK, UTF-8, UTF-8 with BOM, UTF-16LE with BOM), CRLF or LF, comma or tab, times
// as exported or as Excel re-saves them (YYYY/M/D H:mm:ss) — read back to the same canonical
// orders, equal to what was written. Read with the whole CLI in process (`orders normalize -f json`).
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { TAOBAO_ORDER_LAYOUTS, csvCell, taobaoCsvCell } from '../../scripts/export-layouts.mjs';
import { tmpDir } from '../helpers.js';
import { cli } from './inproc.js';
/** The value type an arbitrary generates (fast-check 4 exports no such helper). */
type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

const LAYOUTS = TAOBAO_ORDER_LAYOUTS as Record<number, string[]>;
const STATUS = {
  '等待买家付款': 'unpaid',
  '买家已付款，等待卖家发货': 'awaiting_shipment',
  '买家已付款,等待卖家发货': 'awaiting_shipment', // ASCII comma accepted too (FORMATS)
  '卖家已发货，等待买家确认': 'shipped',
  '交易成功': 'completed',
  '交易关闭': 'closed',
} as const;

// Text GBK can hold, with the characters that break naive CSV writers and spreadsheets.
const TEXT_CHARS = [...'羊毛围巾灰色大衣手套袜子小明爱购物阿花的店铺', ...'abcXYZ019', ' ', ',', '"', '，', '=', '+', '-', '@', '(', ')', '\n'];
const genText = fc
  .array(fc.constantFrom(...TEXT_CHARS), { minLength: 1, maxLength: 14 })
  .map((a) => a.join(''))
  // cleanCell's documented unwrapping (FORMATS "Cell clean-up"): surrounding blanks, a leading
  // apostrophe, ="…", and the text null are not data; generate what survives it unchanged.
  .filter((s) => s === s.trim() && !/^'|^="|^null$/i.test(s));
const genName = genText.filter((s) => !s.includes('\n'));

const T0 = Date.UTC(2024, 0, 1) / 1000;
const T1 = Date.UTC(2026, 9, 31) / 1000;
const genOrder = fc.record({
  id: fc.bigInt(1_000_000_000_000_000n, 9_999_999_999_999_999_999n).map(String),
  buyer: genName,
  status: fc.constantFrom(...(Object.keys(STATUS) as (keyof typeof STATUS)[])),
  created: fc.integer({ min: T0, max: T1 }),
  paidAfter: fc.option(fc.integer({ min: 0, max: 3600 }), { nil: null }),
  goodsFen: fc.integer({ min: 0, max: 9_999_999 }),
  postageFen: fc.integer({ min: 0, max: 5_000 }),
  qty: fc.integer({ min: 1, max: 99 }),
  title: genName,
  note: fc.option(genText, { nil: '' }),
});
const genExport = fc.record({
  orders: fc.uniqueArray(genOrder, { minLength: 1, maxLength: 6, selector: (o) => o.id }),
  layout: fc.constantFrom(41, 46, 56, 61, 67, 69, 71),
  encoding: fc.constantFrom('gbk', 'utf8', 'utf8-bom', 'utf16le-bom'),
  eol: fc.constantFrom('\r\n', '\n'),
  delimiter: fc.constantFrom(',', '\t'),
  excelTimes: fc.boolean(),
});
type Gen = ValueOf<typeof genOrder>;

const money = (fen: number) => (fen / 100).toFixed(2);
const pad = (n: number) => String(n).padStart(2, '0');
/** Beijing wall time of epoch seconds, as exported (or as Excel re-saves it). */
function bj(sec: number, excel: boolean): string {
  const d = new Date(sec * 1000 + 8 * 3_600_000);
  if (excel) return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()} ${d.getUTCHours()}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return d.toISOString().slice(0, 19).replace('T', ' ');
}
const iso = (sec: number) => new Date(sec * 1000 + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';

function cells(o: Gen, excel: boolean): Record<string, string> {
  const paid = o.paidAfter === null ? null : o.created + o.paidAfter;
  return {
    订单编号: o.id, 主订单编号: o.id, 买家会员名: o.buyer, 买家会员昵称: o.buyer, 买家应付货款: money(o.goodsFen), 买家应付邮费: money(o.postageFen),
    买家实际支付金额: paid === null ? '0.00' : money(o.goodsFen + o.postageFen), 订单状态: o.status, 订单创建时间: bj(o.created, excel),
    订单付款时间: paid === null ? '' : bj(paid, excel), 宝贝标题: o.title, 宝贝总数量: String(o.qty), 订单备注: o.note, 订单关闭原因: '订单未关闭',
  };
}

function write(file: string, e: ValueOf<typeof genExport>): void {
  const headers = LAYOUTS[e.layout]!;
  const q = (v: string) => (e.delimiter === ',' ? csvCell(v) : /[\t"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [headers.map(q).join(e.delimiter)];
  for (const o of e.orders) {
    const c = cells(o, e.excelTimes);
    // Taobao's own ="…" id wrapping in comma files; plain cells in tab files.
    lines.push(headers.map((h) => (e.delimiter === ',' ? taobaoCsvCell(h, c[h] ?? '') : q(c[h] ?? ''))).join(e.delimiter));
  }
  const text = lines.join(e.eol) + e.eol;
  const bytes =
    e.encoding === 'gbk' ? iconv.encode(text, 'gbk')
    : e.encoding === 'utf8' ? Buffer.from(text)
    : e.encoding === 'utf8-bom' ? Buffer.from('\uFEFF' + text)
    : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  fs.writeFileSync(file, bytes);
}

/** The canonical order the reader must give for a generated one (SPEC "orders"). */
function expected(o: Gen) {
  const paid = o.paidAfter === null ? null : o.created + o.paidAfter;
  return {
    orderId: o.id, buyer: o.buyer, status: STATUS[o.status], statusRaw: o.status.replace(',', '，'),
    createdAt: iso(o.created), paidAt: paid === null ? null : iso(paid),
    goodsAmount: money(o.goodsFen), postage: money(o.postageFen), paidAmount: paid === null ? '0.00' : money(o.goodsFen + o.postageFen),
    quantity: o.qty, title: o.title, sellerNote: o.note,
  };
}

describe('订单报表 round trip', () => {
  it('any layout, encoding, line ending, delimiter and time style reads back to the orders written', async () => {
    const dir = tmpDir('storeops-roundtrip-');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(genExport, async (e) => {
        const file = path.join(dir, `ExportOrderList-${++n}.csv`);
        write(file, e);
        const r = await cli(['orders', 'normalize', file, '-f', 'json', '-q']);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
        const got = rows.map((o) => ({
          orderId: o.orderId, buyer: o.buyer, status: o.status, statusRaw: (o.statusRaw as string).replace(',', '，'),
          createdAt: o.createdAt, paidAt: o.paidAt, goodsAmount: o.goodsAmount, postage: o.postage, paidAmount: o.paidAmount,
          quantity: o.quantity, title: o.title, sellerNote: o.sellerNote,
        }));
        expect(got).toEqual(e.orders.map(expected));
        expect(rows.every((o) => o.layout === `taobao-orders-${e.layout}`)).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});
