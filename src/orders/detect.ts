// Which platform and layout a file is, from its header alone.
import { InputError, type Msg, msg } from '../errors.js';
import { type FieldSpec, type HeaderMap, headerList, mapHeader, missingColumnError, normHeader, withHeader } from '../io/table.js';
import { ORDER_COLUMNS } from './columns.js';
import { CANONICAL, LAYOUTS, type Layout, TAOBAO_ITEMS, TAOBAO_ORDERS, taobaoItemsEra, taobaoOrdersEra } from './layouts.js';

export interface Detected {
  layout: Layout;
  /** Reported id with the column count, e.g. `taobao-orders-71`. */
  layoutId: string;
  era: string;
  map: HeaderMap;
  /**
   * Fields a full export of this layout has (`required` in layouts.ts) that this file lacks: a
   * reduced export. inspect/normalize read it and say so; a command that needs one refuses it.
   */
  missing: FieldSpec[];
}

/** How many of a layout's characteristic headers are present. */
function score(layout: Layout, present: ReadonlySet<string>): number {
  return layout.signature.filter((h) => present.has(normHeader(h))).length;
}

/**
 * Whether a row is the header of an order export: it scores as a known layout, or it has an
 * order-id column. Title lines above the header (PDD after-sale xlsx, some 抖店 downloads) do not.
 */
export function isOrderHeader(headers: string[]): boolean {
  const present = new Set(headers.map(normHeader));
  return LAYOUTS.some((l) => score(l, present) >= 2 || l.fields.some((f) => f.key === 'orderId' && f.aliases.some((a) => present.has(normHeader(a)))));
}

/**
 * The platform layout `headers` is recognised as, as detectLayout picks it (the best score, at least
 * 2); undefined when none is, or when it is storeops' own output (CANONICAL: its 平台/platform,
 * 来源文件/sourceFile, 行号/sourceLine columns). -o onto such a download is refused (io/exportguard.ts).
 */
export function platformExport(headers: string[]): Layout | undefined {
  const present = new Set(headers.map(normHeader));
  let best: { layout: Layout; score: number } | undefined;
  for (const layout of LAYOUTS) {
    const s = score(layout, present);
    if (!best || s > best.score) best = { layout, score: s };
  }
  return best && best.score >= 2 && best.layout !== CANONICAL ? best.layout : undefined;
}

export function detectLayout(file: string, headers: string[]): Detected {
  const present = new Set(headers.map(normHeader));
  let best: { layout: Layout; score: number } | undefined;
  for (const layout of LAYOUTS) {
    const score_ = score(layout, present);
    if (!best || score_ > best.score) best = { layout, score: score_ };
  }
  if (!best || best.score < 2) {
    // A list of order ids alone (a delivery-failure or exclusion list) given as the export.
    const named = headers.filter((h) => h.trim() !== '');
    const idList = named.length === 1 && LAYOUTS.some((l) => l.fields.some((f) => f.key === 'orderId' && f.aliases.some((a) => normHeader(a) === normHeader(named[0]!))));
    throw withHeader(file, headers, new InputError(
      msg(
        `${file}: 无法识别的报表格式; 找到的列: ${headerList(headers, 20, 'zh')}`,
        `${file}: unknown export layout; columns found: ${headerList(headers, 20)}`,
      ),
      idList
        ? msg(
            `这是只有订单编号一列的列表, 不是订单报表: 要排除的订单用 storeops compensate <订单文件> --exclude ${file}, 当日达/次日达未履约的用 --delivery-failures ${file}。`,
            `this is a list of order ids, not an order export: orders to leave out go in storeops compensate ORDERS.csv --exclude ${file}, unkept delivery promises in --delivery-failures ${file}.`,
          )
        : msg(
            `支持: ${LAYOUTS.map((l) => l.name.zh).join('、')}。请传入从店铺后台 (淘宝/天猫卖家中心、抖店后台、拼多多商家后台) 导出的原始文件。`,
            `supported: ${LAYOUTS.map((l) => l.name.en).join('; ')}. Pass the file as exported from the shop's back office (the Taobao/Tmall seller centre 淘宝/天猫卖家中心, the Douyin shop back office 抖店后台 or the Pinduoduo merchant back office 拼多多商家后台).`,
          ),
    ));
  }
  const layout = best.layout;
  const map = mapHeader(headers, layout.fields);
  // Only the order id is needed to read a file at all; other missing fields are reported (reduced exports).
  const missing: FieldSpec[] = [];
  for (const f of layout.fields) {
    if (!f.required || map.index.has(f.key)) continue;
    if (f.key === 'orderId' || f.key === 'platform') throw missingColumnError(file, layout.name, f, headers);
    missing.push(f);
  }
  const cols = headers.filter((h) => h !== '').length;
  // The era is told by the column count of a full export; a reduced one has none to tell.
  const era = missing.length ? '' : layout === TAOBAO_ORDERS ? taobaoOrdersEra(cols) : layout === TAOBAO_ITEMS ? taobaoItemsEra(cols, headers) : '';
  return { layout, layoutId: `${layout.id}-${cols}`, era, map, missing };
}

