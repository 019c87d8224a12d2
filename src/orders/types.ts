// The canonical order record (SPEC "orders"): what every platform's export is read into.
import type { Money } from '../money.js';

export type Platform = 'taobao' | 'douyin' | 'pdd';

/**
 * `unknown`: the file has no status column (a reduced export, or storeops' own output of one).
 * orders inspect/normalize read such files; commands that judge orders refuse them (see read.ts `needs`).
 */
export type OrderStatus = 'unpaid' | 'awaiting_shipment' | 'shipped' | 'completed' | 'closed' | 'partially_shipped' | 'unknown';

export type TimeField = 'createdAt' | 'paidAt' | 'shippedAt' | 'confirmedAt' | 'promisedShipAt';

export interface Order {
  platform: Platform;
  /** Layout id, e.g. `taobao-orders-71` (see orders inspect). */
  layout: string;
  sourceFile: string;
  sourceLine: number;
  orderId: string;
  parentOrderId: string | null;
  /** Sub-order id, with `--lines` (one row per order line). */
  lineId: string | null;
  buyer: string;
  /**
   * The shop the order was placed in, when the export names it (Taobao/Tmall 店铺Id, else
   * 店铺名称); absent otherwise. `orders normalize` writes it back as the export had it: 店铺Id
   * (`shopId`) and 店铺名称 (`shopName`), see shopCells in run.ts.
   */
  shop?: string;
  /**
   * How the export named the shop: `shopName` is its 店铺名称 when `shop` is its 店铺Id and the row
   * has both (the pair lets a ledger link the two names, docs/rules.md §1.3a); `shopByName` is set
   * when `shop` is the 店铺名称 (the 店铺Id cell empty or no such column).
   */
  shopName?: string;
  shopByName?: true;
  status: OrderStatus;
  statusRaw: string;
  /** Epoch ms; null = has not happened / not in the export. */
  createdAt: number | null;
  paidAt: number | null;
  shippedAt: number | null;
  confirmedAt: number | null;
  promisedShipAt: number | null;
  goodsAmount: Money | null;
  postage: Money | null;
  paidAmount: Money | null;
  refundAmount: Money | null;
  quantity: number | null;
  title: string;
  /** The seller's article number (抖店 货号); several lines' distinct ones joined with `;`. */
  articleNo: string;
  carrier: string;
  trackingNo: string;
  presale: boolean | null;
  /** The platform's own delayed-shipment payout when the export has it (RULES 1.4). */
  platformCompensation: Money | null;
  /**
   * The item report says the platform paid (是否赔付 = 是) but gives no amount: compensate must not
   * ask the shop to pay it again, nor compute as if it knew what was paid.
   */
  platformPaidUnknown?: boolean;
  /**
   * Read from an item report (宝贝报表) given with an order report of its platform that has no row
   * for this order: its buyer and shop are unknown (compensate: not_judged `no_order_row` when late).
   */
  noOrderRow?: boolean;
  /** Folded from lines: the line (of sourceFile) whose empty paid amount made paidAmount unknown. */
  paidMissingLine?: number;
  sellerFlag: string;
  sellerNote: string;
  closeReason: string;
  receiver: string;
  phone: string;
  address: string;
  /**
   * Times read with less than whole-second precision (an Excel re-save writes `2026/11/10 9:00`):
   * how much later (ms) the real time may be than the one shown. Absent when every time is exact.
   */
  timeSlack?: Partial<Record<TimeField, number>>;
  /** Columns no field claimed, by header name (kept only when asked for). */
  extra?: Record<string, string>;
  /**
   * The lines an order was folded from (an item report, two lines or more): a rule set that pays
   * per sub-order prices each (RULES 1.3, compensation/assess.ts). Not enumerable: never written out.
   */
  subOrders?: readonly Order[];
  /**
   * Sub-orders promised at different times (抖店): the deadline and ship time compensate judges the
   * order by, each line against its own promise (merge.ts ownPromises, docs/rules.md §1.1). The order's
   * own promisedShipAt (its live lines' earliest) and shippedAt (its last line's) stay as shown.
   * `lines`: each line that shipped (a closed one shipped then refunded too) with its own promise and
   * ship time: judge() measures each against its own and takes the dearest payout (money52).
   */
  ownPromise?: { promisedShipAt: number; shippedAt: number | null; lines?: ReadonlyArray<{ promisedShipAt: number; shippedAt: number }> };
}

/** Keeps an order's lines on it without making them one of its written fields. */
export function attachSubOrders(o: Order, lines: readonly Order[]): void {
  Object.defineProperty(o, 'subOrders', { value: lines, enumerable: false, writable: true, configurable: true });
}
