// What the fixtures must read as, written out by hand from the ORDERS table in
// scripts/gen-examples.mjs (the hand-designed truth) and docs/formats.md: ids unwrapped from ="…",
// Beijing wall-clock times as ISO 8601 with +08:00, money with two places, phones without ',
// tracking numbers without No:, receivers/phones/addresses masked (SPEC --show-pii).
import path from 'node:path';
import { type CliResult, ROOT, runCli } from '../helpers.js';
import { order, taobaoCsv, write } from './build.js';

/** Every run fixes "now" so the future-time check never depends on the day the tests run. */
export const AS_OF = '2026-11-25 12:00:00';

export type Json = Record<string, unknown>;

export function cli(args: string[], opts: { tz?: string; input?: Buffer } = {}): CliResult {
  return runCli(args.includes('--as-of') ? args : [...args, '--as-of', AS_OF], opts);
}

export function json(r: CliResult): Json[] {
  if (r.stdout.trim() === '') throw new Error(`no stdout; exit ${r.code}; stderr: ${r.stderr}`);
  return JSON.parse(r.stdout) as Json[];
}

export const rel = (...p: string[]) => path.join(...p);
export const abs = (...p: string[]) => path.join(ROOT, ...p);

/** One 订单报表 row per order, fields as the 71-column layout gives them. */
export interface Expected {
  orderId: string;
  buyer: string;
  status: string;
  statusRaw: string;
  createdAt: string;
  paidAt: string | null;
  shippedAt: string | null;
  confirmedAt: string | null;
  goodsAmount: string;
  postage: string;
  paidAmount: string;
  refundAmount: string;
  quantity: number;
  title: string;
  carrier: string;
  trackingNo: string;
  platformCompensation: string | null;
  sellerNote: string;
  closeReason: string;
  receiver: string; // masked
  phone: string; // masked
  address: string; // masked
  receiverRaw: string;
  phoneRaw: string;
  addressRaw: string;
}

const SZ = '广东省 深圳市 南山区 科技园南路88号(518057)';
const HZ = '浙江省 杭州市 西湖区 文三路100号(310012)';
const BJ = '北京 北京市 朝阳区 建国路1号(100022)';
const SH = '上海 上海市 浦东新区 世纪大道200号(200120)';
const CD = '四川省 成都市 武侯区 天府大道300号(610041)';
// Completed orders were confirmed 2026-11-19 20:00 (gen-examples: 确认收货时间 of 交易成功).
const CONF = '2026-11-19T20:00:00+08:00';

