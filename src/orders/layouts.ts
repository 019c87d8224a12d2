// Per-platform export layouts: one header alias table per platform (docs/formats.md). Columns are
// found by name, never by position. This file is the one place that knows column names.
import { type Msg, msg } from '../errors.js';
import type { FieldSpec } from '../io/table.js';
import type { PiiKind } from './mask.js';
import { ORDER_COLUMNS } from './columns.js';
import { ORDER_STATUS_ZH_BY_PLATFORM, PLATFORM_ZH } from './codes.js';
import type { OrderStatus, Platform } from './types.js';

export type Grain = 'order' | 'line';

export interface Layout {
  /** Family id; the reported layout id adds the column count, e.g. `taobao-orders-71`. */
  id: string;
  platform: Platform;
  grain: Grain;
  name: Msg;
  fields: readonly FieldSpec[];
  /** Headers characteristic of this family: the detector scores layouts by how many are present. */
  signature: readonly string[];
  statuses: Readonly<Record<string, OrderStatus>>;
  /** How to download it, for the README and for the unknown-layout hint. */
  download: Msg;
  /** Each row names its platform (storeops' own output): Platform by code or zh label. */
  platforms?: Readonly<Record<string, Platform>>;
  /** The eras of docs/formats.md's table and the fields each brought (orders inspect's columnsMissing). */
  eras?: EraTable;
}

/**
 * A layout's eras, oldest first: `since`, the era (index) a field first appeared in (absent: the
 * oldest); `markers`, per era, headers only a file of that era or a later one has. A full file is of
 * the latest era its column count or its headers show (a 2022+ export trimmed below 70 columns still
 * has 买家会员昵称); a field of a later era is not in it, and is not listed as missing. A reduced
 * export (a required field trimmed away) has no era to tell: its missing fields are all listed.
 */
export interface EraTable {
  names: readonly string[];
  since: Readonly<Record<string, number>>;
  markers: readonly (readonly string[])[];
  /** The era (index) a full file of this many columns is, as detect.ts names it. */
  byCount: (columns: number, headers: readonly string[]) => number;
}

const TAOBAO_STATUS: Record<string, OrderStatus> = {
  等待买家付款: 'unpaid',
  '买家已付款，等待卖家发货': 'awaiting_shipment',
  等待卖家发货: 'awaiting_shipment',
  '卖家已发货，等待买家确认': 'shipped',
  卖家部分发货: 'partially_shipped',
  交易成功: 'completed',
  交易关闭: 'closed',
  '付款以后用户退款成功，交易自动关闭': 'closed',
  '付款以前，卖家或买家主动关闭交易': 'closed',
  // Open-API spellings seen in ERP re-exports.
  WAIT_BUYER_PAY: 'unpaid',
  WAIT_SELLER_SEND_GOODS: 'awaiting_shipment',
  SELLER_CONSIGNED_PART: 'partially_shipped',
  WAIT_BUYER_CONFIRM_GOODS: 'shipped',
  TRADE_FINISHED: 'completed',
  TRADE_CLOSED: 'closed',
  TRADE_CLOSED_BY_TAOBAO: 'closed',
};

const DOUYIN_STATUS: Record<string, OrderStatus> = {
  待支付: 'unpaid',
  待付款: 'unpaid',
  待发货: 'awaiting_shipment',
  备货中: 'awaiting_shipment',
  部分发货: 'partially_shipped',
  已发货: 'shipped',
  已完成: 'completed',
  已关闭: 'closed',
  已取消: 'closed',
};

const PDD_STATUS: Record<string, OrderStatus> = {
  待支付: 'unpaid',
  待付款: 'unpaid',
  待发货: 'awaiting_shipment',
  '已付款，待发货': 'awaiting_shipment',
  '未发货，待发货': 'awaiting_shipment',
  '已发货，待收货': 'shipped',
  已发货: 'shipped',
  已收货: 'completed',
  已签收: 'completed',
  '未发货，退款成功': 'closed',
  '已发货，退款成功': 'closed',
  '已收货，退款成功': 'closed',
  已取消: 'closed',
  交易关闭: 'closed',
};

