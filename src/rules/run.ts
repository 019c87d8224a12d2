// `storeops rules list | show <id>`: the built-in rule sets (platform, validity, source) and one
// rule set's tiers as a table.
import { doc } from '../paths.js';
import type { Ctx } from '../context.js';
import { UsageError, msg, noteLine } from '../errors.js';
import type { Column, Row } from '../io/columns.js';
import { writeRows } from '../io/output.js';
import { type Money, fmtMoney } from '../money.js';
import { type RuleSet, builtinIds, loadRuleSet } from './ruleset.js';
import type { Range } from './types.js';
import { BASE_ZH, COMBINE_ZH, KIND_ZH, PAYER_ZH, ROUNDING_ZH, RULE_PLATFORM_ZH } from './codes.js';

// Decimal arithmetic, so a rate like 0.145 reads 14.5%, not a rounded float.
const pct = (r: Money) => `${r.times(100).toString()}%`;

/** "≤ 48 h", "> 48 h, ≤ 240 h", "> 240 h", "any" — the range as the rule text says it. */
export function rangeText(r: Range, lang: 'zh' | 'en'): string {
  const any = lang === 'zh' ? '不限' : 'any';
  const unit = lang === 'zh' ? ' 小时' : ' h';
  if (r.over === null && r.upTo === null) return any;
  if (r.over === null) return `≤ ${r.upTo}${unit}`;
  if (r.upTo === null) return `> ${r.over}${unit}`;
  return `> ${r.over}${unit}, ≤ ${r.upTo}${unit}`;
}

// The short terminal view: the id (what --rules takes, never cut), its dates (never cut), the
// title (cut to fit) and who pays. The platform is in the id and the title; combine is in
// rules show and --wide. At 80 columns the seven columns did not fit even with every text column
// cut to 8, and the ids were cut (tmall-20…).
const LIST_COLUMNS: Column[] = [
  { key: 'id', zh: '规则集', en: 'id', brief: true, whole: true },
  { key: 'platform', zh: '平台', en: 'platform', labels: RULE_PLATFORM_ZH },
  { key: 'validFrom', zh: '生效', en: 'validFrom', brief: true, whole: true },
  { key: 'validTo', zh: '失效(含当日)', en: 'validTo', brief: true, whole: true },
  { key: 'title', zh: '名称', en: 'title', brief: true },
  { key: 'payer', zh: '赔付方式', en: 'payer', labels: PAYER_ZH, brief: true, whole: true },
  { key: 'combine', zh: '合并与封顶', en: 'combine' },
  { key: 'rounding', zh: '取整', en: 'rounding', labels: ROUNDING_ZH },
  { key: 'tiers', zh: '档位数', en: 'tiers', type: 'int' },
  { key: 'source', zh: '来源', en: 'source' },
];

/** `calendar-day, cap 500.00` (en, and the code JSON keeps) or `同一自然日合并, 封顶 500.00` (zh). */
function combineText(r: RuleSet, lang: 'zh' | 'en'): string {
  const cap = r.combine.cap ? fmtMoney(r.combine.cap) : null;
  if (lang === 'zh') return `${COMBINE_ZH[r.combine.by] ?? r.combine.by}${cap ? `, 封顶 ${cap}` : ''}`;
  return `${r.combine.by}${cap ? `, cap ${cap}` : ''}`;
}

function listRow(r: RuleSet, lang: 'zh' | 'en'): Row {
  // combine keeps its code text (`calendar-day, cap 500.00`, what JSON shows); zh output shows the
  // label the list's columns give it (runRulesList).
  return {
    id: r.id,
    platform: r.platform,
    validFrom: r.validFrom ?? '',
    validTo: r.validTo ?? '',
    title: lang === 'zh' ? r.title.zh : r.title.en,
    payer: r.payer,
    combine: combineText(r, 'en'),
    rounding: r.rounding,
    tiers: r.tiers.length,
    source: lang === 'zh' ? r.source.zh : r.source.en,
  };
}

export async function runRulesList(ctx: Ctx): Promise<void> {
  const sets = builtinIds().map((id) => loadRuleSet(id, ctx.io.cwd));
  const combineZh: Record<string, string> = Object.fromEntries(sets.map((r) => [combineText(r, 'en'), combineText(r, 'zh')]));
  const columns = LIST_COLUMNS.map((c) => (c.key === 'combine' ? { ...c, labels: combineZh } : c));
  await writeRows(ctx, columns, sets.map((r) => listRow(r, ctx.lang)));
  ctx.info(noteLine(msg(`auto (默认): 每个订单按其平台在付款时生效的规则集判断; 详见 storeops rules show <id> 与 ${doc('docs/rules.md')}`, `auto (the default): each order is judged under its platform's rule set in force at its paid time; see storeops rules show <id> and ${doc('docs/rules.md')}`)));
}