// Masks: name → first character + one * per remaining character; phone → 3 + **** + last 4;
// address → province and city, then ****.
export const TAOBAO_ORDERS: Expected[] = [
  { orderId: '3515313147329357901', buyer: '小明爱购物', status: 'completed', statusRaw: '交易成功', createdAt: '2026-11-10T08:58:12+08:00', paidAt: '2026-11-10T09:00:00+08:00', shippedAt: '2026-11-13T10:00:00+08:00', confirmedAt: CONF, goodsAmount: '190.00', postage: '10.00', paidAmount: '200.00', refundAmount: '0.00', quantity: 1, title: '加厚羊毛围巾 灰色', carrier: '申通快递', trackingNo: '773012345678901', platformCompensation: '57.00', sellerNote: '', closeReason: '订单未关闭', receiver: '王**', phone: '139****0165', address: '广东省 深圳市 ****', receiverRaw: '王小明', phoneRaw: '13925130165', addressRaw: SZ },
  { orderId: '3515313147329357902', buyer: '小明爱购物', status: 'completed', statusRaw: '交易成功', createdAt: '2026-11-10T19:59:00+08:00', paidAt: '2026-11-10T20:00:00+08:00', shippedAt: '2026-11-12T21:00:00+08:00', confirmedAt: CONF, goodsAmount: '12.00', postage: '0.00', paidAmount: '12.00', refundAmount: '0.00', quantity: 1, title: '毛线球清理器', carrier: '申通快递', trackingNo: '773012345678902', platformCompensation: '5.00', sellerNote: '', closeReason: '订单未关闭', receiver: '王**', phone: '139****0165', address: '广东省 深圳市 ****', receiverRaw: '王小明', phoneRaw: '13925130165', addressRaw: SZ },
  { orderId: '3515313147329357903', buyer: '小明爱购物', status: 'shipped', statusRaw: '卖家已发货，等待买家确认', createdAt: '2026-11-11T09:59:00+08:00', paidAt: '2026-11-11T10:00:00+08:00', shippedAt: '2026-11-14T09:00:00+08:00', confirmedAt: null, goodsAmount: '2000.00', postage: '0.00', paidAmount: '2000.00', refundAmount: '0.00', quantity: 1, title: '羊绒大衣 驼色 L', carrier: '申通快递', trackingNo: '773012345678903', platformCompensation: null, sellerNote: '', closeReason: '订单未关闭', receiver: '王**', phone: '139****0165', address: '广东省 深圳市 ****', receiverRaw: '王小明', phoneRaw: '13925130165', addressRaw: SZ },
  { orderId: '2987650012233445501', buyer: '阿花tb', status: 'completed', statusRaw: '交易成功', createdAt: '2026-11-15T09:58:00+08:00', paidAt: '2026-11-15T10:00:00+08:00', shippedAt: '2026-11-17T10:00:00+08:00', confirmedAt: CONF, goodsAmount: '88.00', postage: '0.00', paidAmount: '88.00', refundAmount: '0.00', quantity: 2, title: '针织手套', carrier: '圆通速递', trackingNo: 'YT8800001', platformCompensation: null, sellerNote: '', closeReason: '订单未关闭', receiver: '李*', phone: '186****5678', address: '浙江省 杭州市 ****', receiverRaw: '李花', phoneRaw: '18612345678', addressRaw: HZ },
  { orderId: '2987650012233445502', buyer: '阿花tb', status: 'completed', statusRaw: '交易成功', createdAt: '2026-11-15T10:59:00+08:00', paidAt: '2026-11-15T11:00:00+08:00', shippedAt: '2026-11-17T11:00:01+08:00', confirmedAt: CONF, goodsAmount: '99.90', postage: '0.00', paidAmount: '99.90', refundAmount: '0.00', quantity: 1, title: '羊毛袜 三双装', carrier: '圆通速递', trackingNo: 'YT8800002', platformCompensation: '30.00', sellerNote: '', closeReason: '订单未关闭', receiver: '李*', phone: '186****5678', address: '浙江省 杭州市 ****', receiverRaw: '李花', phoneRaw: '18612345678', addressRaw: HZ },
  { orderId: '4100000000000000701', buyer: '老王的店铺', status: 'awaiting_shipment', statusRaw: '买家已付款，等待卖家发货', createdAt: '2026-11-17T07:59:00+08:00', paidAt: '2026-11-17T08:00:00+08:00', shippedAt: null, confirmedAt: null, goodsAmount: '50.00', postage: '8.00', paidAmount: '58.00', refundAmount: '0.00', quantity: 1, title: '围巾礼盒', carrier: '', trackingNo: '', platformCompensation: null, sellerNote: '', closeReason: '订单未关闭', receiver: '王**', phone: '137****1111', address: '北京 北京市 ****', receiverRaw: '王建国', phoneRaw: '13700001111', addressRaw: BJ },
  { orderId: '4100000000000000702', buyer: '老王的店铺', status: 'closed', statusRaw: '交易关闭', createdAt: '2026-11-16T12:00:00+08:00', paidAt: '2026-11-16T12:01:00+08:00', shippedAt: null, confirmedAt: null, goodsAmount: '30.00', postage: '0.00', paidAmount: '30.00', refundAmount: '30.00', quantity: 1, title: '手套', carrier: '', trackingNo: '', platformCompensation: null, sellerNote: '', closeReason: '退款', receiver: '王**', phone: '137****1111', address: '北京 北京市 ****', receiverRaw: '王建国', phoneRaw: '13700001111', addressRaw: BJ },
  { orderId: '5200000000000000801', buyer: '小红书迷', status: 'shipped', statusRaw: '卖家已发货，等待买家确认', createdAt: '2026-11-18T14:58:00+08:00', paidAt: '2026-11-18T15:00:00+08:00', shippedAt: '2026-11-19T10:00:00+08:00', confirmedAt: null, goodsAmount: '236.00', postage: '0.00', paidAmount: '236.00', refundAmount: '0.00', quantity: 4, title: '羊毛围巾 红色，针织手套，羊毛袜 三双装', carrier: '顺丰速运', trackingNo: 'SF1400000008', platformCompensation: null, sellerNote: '=HYPERLINK("http://x.example","点我")', closeReason: '订单未关闭', receiver: '赵*', phone: '150****2222', address: '上海 上海市 ****', receiverRaw: '赵红', phoneRaw: '15000002222', addressRaw: SH },
  { orderId: '5200000000000000802', buyer: '新客0001', status: 'unpaid', statusRaw: '等待买家付款', createdAt: '2026-11-20T09:00:00+08:00', paidAt: null, shippedAt: null, confirmedAt: null, goodsAmount: '66.00', postage: '6.00', paidAmount: '0.00', refundAmount: '0.00', quantity: 1, title: '毛线帽', carrier: '', trackingNo: '', platformCompensation: null, sellerNote: '', closeReason: '订单未关闭', receiver: '钱**', phone: '133****3333', address: '四川省 成都市 ****', receiverRaw: '钱多多', phoneRaw: '13300003333', addressRaw: CD },
];