/** Status text as compared: ASCII commas become full-width, spaces go. */
export function normStatus(s: string): string {
  return s.replace(/,/g, '，').replace(/\s+/g, '');
}

/** A cell's meaning in a layout's table (statuses, platforms), by its normalised text; own keys only ("constructor" is not Object's). */
export function lookupNormalized<T>(table: Readonly<Record<string, T>>, raw: string): T | undefined {
  const key = normStatus(raw);
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

const f = (key: string, aliases: string[], required = false): FieldSpec => ({ key, aliases, required });

export const TAOBAO_ORDERS: Layout = {
  id: 'taobao-orders',
  platform: 'taobao',
  grain: 'order',
  name: msg('淘宝/天猫 订单报表', 'Taobao/Tmall order report (订单报表)'),
  fields: [
    f('orderId', ['订单编号'], true),
    f('parentOrderId', ['主订单编号']),
    f('buyer', ['买家会员名', '买家会员昵称', '买家昵称']),
    f('goodsAmount', ['买家应付货款']),
    f('postage', ['买家应付邮费']),
    f('paidAmount', ['买家实际支付金额'], true),
    f('status', ['订单状态'], true),
    f('createdAt', ['订单创建时间']),
    f('paidAt', ['订单付款时间'], true),
    f('shippedAt', ['发货时间']),
    f('confirmedAt', ['确认收货时间']),
    f('title', ['宝贝标题']),
    f('quantity', ['宝贝总数量']),
    f('carrier', ['物流公司']),
    f('trackingNo', ['物流单号']),
    // The shop the order was placed in (every layout since 2016): compensate caps a buyer per shop.
    f('shopId', ['店铺Id', '店铺ID']),
    f('shopName', ['店铺名称']),
    f('sellerNote', ['订单备注', '商家备忘']),
    f('closeReason', ['订单关闭原因']),
    f('receiver', ['收货人姓名']),
    f('phone', ['联系手机', '联系电话']),
    f('address', ['收货地址']),
    f('refundAmount', ['退款金额']),
    f('presale', ['预售订单']),
    f('platformCompensation', ['延迟发货自动赔付金额']),
    // No documented era of the 订单报表 has a flag column (docs/formats.md): read when a file has
    // one, never listed as missing (every full download listed 旗帜 under columnsMissing).
    { ...f('sellerFlag', ['旗帜颜色', '订单标记']), added: true },
  ],
  signature: ['订单编号', '买家应付货款', '买家应付邮费', '买家实际支付金额', '订单付款时间', '宝贝标题', '宝贝总数量', '收货地址', '订单关闭原因'],
  statuses: TAOBAO_STATUS,
  // docs/formats.md's 订单报表 eras: 2016 had none of these; 退款金额 came in 2017, 确认收货时间 in
  // 2018, 主订单编号 in 2019–2021, 发货时间, 预售订单 and 延迟发货自动赔付金额 (with 买家会员昵称 and
  // 商家备忘) in 2022. Every older file listed the later ones as missing, as if trimmed.
  eras: {
    names: ['2016', '2017', '2018', '2019-2021', '2022+'],
    since: { refundAmount: 1, confirmedAt: 2, parentOrderId: 3, shippedAt: 4, presale: 4, platformCompensation: 4 },
    markers: [[], ['退款金额', '是否代付'], ['确认收货时间', '支付单号', '支付详情'], ['主订单编号', '是否信用购', '配送类型'], ['发货时间', '预售订单', '延迟发货自动赔付金额', '买家会员昵称', '商家备忘']],
    byCount: (columns) => ['2016', '2017', '2018', '2019-2021', '2022+'].indexOf(taobaoOrdersEra(columns)),
  },
  download: msg(
    '千牛卖家中心 → 交易 → 已卖出的宝贝 → 批量导出 → 订单报表 (ExportOrderList…csv/xlsx)',
    'the Taobao/Tmall seller centre (千牛卖家中心) → 交易 (Trades) → 已卖出的宝贝 (Sold items) → 批量导出 (Bulk export) → 订单报表 (ExportOrderList…csv/xlsx)',
  ),
};

export const TAOBAO_ITEMS: Layout = {
  id: 'taobao-items',
  platform: 'taobao',
  grain: 'line',
  name: msg('淘宝/天猫 宝贝报表', 'Taobao/Tmall item report (宝贝报表)'),
  fields: [
    f('lineId', ['子订单编号']),
    f('orderId', ['主订单编号', '订单编号'], true),
    f('title', ['标题', '商品标题']),
    f('price', ['价格', '商品价格']),
    f('quantity', ['购买数量']),
    f('status', ['订单状态'], true),
    f('goodsAmount', ['买家应付货款']),
    f('paidAmount', ['买家实际支付金额', '买家实付金额']),
    f('refundAmount', ['退款金额']),
    f('createdAt', ['订单创建时间']),
    f('paidAt', ['订单付款时间']),
    f('shippedAt', ['发货时间']),
    f('trackingNo', ['物流单号']),
    f('carrier', ['物流公司']),
    f('compensated', ['是否赔付', '是否主动赔付']),
    f('platformCompensation', ['赔付金额', '主动赔付金额']),
    f('sellerNote', ['商家备注', '备注']),
    f('presale', ['分阶段订单信息', '分阶段信息']),
  ],
  signature: ['子订单编号', '主订单编号', '标题', '商品标题', '价格', '商品价格', '购买数量', '商品属性', '套餐信息', '外部系统编号', '商家编码'],
  statuses: TAOBAO_STATUS,
  // The 2017–2019 宝贝报表 (10 columns: 订单编号, 标题, 价格, 购买数量, …, 备注, 订单状态, 商家编码) has
  // none of the later fields (子订单编号, amounts, times, waybill, 赔付); the later and newest ones have them all.
  eras: {
    names: ['2017-2019', 'later'],
    since: { lineId: 1, goodsAmount: 1, paidAmount: 1, refundAmount: 1, createdAt: 1, paidAt: 1, shippedAt: 1, trackingNo: 1, carrier: 1, compensated: 1, platformCompensation: 1, presale: 1 },
    markers: [[], ['子订单编号', '主订单编号', '商品标题', '商品价格', '买家应付货款', '买家实际支付金额', '买家实付金额', '退款金额', '订单创建时间', '订单付款时间', '发货时间', '物流单号', '物流公司', '是否赔付', '是否主动赔付', '赔付金额', '主动赔付金额', '分阶段订单信息', '分阶段信息']],
    byCount: (columns, headers) => (taobaoItemsEra(columns, headers) === '2017-2019' ? 0 : 1),
  },
  download: msg(
    '千牛卖家中心 → 交易 → 已卖出的宝贝 → 批量导出 → 宝贝报表 (ExportOrderDetailList…csv/xlsx)',
    'the Taobao/Tmall seller centre (千牛卖家中心) → 交易 → 已卖出的宝贝 → 批量导出 → 宝贝报表 (ExportOrderDetailList…csv/xlsx)',
  ),
};

export const DOUYIN: Layout = {
  id: 'douyin-orders',
  platform: 'douyin',
  grain: 'line',
  name: msg('抖店 订单导出', 'Douyin shop (抖店) order export'),
  fields: [
    f('orderId', ['主订单编号'], true),
    f('lineId', ['子订单编号']),
    f('title', ['选购商品', '商品名称']),
    f('quantity', ['商品数量']),
    f('price', ['商品单价', '商品金额']),
    f('articleNo', ['货号']),
    f('paidAmount', ['订单应付金额', '实付金额', '支付金额'], true),
    f('postage', ['运费']),
    // Not 达人昵称: that is the live-stream host's name, shared by all of a stream's buyers.
    f('buyer', ['用户昵称', '买家昵称', '买家账号']),
    f('receiver', ['收件人']),
    f('phone', ['收件人手机号']),
    f('province', ['省']),
    f('city', ['市']),
    f('district', ['区']),
    f('street', ['街道']),
    f('address', ['详细地址']),
    f('createdAt', ['订单提交时间']),
    f('paidAt', ['支付完成时间'], true),
    f('confirmedAt', ['订单完成时间']),
    f('sellerFlag', ['旗帜颜色']),
    f('sellerNote', ['商家备注']),
    f('status', ['订单状态'], true),
    f('promisedShipAt', ['承诺发货时间']),
    f('reservedShipAt', ['预约发货时间']),
    f('orderType', ['订单类型']),
    f('closeReason', ['取消原因']),
    f('shippedAt', ['发货时间']),
    f('carrier', ['快递公司', '物流公司']),
    f('trackingNo', ['快递单号', '运单号']),
    f('refundAmount', ['退款金额']),
  ],
  signature: ['主订单编号', '子订单编号', '选购商品', '商品规格', '订单应付金额', '收件人手机号', '订单提交时间', '支付完成时间', '承诺发货时间', '旗帜颜色'],
  statuses: DOUYIN_STATUS,
  download: msg('抖店后台 → 订单 → 订单管理 → 批量导出', 'the Douyin shop back office (抖店后台) → 订单 → 订单管理 → 批量导出 (bulk export)'),
};

export const PDD: Layout = {
  id: 'pdd-orders',
  platform: 'pdd',
  grain: 'order',
  name: msg('拼多多 订单导出', 'Pinduoduo (拼多多) order export'),
  fields: [
    f('orderId', ['订单号'], true),
    f('title', ['商品']),
    f('status', ['订单状态'], true),
    f('goodsAmount', ['商品总价(元)', '商品总价']),
    f('postage', ['邮费(元)', '邮费']),
    f('paidAmount', ['用户实付金额(元)', '用户实付金额'], true),
    f('quantity', ['商品数量(件)', '商品数量']),
    f('shippedAt', ['发货时间']),
    f('confirmedAt', ['确认收货时间']),
    f('sellerNote', ['商家备注']),
    f('trackingNo', ['快递单号']),
    f('carrier', ['快递公司']),
    f('paidAt', ['支付时间', '订单成交时间'], true),
    f('createdAt', ['订单创建时间']),
    f('promisedShipAt', ['承诺发货时间']),
    f('buyer', ['买家昵称', '用户昵称']),
    f('receiver', ['收货人']),
    f('phone', ['手机', '收货人手机号']),
    f('address', ['收货地址', '详细地址']),
    // A file holding two shops' orders (an ERP's merged download, a 店铺名称 column added by hand) names
    // each row's shop: each buyer's window and cap is per shop (docs/rules.md §1.3a). Unread, one
    // nick's late orders in two shops were one voucher under one cap.
    { ...f('shopId', ['店铺Id', '店铺ID']), added: true },
    { ...f('shopName', ['店铺名称']), added: true },
  ],
  signature: ['订单号', '商品总价(元)', '邮费(元)', '店铺优惠折扣(元)', '平台优惠折扣(元)', '用户实付金额(元)', '商家实收金额(元)', '订单成交时间', '商品id', '样式ID'],
  statuses: PDD_STATUS,
  download: msg('拼多多商家后台 → 订单查询 → 批量导出', 'the Pinduoduo merchant back office (拼多多商家后台) → 订单查询 (order search) → 批量导出 (bulk export)'),
};

/** A code or its zh label (as zh output writes it) → the code. */
function codesAndLabels<T extends string>(labels: Readonly<Record<string, string>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [code, label] of Object.entries(labels)) {
    out[normStatus(code)] = code as T;
    out[normStatus(label)] = code as T;
  }
  return out;
}

