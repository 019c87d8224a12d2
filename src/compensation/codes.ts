// zh labels of the codes compensate writes (JSON and en output keep the codes; src/io shows the
// labels in zh output). One place: the columns and the zh summary both read them from here.
import type { Labels } from '../io/columns.js';

/** Kind of a payout (payout.ts Kind). */
export const KIND_ZH: Labels = { late: '延迟发货', out_of_stock: '缺货', delivery_promise: '时效承诺未履约' };

/** A voucher's state: final once every order in its window is settled (RULES 1.3). */
export const STATE_ZH: Labels = { final: '确定', provisional: '待定', paid_by_platform: '平台已赔付' };

/** Who pays (rule set `payer`, reconcile.ts). */
export const PAYER_ZH: Labels = { 'shop-issues': '商家发放', 'platform-deducts': '平台扣款代赔' };

/** Amount base (RULES 1.4, payout.ts BaseRule). */
export const BASE_ZH: Labels = { 'paid-minus-postage': '实付减邮费', paid: '实付金额', goods: '商品金额' };

/** Voucher risk (rule set seriousDelay) and at-risk rows. */
export const RISK_ZH: Labels = { serious_delay: '严重延迟', late: '已超时', at_risk: '即将超时' };

/** Where the ship time came from (assess.ts). */
export const SHIP_SOURCE_ZH: Labels = { pickup_scan: '揽收扫描', marked_shipped: '卖家点发货', unshipped: '未发货', seen_open: '已关闭未发货, 按账本所见', seen_unshipped: '发货晚于账本所见未发货之时' };

/** --record outcome (state/ledger.ts RecordStatus). */
export const RECORDED_ZH: Labels = { new: '新记录', already_recorded: '此前已记录', conflict: '冲突未记录', reissued: '补发已记录', amount_changed: '金额有变未记录', topped_up: '差额已补记', held: '窗口不明未记录' };

/** Why an order could not be judged (judge.ts). */
export const NOT_JUDGED_ZH: Labels = {
  closed_unshipped: '关闭未发货',
  no_paid_time: '无付款时间',
  no_ship_time: '无发货时间',
  time_precision: '时间精度不足',
  no_rule_set: '无适用规则集',
  no_paid_amount: '无实付金额',
  platform_paid_unknown: '平台已赔付但金额未知',
  no_order_row: '订单报表中没有该订单',
};

/**
 * The `notified` target of the sightings (docs/rules.md §1.1) of closed never-shipped orders whose
 * voucher a --record run found the shop owes nothing for (paid by the platform, or final with nothing
 * to issue): item `<platform>` U+0000 order id. Such an order is not named once no input holds it.
 */
export const SIGHTING_SETTLED_TARGET = 'sighting:settled';

/**
 * The `notified` target of the sighted orders, still open when last seen, of a platform whose every rule
 * set in the run has the platform deduct (douyin-2025), that a --record run named as in none of its
 * inputs (item `<platform>` U+0000 order id): named in full once, then counted (docs/rules.md §1.1). The
 * marker goes when a run reads the order again, so a second pruning names it again.
 */
export const SIGHTING_DEDUCTS_NAMED_TARGET = 'sighting:deducts_named';
