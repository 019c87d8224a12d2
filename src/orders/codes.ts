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

/**
 * The words of each platform's own export for the fields where they are not Tmall's (docs/formats.md,
 * FORMATS.md), for zh output about one platform's file (`orders inspect`'s 已识别列 and 缺少的字段): a
 * 抖店 or 拼多多 export calls the item 商品 (选购商品, 商品), never 宝贝; its note is the 商家备注, not the
 * 卖家备注; its waybill a 快递单号 of a 快递公司; 抖店's receiver a 收件人 and its postage 运费. Until
 * text44 every platform's file read 宝贝标题=选购商品. Taobao/Tmall keep the canonical words (columns.ts).
 */
export const ORDER_FIELD_ZH_BY_PLATFORM: Readonly<Record<Platform, Labels>> = {
  taobao: {},
  douyin: { title: '商品名称', sellerNote: '商家备注', receiver: '收件人', postage: '运费', carrier: '快递公司', trackingNo: '快递单号' },
  pdd: { title: '商品名称', sellerNote: '商家备注', carrier: '快递公司', trackingNo: '快递单号' },
};
