// Build small exports inside a test: a header list from scripts/export-layouts.mjs (transcribed
// from docs/formats.md, independent of src/) and rows given by header name; every other cell empty.
import fs from 'node:fs';
import path from 'node:path';
// @ts-expect-error: a plain .mjs script without types
import { TAOBAO_ORDER_LAYOUTS, csvCell, taobaoCsvCell } from '../../scripts/export-layouts.mjs';

export type Cells = Record<string, string>;

export const T71: string[] = (TAOBAO_ORDER_LAYOUTS as Record<number, string[]>)[71]!;
export const T41: string[] = (TAOBAO_ORDER_LAYOUTS as Record<number, string[]>)[41]!;
export const T56: string[] = (TAOBAO_ORDER_LAYOUTS as Record<number, string[]>)[56]!;

/** A Taobao 订单报表 as Taobao writes it (ids as ="…", CRLF line ends). */
export function taobaoCsv(rows: Cells[], headers: string[] = T71): string {
  const lines = [headers.join(',')];
  for (const r of rows) {
    for (const k of Object.keys(r)) if (!headers.includes(k)) throw new Error(`test bug: no column ${k}`);
    lines.push(headers.map((h) => (taobaoCsvCell as (h: string, v: string) => string)(h, r[h] ?? '')).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** Any csv from a header list and rows by header name. */
export function plainCsv(headers: string[], rows: Cells[]): string {
  return [headers.map((h) => (csvCell as (v: string) => string)(h)).join(','), ...rows.map((r) => headers.map((h) => (csvCell as (v: string) => string)(r[h] ?? '')).join(','))].join('\n') + '\n';
}

/** A 71-column order row with the usual defaults (paid, not closed); `over` replaces any cell. */
export function order(id: string, over: Cells): Cells {
  return {
    订单编号: id,
    买家会员名: '小明',
    买家应付货款: '190.00',
    买家应付邮费: '10.00',
    买家实际支付金额: '200.00',
    订单状态: '买家已付款，等待卖家发货',
    收货人姓名: '王小明',
    收货地址: '广东省 深圳市 南山区 科技园南路88号(518057)',
    联系手机: "'13925130165",
    订单创建时间: '2026-11-10 08:58:12',
    订单付款时间: '2026-11-10 09:00:00',
    宝贝标题: '加厚羊毛围巾',
    宝贝总数量: '1',
    订单关闭原因: '订单未关闭',
    ...over,
  };
}

export function write(dir: string, name: string, text: string | Buffer, mtime?: Date): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  if (mtime) fs.utimesSync(p, mtime, mtime);
  return p;
}