/** Order lines of the 宝贝报表 (gen-examples itemLines): 801 has three, every other order one. */
export const ITEM_LINES = [
  { lineId: '3515313147329357901', orderId: '3515313147329357901', title: '加厚羊毛围巾 灰色', paid: '200.00', qty: 1 },
  { lineId: '3515313147329357902', orderId: '3515313147329357902', title: '毛线球清理器', paid: '12.00', qty: 1 },
  { lineId: '3515313147329357903', orderId: '3515313147329357903', title: '羊绒大衣 驼色 L', paid: '2000.00', qty: 1 },
  { lineId: '2987650012233445504', orderId: '2987650012233445501', title: '针织手套', paid: '88.00', qty: 2 },
  { lineId: '2987650012233445505', orderId: '2987650012233445502', title: '羊毛袜 三双装', paid: '99.90', qty: 1 },
  { lineId: '4100000000000000706', orderId: '4100000000000000701', title: '围巾礼盒', paid: '58.00', qty: 1 },
  { lineId: '4100000000000000707', orderId: '4100000000000000702', title: '手套', paid: '30.00', qty: 1 },
  { lineId: '5200000000000000808', orderId: '5200000000000000801', title: '羊毛围巾 红色', paid: '128.00', qty: 1 },
  { lineId: '5200000000000000809', orderId: '5200000000000000801', title: '针织手套', paid: '48.00', qty: 2 },
  { lineId: '5200000000000000810', orderId: '5200000000000000801', title: '羊毛袜 三双装', paid: '60.00', qty: 1 },
  { lineId: '5200000000000000811', orderId: '5200000000000000802', title: '毛线帽', paid: '0.00', qty: 1 },
];

/**
 * Free-text cases [as written, as shown] put in both 买家留言 and 订单备注 of one export each, through
 * `orders normalize -f json -q` under TZ: what each column shows (building-address, buyer-message-receiver-change).
 */
export function normalizedFreeText(dir: string, texts: readonly string[], tz: string): { code: number | null; message: string[]; note: string[] } {
  const f = write(dir, 'b.csv', taobaoCsv(texts.map((t, i) => order(`35153131473293579${String(i + 10)}`, { 买家留言: t, 订单备注: t }))));
  const r = cli(['orders', 'normalize', f, '-f', 'json', '-q'], { tz });
  const rows = r.code === 0 ? json(r) : [];
  return { code: r.code, message: rows.map((o) => (o.extra as Record<string, string>)['买家留言']!), note: rows.map((o) => o.sellerNote as string) };
}
