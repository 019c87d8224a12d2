// `storeops rules list | show <id>`: the built-in rule sets, their source, dates and rates.
import type { Ctx } from '../cli/context.js';
import { UsageError, msg } from '../cli/errors.js';
import type { Column, Row } from '../io/columns.js';
import { writeRows } from '../io/output.js';
import { type Money, fmtMoney } from '../money.js';
import { type RuleSet, builtinIds, loadRuleSet } from './ruleset.js';

// Decimal arithmetic, so a rate like 0.145 reads 14.5%, not a rounded float.
const pct = (r: Money) => `${r.times(100).toString()}%`;

function summary(r: RuleSet, lang: 'zh' | 'en'): Row {
  const late = `${pct(r.late.rate)}${r.late.presaleRate.eq(r.late.rate) ? '' : ` (presale ${pct(r.late.presaleRate)})`}, min ${fmtMoney(r.late.min)}${r.late.max ? `, max ${fmtMoney(r.late.max)}` : ''}`;
  const oos = r.outOfStock
    ? `> ${r.outOfStock.afterLateHours} h late: ${pct(r.outOfStock.rate)} (window > 48 h: ${pct(r.outOfStock.longWindowRate)}), ${fmtMoney(r.outOfStock.min)}–${r.outOfStock.max ? fmtMoney(r.outOfStock.max) : '∞'}`
    : '';
  return {
    id: r.id,
    title: lang === 'zh' ? r.title.zh : r.title.en,
    validFrom: r.validFrom,
    validTo: r.validTo,
    shipWindowHours: r.shipWindowHours,
    late,
    outOfStock: oos,
    combine: `${r.combine.by}${r.combine.cap ? `, cap ${fmtMoney(r.combine.cap)}` : ''}`,
    deliveryPromise: r.deliveryPromise ? fmtMoney(r.deliveryPromise.amount) : '',
    source: r.source,
  };
}

const COLUMNS: Column[] = [
  { key: 'id', zh: '规则集', en: 'id', brief: true },
  { key: 'title', zh: '名称', en: 'title', brief: true },
  { key: 'validFrom', zh: '生效', en: 'validFrom', brief: true },
  { key: 'validTo', zh: '失效', en: 'validTo', brief: true },
  { key: 'shipWindowHours', zh: '默认发货时限(小时)', en: 'shipWindowHours', type: 'int' },
  { key: 'late', zh: '延迟赔付', en: 'late', brief: true },
  { key: 'outOfStock', zh: '缺货赔付', en: 'outOfStock', brief: true },
  { key: 'combine', zh: '合并与封顶', en: 'combine', brief: true },
  { key: 'deliveryPromise', zh: '未履约承诺(每单)', en: 'deliveryPromise' },
  { key: 'source', zh: '来源', en: 'source' },
];

export async function runRulesList(ctx: Ctx): Promise<void> {
  await writeRows(ctx, COLUMNS, builtinIds().map((id) => summary(loadRuleSet(id, ctx.io.cwd), ctx.lang)));
}

export async function runRulesShow(ctx: Ctx, args: string[]): Promise<void> {
  const id = args[0];
  if (!id) throw new UsageError(msg('缺少规则集 id', 'no rule set id given'), msg(`可用: ${builtinIds().join(', ')}`, `one of: ${builtinIds().join(', ')}`));
  const r = summary(loadRuleSet(id, ctx.io.cwd), ctx.lang);
  await writeRows(ctx, [{ key: 'field', zh: '项目', en: 'field' }, { key: 'value', zh: '值', en: 'value' }], COLUMNS.map((c) => ({ field: ctx.t({ zh: c.zh, en: c.en }), value: r[c.key] === null || r[c.key] === undefined ? '' : String(r[c.key]) })));
}
