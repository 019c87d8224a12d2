// zh labels of the canonical order codes (types.ts Platform, OrderStatus) for zh output.
import type { Labels } from '../io/columns.js';
import type { Platform } from './types.js';

export const PLATFORM_ZH: Labels = { taobao: '淘宝/天猫', douyin: '抖店', pdd: '拼多多' };

export const ORDER_STATUS_ZH: Labels = {
  unpaid: '待付款',
  awaiting_shipment: '待发货',
  shipped: '已发货',
  completed: '交易成功',
  closed: '交易关闭',
  partially_shipped: '部分发货',
  unknown: '未知',
};

/**
 * The status words of each platform's own seller centre and export (docs/formats.md, FORMATS.md), for
 * zh output that speaks of one platform's orders (`orders inspect`'s 各状态数量): a 抖店 operator reads
 * 已完成 / 已关闭 / 待支付, a 拼多多 one 已收货 / 已发货，待收货 / 已取消, not Tmall's 交易成功 / 交易关闭
 * (shown for every platform until text43). Taobao/Tmall keep ORDER_STATUS_ZH. 拼多多 has several words
 * for a closed order (已取消, 未发货，退款成功 …): 已取消 names them all.
 */
export const ORDER_STATUS_ZH_BY_PLATFORM: Readonly<Record<Platform, Labels>> = {
  taobao: ORDER_STATUS_ZH,
  douyin: { ...ORDER_STATUS_ZH, unpaid: '待支付', awaiting_shipment: '待发货', shipped: '已发货', completed: '已完成', closed: '已关闭', partially_shipped: '部分发货' },
  pdd: { ...ORDER_STATUS_ZH, unpaid: '待支付', awaiting_shipment: '待发货', shipped: '已发货，待收货', completed: '已收货', closed: '已取消', partially_shipped: '部分发货' },
};