/** Columns of the canonical output that describe where a row came from, not the order. */
const PROVENANCE = new Set(['layout', 'sourceFile', 'sourceLine']);

/**
 * storeops' own output (`orders normalize`, csv or xlsx, English or Chinese headers): the canonical
 * layout is a layout. Its header names are those normalize writes (columns.ts), so it reads back
 * whatever --lang wrote. Grain `line`: a --lines output has one row per line; an order output has
 * one row per order, which folds to itself. The platform is per row.
 */
export const CANONICAL: Layout = {
  id: 'storeops',
  platform: 'taobao', // not used: every row names its platform (`platforms`)
  grain: 'line',
  name: msg('storeops 标准订单 (orders normalize 的输出)', 'storeops canonical orders (output of orders normalize)'),
  fields: ORDER_COLUMNS.filter((c) => !PROVENANCE.has(c.key)).map((c) =>
    f(c.key, [c.en, c.zh], ['orderId', 'platform', 'status', 'paidAt', 'paidAmount'].includes(c.key)),
  ),
  signature: ORDER_COLUMNS.filter((c) => PROVENANCE.has(c.key) || c.key === 'platform' || c.key === 'statusRaw').flatMap((c) => [c.en, c.zh]),
  // The codes, and each platform's zh words (normalize writes a 抖店 row's status as 已完成, text43).
  statuses: Object.assign({}, ...Object.values(ORDER_STATUS_ZH_BY_PLATFORM).map((l) => codesAndLabels<OrderStatus>(l))) as Record<string, OrderStatus>,
  platforms: codesAndLabels<Platform>(PLATFORM_ZH),
  download: msg('storeops orders normalize … -o orders.csv / orders.xlsx', 'storeops orders normalize … -o orders.csv / orders.xlsx'),
};

