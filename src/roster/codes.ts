// zh labels of the rule ids `roster check` writes (check.ts RuleId) for zh output.
import type { Labels } from '../io/columns.js';

export const RULE_ZH: Labels = {
  'unknown-shift': '无法识别的班次',
  'one-shift': '一天多个班次',
  'missing-day': '缺少某天',
  'days-off': '休息天数不符',
  'night-then-day': '晚班后接白班',
  'whole-day-off': '没有整天休息',
  coverage: '人手不足',
  request: '休息申请未批',
  leave: '请假当天排班',
  'shift-times': '班次时间不符',
  'duplicate-agent': '客服重复列出',
  'hours-spread': '工时相差过大',
  'shift-not-allowed': '排了不可上的班次',
  'max-shifts': '超过每月最多班次',
  'max-hours': '超过每月最多工时',
  'days-off-column': '休息天数列与表格不符',
  'leave-days-column': '请假天数列与表格不符',
};
