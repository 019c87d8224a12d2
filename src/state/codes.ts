// zh labels of the codes the ledger holds (schema.ts VOUCHER_KINDS, REVIEW_STATUSES) for zh output.
import type { Labels } from '../io/columns.js';

export const VOUCHER_KIND_ZH: Labels = { voucher: '延迟发货红包', delivery_promise: '时效承诺赔付' };

export const REVIEW_STATUS_ZH: Labels = {
  new: '待处理',
  contacted: '已联系',
  awaiting_reply: '等待回复',
  resolved: '已解决',
  complaint_filed: '已投诉',
  do_not_contact: '勿再联系',
};

/**
 * How a buyer was contacted. Each platform's own chat has its own code: 旺旺 (wangwang) is Taobao/Tmall's,
 * 飞鸽 (feige) 抖店's, 拼多多's 商家客服 chat (pdd_chat); until text44 wangwang was the only chat, and a 抖店
 * shop's contacts were recorded and shown as 旺旺.
 */
export const CHANNEL_ZH: Labels = { wangwang: '旺旺', feige: '飞鸽', pdd_chat: '拼多多客服聊天', phone: '电话', sms: '短信' };