/**
 * Personal columns no canonical field claims (kept under `extra`), by exact header name, and how
 * each is masked. Never matched by substring: 是否手机订单 (手机订单/否) is not a phone.
 * A buyer message (买家留言, 主订单买家留言) is no such column: it is free text, masked as the seller's
 * note columns are (read.ts isNoteColumn: its phones, addresses and names, the rest kept); until
 * 2026-12 it was masked as a name here, its first character kept, and the message was lost.
 */
export const PERSONAL_COLUMNS: Readonly<Record<string, PiiKind>> = {
  买家支付宝账号: 'name',
  联系电话: 'phone',
  联系手机: 'phone',
  收货人手机号: 'phone',
  收件人手机号: 'phone',
  手机: 'phone',
  收货人姓名: 'name',
  收件人: 'name',
  收货人: 'name',
  收货地址: 'address',
  详细地址: 'address',
  修改后的收货地址: 'address',
  联系方式备注: 'name',
  发票抬头: 'name',
};

export const LAYOUTS: readonly Layout[] = [TAOBAO_ORDERS, TAOBAO_ITEMS, DOUYIN, PDD, CANONICAL];

/** The era of a 订单报表 by its column count (docs/formats.md). */
/**
 * The keys of `layout`'s fields that the file's era never had (none for a layout without eras, or a
 * `reduced` file, whose era cannot be told): of an era later than the latest its column count and
 * its headers (as normHeader gives them; the markers are Chinese, unchanged by it) show.
 */
export function fieldsNotInEra(layout: Layout, headers: readonly string[], reduced: boolean): Set<string> {
  const t = layout.eras;
  if (!t || reduced) return new Set();
  const present = new Set(headers.filter((h) => h !== ''));
  let era = Math.max(0, t.byCount(headers.filter((h) => h !== '').length, headers));
  t.markers.forEach((m, i) => {
    if (i > era && m.some((h) => present.has(h))) era = i;
  });
  return new Set(Object.entries(t.since).filter(([, i]) => i > era).map(([k]) => k));
}

export function taobaoOrdersEra(columns: number): string {
  if (columns <= 41) return '2016';
  if (columns <= 46) return '2017';
  if (columns <= 56) return '2018';
  if (columns <= 69) return '2019-2021';
  return '2022+';
}

export function taobaoItemsEra(columns: number, headers: readonly string[]): string {
  if (columns <= 11) return '2017-2019';
  if (headers.includes('商品标题') || headers.includes('是否主动赔付')) return 'newest';
  return 'later';
}
