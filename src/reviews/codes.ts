// zh labels of the codes reviews writes (JSON and en output keep the codes; src/io shows the
// labels in zh output).
import type { Labels } from '../io/columns.js';
import { REVIEW_STATUS_ZH } from '../state/codes.js';

export const RATING_ZH: Labels = { good: '好评', neutral: '中评', bad: '差评' };

/** keywords.ts CATEGORIES. */
export const CATEGORY_ZH: Labels = { logistics: '物流', quality: '质量', not_as_described: '描述不符', service: '服务', price: '价格', other: '其他' };

/** classify.ts reasons; `low_dsr_<dimension>=<score>` shows as 店铺评分低(…)=score. */
export const REASON_ZH: Labels = {
  negative_rating: '差评',
  neutral_rating: '中评',
  negative_text: '负面内容',
  negative_follow_up: '负面追评',
  safety: '安全问题',
  low_dsr_description: '描述相符评分低',
  low_dsr_service: '服务态度评分低',
  low_dsr_logistics: '物流服务评分低',
};

/** queue.ts overdue: which deadline has passed. */
export const DEADLINE_ZH: Labels = { contactBy: '联系期限', explainBy: '解释期限', complaintBy: '投诉期限', reviewExplainBy: '初评解释期限', reviewComplaintBy: '初评投诉期限' };

/** The ledger's review statuses and contact channels: one table, in src/state/codes.ts. */
export { CHANNEL_ZH, REVIEW_STATUS_ZH as STATUS_ZH } from '../state/codes.js';

/** Why no further contact is planned (policy.ts ContactState.blocked): a ledger status, or the attempts used up. */
export const BLOCKED_ZH: Labels = { ...REVIEW_STATUS_ZH, max_attempts: '联系次数已用完' };

/** The queue's status: the ledger's, or `reopened` (a 追评 newer than the resolution, RULES 2.3). */
export const QUEUE_STATUS_ZH: Labels = { ...REVIEW_STATUS_ZH, reopened: '追评后重新打开' };

/** types.ts Action: what to do next. */
export const ACTION_ZH: Labels = {
  contact_now: '立即联系',
  follow_up: '再次跟进',
  contact_later: '稍后联系',
  await_reply: '等待回复',
  post_explanation: '发布解释',
  file_complaint: '提交投诉',
  await_complaint: '等待投诉结果',
  none: '无需处理',
};

/** queue.ts escalate: why the item goes up the line now. */
export const ESCALATE_ZH: Labels = { safety: '健康/安全', extortion: '敲诈' };

/** queue.ts malicious hints: `extortion:<phrase>`, `serial_negative:<count>`. */
export const MALICIOUS_ZH: Labels = { extortion: '索要好处', serial_negative: '连续差评' };


/** The shipped message templates (templates/reviews/messages.json ids); a shop's own ids stay as written. */
export const TEMPLATE_ZH: Labels = {
  'contact-safety': '联系: 健康/安全',
  'complaint-extortion': '投诉: 要挟评价 (不发给买家)',
  'contact-quality': '联系: 质量',
  'contact-not_as_described': '联系: 描述不符',
  'contact-counterfeit': '联系: 怀疑非正品',
  'contact-logistics': '联系: 物流',
  'contact-service': '联系: 服务',
  'contact-price': '联系: 价格',
  'contact-other': '联系: 其他',
  explain: '公开解释',
};
