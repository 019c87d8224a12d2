// zh labels of the canonical order codes (types.ts Platform, OrderStatus) for zh output.
import type { Labels } from '../io/columns.js';

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
