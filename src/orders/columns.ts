// Output columns of `orders normalize` (SPEC "orders": canonical order fields).
import { ORDER_STATUS_ZH, PLATFORM_ZH } from './codes.js';
import type { Column } from '../io/columns.js';

export const ORDER_COLUMNS: Column[] = [
  { key: 'platform', zh: '平台', en: 'platform', labels: PLATFORM_ZH },
  { key: 'layout', zh: '报表格式', en: 'layout' },
  { key: 'sourceFile', zh: '来源文件', en: 'sourceFile' },
  { key: 'sourceLine', zh: '行号', en: 'sourceLine', type: 'int' },
  { key: 'orderId', zh: '订单编号', en: 'orderId', type: 'id', brief: true },
  { key: 'parentOrderId', zh: '主订单编号', en: 'parentOrderId', type: 'id' },
  { key: 'lineId', zh: '子订单编号', en: 'lineId', type: 'id', brief: 'filled' },
  { key: 'buyer', zh: '买家', en: 'buyer', brief: true },
  // The shop as the export named it (店铺Id / 店铺名称): compensate's caps and the ledger go by shop,
  // so a normalized file fed back must name the same shop (docs/rules.md §1.3a).
  { key: 'shopId', zh: '店铺Id', en: 'shopId', type: 'id' },
  { key: 'shopName', zh: '店铺名称', en: 'shopName' },
  { key: 'status', zh: '状态', en: 'status', brief: true, labels: ORDER_STATUS_ZH },
  { key: 'statusRaw', zh: '原始状态', en: 'statusRaw' },
  { key: 'createdAt', zh: '创建时间', en: 'createdAt', type: 'time' },
  { key: 'paidAt', zh: '付款时间', en: 'paidAt', type: 'time', brief: true },
  { key: 'shippedAt', zh: '发货时间', en: 'shippedAt', type: 'time', brief: true },
  { key: 'confirmedAt', zh: '确认收货时间', en: 'confirmedAt', type: 'time' },
  { key: 'promisedShipAt', zh: '承诺发货时间', en: 'promisedShipAt', type: 'time' },
  { key: 'goodsAmount', zh: '货款', en: 'goodsAmount', type: 'money' },
  { key: 'postage', zh: '邮费', en: 'postage', type: 'money' },
  { key: 'paidAmount', zh: '实付金额', en: 'paidAmount', type: 'money', brief: true },
  { key: 'refundAmount', zh: '退款金额', en: 'refundAmount', type: 'money' },
  { key: 'quantity', zh: '数量', en: 'quantity', type: 'int' },
  // Per order line: written with --lines (an order of several lines has no one unit price).
  { key: 'price', zh: '单价', en: 'price', type: 'money' },
  { key: 'articleNo', zh: '货号', en: 'articleNo', type: 'id' },
  { key: 'title', zh: '宝贝标题', en: 'title', brief: true },
  { key: 'carrier', zh: '物流公司', en: 'carrier' },
  { key: 'trackingNo', zh: '物流单号', en: 'trackingNo', type: 'id' },
  { key: 'presale', zh: '预售', en: 'presale', type: 'bool' },
  { key: 'platformCompensation', zh: '平台赔付金额', en: 'platformCompensation', type: 'money' },
  { key: 'sellerFlag', zh: '旗帜', en: 'sellerFlag' },
  { key: 'sellerNote', zh: '卖家备注', en: 'sellerNote' },
  { key: 'closeReason', zh: '关闭原因', en: 'closeReason' },
  { key: 'receiver', zh: '收货人', en: 'receiver' },
  { key: 'phone', zh: '电话', en: 'phone' },
  { key: 'address', zh: '收货地址', en: 'address' },
];

export const EXTRA_COLUMN: Column = { key: 'extra', zh: '其他列', en: 'extra' };
