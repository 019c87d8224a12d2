// Output columns of `compensate` (SPEC "compensate": voucher row, order row, at-risk row).
import type { Column } from '../io/columns.js';
import { BASE_ZH, KIND_ZH, PAYER_ZH, RECORDED_ZH, RISK_ZH, SHIP_SOURCE_ZH, STATE_ZH } from './codes.js';

export const VOUCHER_COLUMNS: Column[] = [
  { key: 'voucherKey', zh: '红包编号', en: 'voucherKey' },
  { key: 'buyer', zh: '买家', en: 'buyer', brief: true, whole: true },
  { key: 'rules', zh: '规则集', en: 'rules' },
  { key: 'windowStart', zh: '合并窗口开始', en: 'windowStart', type: 'time' },
  { key: 'orderIds', zh: '订单编号', en: 'orderIds', type: 'list', brief: true },
  { key: 'lateOrders', zh: '延迟订单数', en: 'lateOrders', type: 'int' },
  { key: 'baseAmount', zh: '计算基数', en: 'baseAmount', type: 'money' },
  { key: 'computedAmount', zh: '计算金额', en: 'computedAmount', type: 'money' },
  { key: 'amount', zh: '赔付金额', en: 'amount', type: 'money', brief: true },
  { key: 'capped', zh: '已封顶', en: 'capped', type: 'bool' },
  { key: 'kinds', zh: '类型', en: 'kinds', type: 'list', labels: KIND_ZH },
  // Never cut in the table: "provisi…" beside a toIssue amount read like money to pay now.
  { key: 'state', zh: '状态', en: 'state', brief: true, whole: true, labels: STATE_ZH },
  // At 80 columns the voucher table is 2 columns too wide with this header whole (it showed
  // 最长延迟(小…, maxHours…): the terminal then says it as --by order does.
  { key: 'maxHoursLate', zh: '最长延迟(小时)', en: 'maxHoursLate', type: 'hours', round: 'up', brief: true, short: { zh: '延迟(小时)', en: 'hoursLate' } },
  { key: 'platformPaid', zh: '平台已赔付', en: 'platformPaid', type: 'money' },
  { key: 'difference', zh: '差额', en: 'difference', type: 'money' },
  // In the table only when filled (--record): an empty column took the room the state needs.
  { key: 'recorded', zh: '记录', en: 'recorded', brief: 'filled', labels: RECORDED_ZH },
  { key: 'base', zh: '基数口径', en: 'base', labels: BASE_ZH },
  { key: 'risk', zh: '扣分风险', en: 'risk', labels: RISK_ZH },
  // Not in the terminal's short view: for a provisional, held, conflict or amount_changed voucher it is
  // money owed so far, not to issue now (issueNow below is what to issue; --wide shows both).
  { key: 'toIssue', zh: '待发放', en: 'toIssue', type: 'money' },
  { key: 'payer', zh: '赔付方式', en: 'payer', labels: PAYER_ZH },
  // Last, so that the columns before it stay where they were: the shop whose cap the voucher counts
  // toward (店铺Id, else 店铺名称; docs/rules.md §1.3a); empty when the export names none.
  // In the terminal table only when the run holds two shops or more: a buyer's voucher in each shop
  // showed as two rows of the same buyer, with nothing saying which shop issues which.
  { key: 'shop', zh: '店铺', en: 'shop', brief: 'varied', whole: true },
  // After shop, so that every earlier column keeps its place: what the summary counts toward its
  // total to issue ("N vouchers totalling X to issue"; promises: their own total). toIssue of a
  // provisional, held, conflict or amount_changed voucher owes money not to issue yet: 0.00 here, so
  // a spreadsheet summing this column gets the summary's total, not that plus money to issue later.
  // In the terminal's short view in toIssue's place: what to issue now, summing to the summary's total.
  { key: 'issueNow', zh: '现在发放', en: 'issueNow', type: 'money', brief: true },
];

export const ORDER_ROW_COLUMNS: Column[] = [
  { key: 'orderId', zh: '订单编号', en: 'orderId', type: 'id', brief: true },
  { key: 'lineId', zh: '子订单编号', en: 'lineId', type: 'id', brief: 'filled' },
  { key: 'buyer', zh: '买家', en: 'buyer', brief: true, whole: true },
  { key: 'paidAt', zh: '付款时间', en: 'paidAt', type: 'time' },
  { key: 'deadline', zh: '发货截止', en: 'deadline', type: 'time', brief: true },
  { key: 'shippedAt', zh: '发货时间', en: 'shippedAt', type: 'time', brief: true },
  { key: 'shipSource', zh: '发货时间来源', en: 'shipSource', labels: SHIP_SOURCE_ZH },
  { key: 'hoursLate', zh: '延迟(小时)', en: 'hoursLate', type: 'hours', round: 'up', brief: true },
  { key: 'kind', zh: '类型', en: 'kind', brief: true, labels: KIND_ZH },
  { key: 'base', zh: '计算基数', en: 'base', type: 'money' },
  // The tier's rate (0.05) of the rule set: a figure of storeops' own, bare for a spreadsheet; in
  // xlsx a number (General, 0.05), as 甄检's 佣金率 is: it was a text cell "0.05" (Excel's green
  // "number stored as text" corner, left-aligned, left out of a sum or product), desk53. csv and JSON
  // unchanged (the text "0.05"; JSON keeps the string it was).
  { key: 'rate', zh: '比例', en: 'rate', type: 'number', own: true },
  { key: 'raw', zh: '按比例', en: 'raw', type: 'money' },
  { key: 'afterMinimum', zh: '保底后', en: 'afterMinimum', type: 'money', brief: true },
  { key: 'voucherKey', zh: '红包编号', en: 'voucherKey' },
  { key: 'rules', zh: '规则集', en: 'rules' },
  { key: 'baseRule', zh: '基数口径', en: 'baseRule', labels: BASE_ZH },
  { key: 'shop', zh: '店铺', en: 'shop', brief: 'varied', whole: true },
  // The voucher's issueNow shared over its orders in the order listed (rows.ts orderRows): the rows
  // sum to the summary's total to issue, as the voucher rows' issueNow does.
  { key: 'issueNow', zh: '现在发放', en: 'issueNow', type: 'money', brief: true },
];

export const AT_RISK_COLUMNS: Column[] = [
  { key: 'orderId', zh: '订单编号', en: 'orderId', type: 'id', brief: true },
  { key: 'buyer', zh: '买家', en: 'buyer', brief: true, whole: true },
  { key: 'paidAt', zh: '付款时间', en: 'paidAt', type: 'time' },
  { key: 'deadline', zh: '发货截止', en: 'deadline', type: 'time', brief: true },
  { key: 'hoursLeft', zh: '剩余(小时)', en: 'hoursLeft', type: 'hours', round: 'down', brief: true },
  { key: 'risk', zh: '风险', en: 'risk', brief: true, labels: RISK_ZH },
  { key: 'title', zh: '宝贝标题', en: 'title', brief: true },
  { key: 'base', zh: '计算基数', en: 'base', type: 'money' },
  { key: 'costIfLate', zh: '延迟将赔', en: 'costIfLate', type: 'money', brief: true },
  { key: 'rules', zh: '规则集', en: 'rules' },
  { key: 'payer', zh: '赔付方式', en: 'payer', labels: PAYER_ZH },
];
