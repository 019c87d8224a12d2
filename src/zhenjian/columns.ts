// Output rows of `zhenjian estimate` (SPEC "zhenjian estimate"): one per product, then a total.
import { ROW_KIND_ZH, WARNING_ZH } from './codes.js';
import { type Lang, msg, plural, say } from '../errors.js';
import type { Column, Row } from '../io/columns.js';
import { HOUR_MS, type TimeZone } from '../time.js';
import type { Estimate, Total } from './model.js';

export const ESTIMATE_COLUMNS: Column[] = [
  { key: 'kind', zh: '行类型', en: 'kind', labels: ROW_KIND_ZH },
  { key: 'itemId', zh: '商品ID', en: 'itemId', type: 'id', brief: true },
  { key: 'title', zh: '商品标题', en: 'title', brief: true },
  { key: 'category', zh: '类目', en: 'category', brief: true },
  { key: 'industry', zh: '行业', en: 'industry' },
  { key: 'eligible', zh: '行业适用', en: 'eligible', type: 'bool' },
  { key: 'samplesMin', zh: '样品数下限', en: 'samplesMin', type: 'int', brief: true },
  { key: 'samplesMax', zh: '样品数上限', en: 'samplesMax', type: 'int', brief: true },
  { key: 'listPrice', zh: '一口价', en: 'listPrice', type: 'money' },
  { key: 'dealPrice', zh: '到手价', en: 'dealPrice', type: 'money' },
  { key: 'commissionRate', zh: '佣金率', en: 'commissionRate', type: 'number' },
  { key: 'registrationEstimate', zh: '报名页预估', en: 'registrationEstimate', type: 'money', brief: true },
  { key: 'chargedMin', zh: '实际扣款下限', en: 'chargedMin', type: 'money' },
  { key: 'chargedMax', zh: '实际扣款上限', en: 'chargedMax', type: 'money', brief: true },
  { key: 'realCostMin', zh: '真实成本下限', en: 'realCostMin', type: 'money' },
  { key: 'realCostMax', zh: '真实成本上限', en: 'realCostMax', type: 'money', brief: true },
  { key: 'balanceNeeded', zh: '所需余额', en: 'balanceNeeded', type: 'money', brief: true },
  { key: 'periodDays', zh: '展示周期(天)', en: 'periodDays', type: 'int' },
  { key: 'autoRenew', zh: '自动续费', en: 'autoRenew', type: 'bool' },
  { key: 'testsPerYear', zh: '每年检测次数', en: 'testsPerYear', type: 'int', brief: true },
  { key: 'annualChargedMax', zh: '年扣款上限', en: 'annualChargedMax', type: 'money', brief: true },
  { key: 'annualRealCostMax', zh: '年真实成本上限', en: 'annualRealCostMax', type: 'money' },
  { key: 'signedAt', zh: '签约时间', en: 'signedAt', type: 'time' },
  { key: 'cancelBy', zh: '取消截止', en: 'cancelBy', type: 'time' },
  { key: 'cancellable', zh: '可取消', en: 'cancellable', type: 'bool' },
  { key: 'expiresAt', zh: '展示到期', en: 'expiresAt', type: 'time' },
  { key: 'renewFrom', zh: '可申请复检', en: 'renewFrom', type: 'time' },
  { key: 'reapplyFrom', zh: '可重新报名', en: 'reapplyFrom', type: 'time' },
  { key: 'labelsShown', zh: '展示标签', en: 'labelsShown', type: 'list' },
  { key: 'labelsTested', zh: '检测项目', en: 'labelsTested', type: 'list' },
  { key: 'rules', zh: '规则', en: 'rules' },
  // Shown only when some row has a code: for products without any warning (the interactive flow's one
  // product, most often) it took a block of its own at 80 columns, the item id over nothing (2026-12).
  { key: 'warningCodes', zh: '提醒代码', en: 'warningCodes', type: 'list', brief: 'filled', labels: WARNING_ZH },
  { key: 'warnings', zh: '提醒', en: 'warnings', type: 'list' },
];

/**
 * A signing time typed without seconds is shown as typed, never with guessed seconds: `2026-11-20
 * 10:00` (JSON `2026-11-20T10:00+08:00`, ISO 8601 to the minute); a date alone as the date.
 */
function shownSignedAt(e: Estimate, tz: TimeZone, json: boolean): number | string | null {
  const slack = e.signedAtSlack ?? 0;
  if (e.signedAt === null || slack === 0) return e.signedAt;
  if (slack >= HOUR_MS) return tz.date(e.signedAt);
  if (!json) return tz.format(e.signedAt).slice(0, 16);
  const iso = tz.iso(e.signedAt);
  return iso.slice(0, 16) + iso.slice(19);
}

export function estimateRow(e: Estimate, lang: Lang, tz?: TimeZone, json = false): Row {
  return {
    ...e,
    ...(tz ? { signedAt: shownSignedAt(e, tz, json) } : {}),
    // An expiry typed as a date (or from a display start typed as a date) is shown as the date.
    ...(e.expiresOn ? { expiresAt: e.expiresOn, renewFrom: e.renewOn ?? null } : {}),
    kind: 'product',
    // A rate as a plain decimal (0.05): exact, and the same in every format.
    commissionRate: e.commissionRate.toString(),
    warningCodes: e.warnings.map((w) => w.code),
    warnings: e.warnings.map((w) => say(w.text, lang)),
  };
}

export function totalRow(t: Total, lang: Lang): Row {
  return {
    ...t,
    kind: 'total',
    // Products of an industry 甄检 is not open to are not in the sums (model.ts total): the title
    // counts them apart, the row's warning names them.
    title: say(
      t.ineligible > 0
        ? msg(`合计 (${t.products + t.ineligible} 个商品中的 ${t.products} 个)`, `TOTAL (${t.products} of ${plural(t.products + t.ineligible, 'product')})`)
        : msg(`合计 (${t.products} 个商品)`, `TOTAL (${plural(t.products, 'product')})`),
      lang,
    ),
    warningCodes: t.warnings.map((w) => w.code),
    warnings: t.warnings.map((w) => say(w.text, lang)),
  };
}