/** A field as a message shows it: `status (订单状态)`. */
export function fieldNames(f: FieldSpec): string {
  return `${f.key} (${f.aliases.join(' / ')})`;
}

/** A field's Chinese name, as zh output's column headers give it (`状态`, `付款时间`); the key when it has none. */
export function fieldZh(f: FieldSpec): string {
  return ORDER_COLUMNS.find((c) => c.key === f.key)?.zh ?? f.key;
}

/** A field as a zh message shows it: `状态 (订单状态)`, as `orders inspect` names a missing one. */
export function fieldNamesZh(f: FieldSpec): string {
  return `${fieldZh(f)} (${f.aliases.join(' / ')})`;
}

/** A command needs fields this file lacks: exit 3, naming each with the header names it accepts. */
export function neededColumnsError(file: string, d: Detected, fields: readonly FieldSpec[], command: string, headers: string[]): InputError {
  const found = headerList(headers, 100, 'en') || '(none)';
  const foundZh = headerList(headers, 100, 'zh') || '(无)';
  const names = fields.map((f) => `"${f.aliases[0]}" (${f.key})`).join(', ');
  const namesZh = fields.map((f) => `"${f.aliases[0]}" (${fieldZh(f)})`).join(', ');
  const accepted = fields.map(fieldNames).join('; ');
  const acceptedZh = fields.map(fieldNamesZh).join('; ');
  return withHeader(file, headers, new InputError(
    msg(
      `${file}: ${command} 需要的列在这个文件中没有: ${namesZh} (${d.layout.name.zh}); 找到的列: ${foundZh}`,
      `${file}: ${command} needs columns this file does not have: ${names} (${d.layout.name.en}); columns found: ${found}`,
    ),
    msg(
      `可接受的列名: ${acceptedZh}。导出时勾选这些列; orders inspect 和 orders normalize 仍可读取这个文件。`,
      `accepted names: ${accepted}. Include these columns when exporting; orders inspect and orders normalize still read this file.`,
    ),
  ));
}

/** A reduced export (no 订单状态, …): read, with the fields that stay empty named. */
export function reducedExportWarning(file: string, fields: readonly FieldSpec[]): Msg {
  const list = fields.map(fieldNames).join(', ');
  const listZh = fields.map(fieldNamesZh).join(', ');
  const unknown = fields.some((f) => f.key === 'status');
  return msg(
    `${file}: 这个文件缺少以下列, 这些字段为空${unknown ? ' (状态为 unknown/未知)' : ''}: ${listZh}。compensate 等命令需要它们时会拒绝这个文件。`,
    `${file}: this file lacks these columns, so these fields are empty${unknown ? ' (status is unknown)' : ''}: ${list}. Commands that need them (compensate, …) refuse the file.`,
  );
}

/**
 * storeops' own output written before it carried the shop (no shopId/店铺Id and no shopName/店铺名称
 * column: an earlier version's `orders normalize`). Read as it is, every order names no shop: its
 * vouchers are capped as a shop-less buyer's (counting toward every shop's cap) and recorded without
 * a shop, which the file cannot tell apart from an export that really names none. Said, not guessed.
 */
export function oldCanonicalWarning(file: string, d: Detected): Msg | undefined {
  if (d.layout !== CANONICAL || d.map.index.has('shopId') || d.map.index.has('shopName')) return undefined;
  return msg(
    `${file}: 这是旧版 storeops 的 orders normalize 输出, 没有店铺列 (shopId/店铺Id、shopName/店铺名称): 按它读, 每个订单都没有店铺, compensate 把同一买家在各店铺的订单放在一起计算窗口和封顶, 记录的红包也没有店铺 (计入每个店铺的封顶额)。请用当前版本对原始导出重新运行 orders normalize, 或直接用原始导出。`,
    `${file}: this is orders normalize output from an earlier storeops, without the shop columns (shopId/店铺Id, shopName/店铺名称): read as it is, no order names its shop, so compensate windows and caps a buyer's orders of every shop together and records the vouchers without a shop (counted toward every shop's cap). Run orders normalize again on the original export with this version, or use the export itself.`,
  );
}