const TIER_COLUMNS: Column[] = [
  { key: 'tier', zh: '档位', en: 'tier', type: 'int', brief: true },
  { key: 'kind', zh: '类型', en: 'kind', labels: KIND_ZH, brief: true },
  { key: 'window', zh: '承诺发货时限', en: 'window', brief: true },
  { key: 'hoursLate', zh: '延迟时长', en: 'hoursLate', brief: true },
  { key: 'presale', zh: '预售', en: 'presale' },
  // A percentage (30%): a spreadsheet reads it as one; in xlsx the number 0.3 in a percent format
  // (it was the text "30%", Excel's "number stored as text", left out of a product; desk54).
  { key: 'rate', zh: '比例', en: 'rate', type: 'percent', brief: true, own: true },
  { key: 'min', zh: '每单最低', en: 'min', type: 'money', brief: true },
  { key: 'max', zh: '每单最高', en: 'max', type: 'money', brief: true },
];

export async function runRulesShow(ctx: Ctx, args: string[]): Promise<void> {
  const id = args[0];
  if (!id) throw new UsageError(msg('缺少规则集 id', 'no rule set id given'), msg(`可用: ${builtinIds().join(', ')}`, `one of: ${builtinIds().join(', ')}`));
  if (id === 'auto') {
    throw new UsageError(
      msg('auto 不是规则集: 它是 compensate --rules 的默认选择, 每个订单按其平台在付款时生效的规则集计算', 'auto is not a rule set: it is compensate --rules\'s default, each order judged under the rule set of its platform in force when it was paid'),
      msg(`查看其中一个: storeops rules show <规则集> (${builtinIds().join(', ')}); 各规则集的平台和生效日期: storeops rules list`, `show one of them: storeops rules show <rule set> (${builtinIds().join(', ')}); their platforms and dates: storeops rules list`),
    );
  }
  const r = loadRuleSet(id, ctx.io.cwd, { auto: false });
  const L = ctx.lang;
  const yes = L === 'zh' ? '是' : 'yes';
  const no = L === 'zh' ? '否' : 'no';
  const any = L === 'zh' ? '不限' : 'any';
  // The presale column is in the short view whenever a tier depends on it: without it tmall-2026's
  // presale tier read "late, any window, ≤ 72 h, 10%", as if every late order paid 10 %.
  const presaleMatters = r.tiers.some((t) => t.presale !== null);
  await writeRows(
    ctx,
    TIER_COLUMNS.map((c) => (c.key === 'presale' && presaleMatters ? { ...c, brief: true } : c)),
    r.tiers.map((t, i) => ({
      tier: i + 1,
      kind: t.kind,
      window: rangeText(t.window, L),
      hoursLate: rangeText(t.hoursLate, L),
      presale: t.presale === null ? any : t.presale ? yes : no,
      rate: pct(t.rate),
      min: t.min,
      max: t.max,
    })),
  );
  // The facts around the tiers are talk for the operator (stderr), so stdout stays one table.
  const valid = `${r.validFrom ?? '…'} – ${r.validTo ?? '…'}`;
  const facts = [
    msg(`${r.id}: ${r.title.zh}`, `${r.id}: ${r.title.en}`),
    msg(`平台 ${RULE_PLATFORM_ZH[r.platform] ?? r.platform}; 生效 ${valid} (北京时间, 含首尾两日); 默认发货时限 ${r.shipWindowHours} 小时`, `platform ${r.platform}; in force ${valid} (Beijing days, both inclusive); default ship window ${r.shipWindowHours} h`),
    msg(
      `基数 ${BASE_ZH[r.base] ?? r.base}; 取整 ${ROUNDING_ZH[r.rounding] ?? r.rounding}; 合并 ${combineText(r, 'zh')}; ${r.payer === 'platform-deducts' ? '平台自动扣商家款赔付 (商家无需发放)' : '商家发放'}`,
      `base ${r.base}; rounding half-up to the ${r.rounding}; combine ${combineText(r, 'en')}; ${r.payer === 'platform-deducts' ? 'the platform deducts it from the shop and pays the buyer (nothing to issue)' : 'the shop issues it'}`,
    ),
    ...(r.unit === 'sub-order'
      ? [msg('按子订单计价: 给出宝贝报表时每个子订单按自己的发货时间和实付金额单独计算 (各自的最低/最高额), 再按窗口合并封顶; 只有订单报表时按订单。', 'priced per sub-order: with an item report each line is judged and priced on its own (its ship time, its paid amount, its own minimum and maximum), then windows and the cap take them together; with the order report alone, per order.')]
      : []),
    msg('档位: 从上到下第一个符合 (发货时限、延迟时长、预售) 的档位计价。', 'tiers: the first tier matching (window, hours late, presale), top down, prices the order.'),
  ];
  if (r.titleWindows.length) facts.push(msg(`标题关键词缩短时限: ${r.titleWindows.map((w) => `${w.keywords.join('/')} ${w.hours} 小时`).join('; ')}`, `title words shorten the window: ${r.titleWindows.map((w) => `${w.keywords.join('/')} ${w.hours} h`).join('; ')}`));
  if (r.deliveryPromise) facts.push(msg(`未履约承诺每单 ${fmtMoney(r.deliveryPromise.amount)} 元 (另付, 不计入封顶)`, `unkept delivery promise: ${fmtMoney(r.deliveryPromise.amount)} per order (separate, not capped)`));
  if (r.seriousDelay) facts.push(msg(`延迟超过 ${r.seriousDelay.afterHours} 小时: ${r.seriousDelay.note.zh}`, `more than ${r.seriousDelay.afterHours} h late: ${r.seriousDelay.note.en}`));
  if (r.directMail) {
    const w = r.directMail.window;
    const zh = w.over !== null && w.upTo !== null ? `超过 ${w.over} 小时、不超过 ${w.upTo} 小时` : w.over !== null ? `超过 ${w.over} 小时` : w.upTo !== null ? `不超过 ${w.upTo} 小时` : '任何时限';
    const en = w.over !== null && w.upTo !== null ? `over ${w.over} h, up to ${w.upTo} h` : w.over !== null ? `over ${w.over} h` : w.upTo !== null ? `up to ${w.upTo} h` : 'any window';
    facts.push(msg(`海外直邮: --direct-mail 列出的订单时限 ${r.directMail.shipWindowHours} 小时 (其余订单为默认时限); 时限${zh}的订单, --holidays 给出的发货地节假日不计时`, `overseas direct mail: orders listed with --direct-mail have a ${r.directMail.shipWindowHours} h window (the others the default); in a window ${en}, the origin's holidays given with --holidays are not counted`));
  }
  if (r.windowNote) {
    const w = r.windowNote.window;
    const zh = w.over !== null && w.upTo !== null ? `超过 ${w.over} 小时、不超过 ${w.upTo} 小时` : w.over !== null ? `超过 ${w.over} 小时` : w.upTo !== null ? `不超过 ${w.upTo} 小时` : '任何时限';
    const en = w.over !== null && w.upTo !== null ? `over ${w.over} h, up to ${w.upTo} h` : w.over !== null ? `over ${w.over} h` : w.upTo !== null ? `up to ${w.upTo} h` : 'any window';
    facts.push(msg(`发货时限${zh}的延迟订单每次运行都在 stderr 列出: ${r.windowNote.note.zh}`, `late orders judged under a ship window ${en} are named on stderr at every run: ${r.windowNote.note.en}`));
  }
  facts.push(msg(`来源: ${r.source.zh}`, `source: ${r.source.en}`));
  if (r.reading) facts.push(msg(`采用的解读: ${r.reading.zh}`, `reading adopted: ${r.reading.en}`));
  // On a terminal the paragraphs are fitted to its width (between words, or between Chinese
  // characters), as help is: the terminal broke "replaces" into "replace" / "s" at 80 columns.
  const width = ctx.io.stderr.isTTY && ctx.io.stderr.columns && ctx.io.stderr.columns >= 20 ? ctx.io.stderr.columns : undefined;
  const wrapText = width ? (await import('../cli/help.js')).wrapText : undefined;
  // One line at a time: a message is one line (say shows a newline in it as `\n`).
  for (const f of facts) {
    if (!wrapText || !width) ctx.info(f);
    else for (const l of wrapText(ctx.t(f), width)) ctx.info(msg(l, l));
  }
}
