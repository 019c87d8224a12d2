// What a compensate run tells the operator on stderr (SPEC "compensate": summary). Pure: builds
// the messages, the command prints them.
import { labelOf } from '../io/columns.js';
import { BASE_ZH, NOT_JUDGED_ZH } from './codes.js';
import { PLATFORM_ZH } from '../orders/codes.js';
import { type Msg, msg, noteLine, plural } from '../errors.js';
import { type Money, fenToMoney, fmtMoney } from '../money.js';

export { plural };

/** Per-order counts, kept while the orders stream by. */
export interface Tally {
  read: number;
  paid: number;
  late: number;
  /** Orders late whatever seconds their times lost, whose tier (so amount) depends on them: not judged (time_precision), but late. */
  lateTierUnknown: number;
  /** lateTierUnknown by the id of the rule set judging the order (as byRules), for the per-rule-set summary. */
  lateTierUnknownByRules: Map<string, number>;
  notJudged: number;
  notJudgedReasons: Record<string, number>;
  excluded: number;
  excludedIds: string[];
  noBuyer: number;
  /** Paid orders judged under each rule set, by id (in first-seen order). */
  byRules: Map<string, number>;
  /** no_rule_set orders by platform. */
  noRuleSet: Map<string, number>;
  /** --rules forced: orders of another platform, and orders paid outside the set's validity. */
  forcedOtherPlatform: number;
  forcedOutsideValidity: number;
  /** Orders the export shows shipped after --as-of, judged as unshipped then (judge.ts shippedLater); the first ids. */
  shippedLater: number;
  shippedLaterIds: string[];
}

export function newTally(): Tally {
  return { read: 0, paid: 0, late: 0, lateTierUnknown: 0, lateTierUnknownByRules: new Map(), notJudged: 0, notJudgedReasons: {}, excluded: 0, excludedIds: [], noBuyer: 0, byRules: new Map(), noRuleSet: new Map(), forcedOtherPlatform: 0, forcedOutsideValidity: 0, shippedLater: 0, shippedLaterIds: [] };
}

/** Per-voucher sums, kept while the rows are written. Whole fen: exact integer sums. */
export interface Sums {
  /** Final vouchers the shop must still issue now (toIssue > 0), and their total. */
  count: number;
  totalFen: number;
  /** Provisional vouchers owing something so far: not in the total to issue (issue them once final). */
  provisional: number;
  provisionalFen: number;
  /** Vouchers the export shows the platform already paid: computed total and what the platform paid. */
  paidByPlatform: number;
  paidComputedFen: number;
  paidPlatformFen: number;
  /** Amounts a platform-deducts rule set (douyin-2025) will charge the shop: final rows only. */
  deducted: number;
  deductedFen: number;
  /** The same of provisional rows (an order still unshipped, or a window that can still change): counted apart, as provisional vouchers are. */
  deductedProvisional: number;
  deductedProvisionalFen: number;
  mismatched: number;
  /** Platform-paid vouchers whose payout is below the computed amount, and the shortfall in all. */
  underpaid: number;
  underpaidFen: number;
  /** Serious-delay flags by rule set id. */
  risky: Map<string, number>;
  /** --record: vouchers recorded by an earlier run at this amount (not counted again in the total). */
  alreadyRecorded: number;
  /** --record: conflicts owing nothing (other vouchers recorded before paid all they come to). */
  paidBefore: number;
  /** --record: conflicts (partly paid before, not recorded): what they still owe, kept out of the total to issue until --reissue records them. */
  conflicts: number;
  conflictFen: number;
  /** --record: recorded vouchers owing more now (amount_changed, not recorded): kept out of the total to issue as conflicts are. */
  changes: number;
  changeFen: number;
  /** --record: vouchers held (not recorded) because their 24-hour window cannot be told: kept out of the total to issue. */
  held: number;
  heldFen: number;
}

export function newSums(): Sums {
  return { count: 0, totalFen: 0, provisional: 0, provisionalFen: 0, paidByPlatform: 0, paidComputedFen: 0, paidPlatformFen: 0, deducted: 0, deductedFen: 0, deductedProvisional: 0, deductedProvisionalFen: 0, mismatched: 0, underpaid: 0, underpaidFen: 0, risky: new Map(), alreadyRecorded: 0, paidBefore: 0, conflicts: 0, conflictFen: 0, changes: 0, changeFen: 0, held: 0, heldFen: 0 };
}

export function noBuyerWarning(n: number): Msg {
  return msg(
    `${n} 个已付款订单没有买家名称 (拼多多等导出没有该列): 每个订单单独成为一个红包, 各自按规则集的封顶额封顶; 不会与同一买家的其他订单合并 (本次运行和已记录的都不会), 所以同一买家的几个这样的订单合计可能超过封顶额。`,
    `${plural(n, 'paid order')} ${n === 1 ? 'has' : 'have'} no buyer name (拼多多 and some exports have no such column): each is a voucher of its own, capped on its own at the rule set's cap; none is combined with the same buyer's other orders (in this run or recorded), so several such orders of one buyer may together be paid past the cap.`,
  );
}

/**
 * `unknown`: listed orders whose paid amount is empty (their cost is not in `cost`). `unjudged`: paid,
 * unshipped orders no rule set in force could judge, so not listed: "0 … are late" alone would read
 * as "nothing to ship in a hurry" (a 拼多多 export without a rule file).
 */
export function atRiskSummary(count: number, hours: number, cost: Money, rules: string, unknown = 0, unjudged = 0): Msg {
  rules = rules || 'auto';
  return msg(
    `${count} 个未发货订单已超时或将在 ${hours} 小时内超时; 若延迟将赔约 ${fmtMoney(cost)} 元 (规则 ${rules})` +
      (unknown ? `; 另有 ${unknown} 个订单实付金额为空, 赔付未知, 未计入` : '') +
      (unjudged ? `; 另有 ${unjudged} 个未发货订单没有生效的规则集, 无法判断是否超时, 不在列表中 (见上方警告)` : ''),
    `${plural(count, 'unshipped order')} ${count === 1 ? 'is' : 'are'} late or due within ${hours} h; if late they cost about ${fmtMoney(cost)} (rules ${rules})` +
      (unknown ? `; ${unknown} more with an empty paid amount cost an unknown amount, not included` : '') +
      (unjudged ? `; ${plural(unjudged, 'more unshipped order')} ${unjudged === 1 ? 'has' : 'have'} no rule set in force and could not be checked: not on the list (see the warning above)` : ''),
  );
}

/** --at-risk with nothing at risk, on a terminal: one sentence instead of a table of headers alone. */
export function noneAtRiskNothing(hours: number, unjudged: number): Msg {
  return msg(
    `storeops: 没有未发货订单已超时或将在 ${hours} 小时内超时` + (unjudged ? `; 另有 ${unjudged} 个未发货订单没有生效的规则集, 无法判断 (见上方警告)` : ''),
    `storeops: no unshipped order is late or due within ${hours} h` + (unjudged ? `; ${plural(unjudged, 'more unshipped order')} ${unjudged === 1 ? 'has' : 'have'} no rule set in force and could not be checked (see the warning above)` : ''),
  );
}

export interface RunSummary {
  /** Each rule set used, with its base, how many paid orders it judged and how many of them were late at a tier the lost seconds decide. */
  rules: { id: string; base: string; orders: number; lateTierUnknown?: number }[];
  tally: Tally;
  sums: Sums;
  promises: number;
  promiseTotal: Money;
  rejected: number;
  newlyRecorded: number | null;
}

function rulesText(rs: RunSummary['rules'], lang: 'zh' | 'en'): string {
  if (rs.length === 0) return lang === 'zh' ? '规则 auto (没有生效的规则集)' : 'rules auto (none in force)';
  if (rs.length === 1) return lang === 'zh' ? `规则 ${rs[0]!.id} (基数 ${labelOf(BASE_ZH, rs[0]!.base, 'zh')})` : `rules ${rs[0]!.id} (base ${rs[0]!.base})`;
  // Each set's orders late for sure at a tier the lost seconds decide (the overall count says it too):
  // which set's amount is unknown, so which rule's tiers to check the orders against.
  return lang === 'zh'
    ? `规则 ${rs.map((r) => `${r.id} (基数 ${labelOf(BASE_ZH, r.base, 'zh')}, ${r.orders} 单${r.lateTierUnknown ? `, 其中 ${r.lateTierUnknown} 单肯定延迟但档位未知` : ''})`).join(' + ')}`
    : `rules ${rs.map((r) => `${r.id} (base ${r.base}, ${plural(r.orders, 'order')}${r.lateTierUnknown ? `, ${r.lateTierUnknown} late at an unknown tier` : ''})`).join(' + ')}`;
}

export function runSummary(s: RunSummary): Msg {
  const { tally, sums } = s;
  const fen = (n: number) => fmtMoney(fenToMoney(n));
  const nj = Object.entries(tally.notJudgedReasons).map(([k, n]) => `${k}=${n}`).join(', ');
  const njZh = Object.entries(tally.notJudgedReasons).map(([k, n]) => `${labelOf(NOT_JUDGED_ZH, k, 'zh')} ${n}`).join(', ');
  // Late for sure, at a tier the lost seconds decide (an Excel re-save): counted late, with no amount
  // (they are among the not judged, time_precision). "0 late" was said of six such orders. The zh line
  // names the reason by its zh label, as the not-judged list after it does (user27: it showed the code).
  const u = tally.lateTierUnknown;
  const lateZh = u ? `延迟 ${tally.late + u} (其中 ${u} 个肯定延迟, 但时间没有秒, 档位和金额无法判断, 计入后面的 无法判断 (${labelOf(NOT_JUDGED_ZH, 'time_precision', 'zh')}))` : `延迟 ${tally.late}`;
  const lateEn = u ? `${tally.late + u} late (${u} of them late for sure but at a tier and amount that could not be judged: times without seconds; counted in not judged, time_precision)` : `${tally.late} late`;
  return msg(
    `${rulesText(s.rules, 'zh')}: 读取订单 ${tally.read}, 已付款 ${tally.paid}, ${lateZh}, 无法判断 ${tally.notJudged}${njZh ? ` (${njZh})` : ''}, 排除 ${tally.excluded}; ` +
      `现在发放的红包 ${sums.count} 个共 ${fen(sums.totalFen)} 元` +
      (sums.provisional ? `; 待定红包 ${sums.provisional} 个, 目前计 ${fen(sums.provisionalFen)} 元 (未定稿, 未计入现在发放: 现在不要发放, 定稿后会在以后的运行中列出)` : '') +
      (sums.conflicts ? `; 冲突 ${sums.conflicts} 个, 尚欠 ${fen(sums.conflictFen)} 元 (未计入现在发放: 先核对并用 --reissue 记录, 再发放)` : '') +
      (sums.changes ? `; 金额有变的已记录红包 ${sums.changes} 个, 尚欠 ${fen(sums.changeFen)} 元 (未计入现在发放: 先核对并用 --reissue 记录, 再发放)` : '') +
      (sums.held ? `; 24 小时窗口不明的红包 ${sums.held} 个, 若窗口成立则欠 ${fen(sums.heldFen)} 元 (未记录, 未计入现在发放: 用包含上面所列订单的报表重新运行)` : '') +
      (sums.paidByPlatform ? `; 平台已赔付 ${sums.paidByPlatform} 个 (计算 ${fen(sums.paidComputedFen)} 元, 平台已付 ${fen(sums.paidPlatformFen)} 元, 不再发放)` : '') +
      (sums.deducted ? `; 平台将从店铺扣款 ${sums.deducted} 笔共 ${fen(sums.deductedFen)} 元 (无需发放, 仅对账)` : '') +
      (sums.deductedProvisional ? `; 待定扣款 ${sums.deductedProvisional} 笔, 目前计 ${fen(sums.deductedProvisionalFen)} 元 (订单未发货或未定稿, 金额还可能变化, 未计入上面的扣款; 定稿后再对账)` : '') +
      (s.promises ? `; 未履约承诺 ${s.promises} 单共 ${fmtMoney(s.promiseTotal)} 元 (另付, 不计入封顶)` : '') +
      `; 拒绝行 ${s.rejected}` +
      (s.newlyRecorded !== null ? `; 新记录 ${s.newlyRecorded}` : '') +
      (sums.alreadyRecorded ? `; 此前已记录 ${sums.alreadyRecorded} 个 (不再计入)` : '') +
      (sums.paidBefore ? `; 此前记录的红包已付足 ${sums.paidBefore} 个 (不再计入)` : ''),
    `${rulesText(s.rules, 'en')}: ${plural(tally.read, 'order')} read, ${tally.paid} paid, ${lateEn}, ${tally.notJudged} not judged${nj ? ` (${nj})` : ''}, ${tally.excluded} excluded; ` +
      `${plural(sums.count, 'voucher')} totalling ${fen(sums.totalFen)} to issue` +
      (sums.provisional ? `; ${plural(sums.provisional, 'provisional voucher')} owing ${fen(sums.provisionalFen)} so far (not final, not in that total: do not issue ${sums.provisional === 1 ? 'it' : 'them'} yet; a later run lists ${sums.provisional === 1 ? 'it' : 'them'} once final)` : '') +
      (sums.conflicts ? `; ${plural(sums.conflicts, 'conflict')} still owing ${fen(sums.conflictFen)} (not in that total: check and record with --reissue first, then issue)` : '') +
      (sums.changes ? `; ${plural(sums.changes, 'recorded voucher')} owing ${fen(sums.changeFen)} more (not in that total: check and record with --reissue first, then issue)` : '') +
      (sums.held ? `; ${plural(sums.held, 'voucher')} held, owing ${fen(sums.heldFen)} if ${sums.held === 1 ? 'its' : 'their'} 24-hour window stands (not recorded, not in that total: run again with an export holding the orders named above)` : '') +
      (sums.paidByPlatform ? `; ${sums.paidByPlatform} already paid by the platform (computed ${fen(sums.paidComputedFen)}, platform paid ${fen(sums.paidPlatformFen)}; not issued again)` : '') +
      (sums.deducted ? `; ${sums.deducted} to be deducted by the platform totalling ${fen(sums.deductedFen)} (nothing to issue; reconcile only)` : '') +
      (sums.deductedProvisional ? `; ${plural(sums.deductedProvisional, 'provisional deduction')} of ${fen(sums.deductedProvisionalFen)} so far (an order unshipped or not final: the amount may still change; not in that total; reconcile once final)` : '') +
      (s.promises ? `; ${plural(s.promises, 'unkept delivery promise')} totalling ${fmtMoney(s.promiseTotal)} (paid separately, not capped)` : '') +
      `; ${s.rejected} rejected ${s.rejected === 1 ? 'row' : 'rows'}` +
      (s.newlyRecorded !== null ? `; ${s.newlyRecorded} newly recorded` : '') +
      (sums.alreadyRecorded ? `; ${sums.alreadyRecorded} recorded before (not counted again)` : '') +
      (sums.paidBefore ? `; ${sums.paidBefore} fully paid by vouchers recorded before (not counted again)` : ''),
  );
}

/** RULES 1.3a / 1.3d: orders of a platform with no rule set in force are counted, never judged under another platform's rule. */
export function noRuleSetWarning(byPlatform: Map<string, number>): Msg {
  const list = [...byPlatform].map(([p, n]) => `${p}=${n}`).join(', ');
  const listZh = [...byPlatform].map(([p, n]) => `${labelOf(PLATFORM_ZH, p, 'zh')} ${n} 个`).join(', ');
  const n = [...byPlatform.values()].reduce((a, b) => a + b, 0);
  // Pinduoduo has no rule set at all; any other platform's orders here were paid before its first one.
  // The example rule file is named where `storeops init` puts it (templates/ is inside the package).
  const pdd = byPlatform.has('pdd');
  const others = [...byPlatform.keys()].some((p) => p !== 'pdd');
  return msg(
    `${n} 个订单没有生效的规则集, 未判断 (${listZh}): 不会套用其他平台的规则。` +
      (pdd ? '拼多多没有公布赔付比例: 照 storeops-templates/rules/custom-example.json (`storeops init` 写出的示例) 写店铺自己的规则文件, 再用 --rules 该文件。' : '') +
      (others ? `${pdd ? '其他平台的' : '这些'}订单付款时该平台还没有生效的规则集 (见 storeops rules list 的生效日期): 要计算, 照 storeops-templates/rules/custom-example.json (\`storeops init\` 写出的示例) 写当时适用的规则文件, 再用 --rules 该文件。` : ''),
    `${plural(n, 'order')} ${n === 1 ? 'has' : 'have'} no rule set in force and ${n === 1 ? 'was' : 'were'} not judged (${list}): another platform's rule is never applied.` +
      (pdd ? " Pinduoduo publishes no rate: write your shop's own rule file like storeops-templates/rules/custom-example.json (the example `storeops init` writes) and pass --rules FILE." : '') +
      (others ? ` ${pdd ? "The other platforms' orders were" : n === 1 ? 'It was' : 'They were'} paid before their platform's first rule set came into force (see the dates in storeops rules list): to judge them, write the rule that applied then in a file like storeops-templates/rules/custom-example.json (the example \`storeops init\` writes) and pass --rules FILE.` : ''),
  );
}

/**
 * A terminal table with no row because no order had a rule set (a 拼多多 export without --rules):
 * said in a sentence on stderr instead of a table of headers alone (as `ledger list` does).
 */
export function noRuleSetNothing(byPlatform: Map<string, number>): Msg {
  const n = [...byPlatform.values()].reduce((a, b) => a + b, 0);
  const zh = [...byPlatform.keys()].map((p) => labelOf(PLATFORM_ZH, p, 'zh')).join('、');
  const en = [...byPlatform.keys()].join(', ');
  return noteLine(msg(
    `没有可列出的红包: 没有规则集适用于这 ${n} 个订单 (${zh}), 一个也未判断; 写好店铺自己的规则文件后加 --rules 该文件重新运行 (见上面的警告)`,
    `no vouchers to list: no rule set covers ${n === 1 ? 'this order' : `these ${n} orders`} (${en}), so none was judged; write your shop's own rule file and run again with --rules FILE (see the warning above)`,
  ));
}

/**
 * A terminal table with no row though orders were judged (none late, or none owing anything): said
 * in a sentence on stderr instead of a table of headers alone, as noRuleSetNothing is.
 */
export function noVouchersNothing(tally: Tally): Msg {
  const judged = [...tally.byRules.values()].reduce((a, b) => a + b, 0);
  const otherZh = [tally.notJudged ? `另有 ${tally.notJudged} 个无法判断` : '', tally.excluded ? `${tally.excluded} 个已排除` : ''].filter(Boolean).join(', ');
  const otherEn = [tally.notJudged ? `${tally.notJudged} not judged` : '', tally.excluded ? `${tally.excluded} excluded` : ''].filter(Boolean).join(', ');
  if (judged === 0) {
    return msg(
      `storeops: 没有可列出的红包: 读取的 ${tally.read} 个订单中没有可判断的已付款订单${otherZh ? ` (${otherZh})` : ''}`,
      `storeops: no vouchers to list: none of the ${plural(tally.read, 'order')} read is a paid order that could be judged${otherEn ? ` (${otherEn})` : ''}`,
    );
  }
  const zh = tally.late === 0 ? `判断的 ${judged} 个已付款订单都没有延迟发货` : `判断的 ${judged} 个已付款订单中 ${tally.late} 个延迟, 但按规则都不需要赔付`;
  const en = tally.late === 0 ? `none of the ${plural(judged, 'paid order')} judged was shipped late` : `${tally.late} of the ${plural(judged, 'paid order')} judged ${tally.late === 1 ? 'was' : 'were'} late, but none owes anything under its rules`;
  return msg(`storeops: 没有可列出的红包: ${zh}${otherZh ? `; ${otherZh}` : ''}`, `storeops: no vouchers to list: ${en}${otherEn ? `; ${otherEn}` : ''}`);
}

/**
 * A note on stderr in the middle of a run (how it took its inputs: two shops, a forced rule set,
 * orders reported before, a wait for the ledger) starts with `storeops: ` as warnings and errors do
 * (`storeops: warning: …`), so a cron log's line says where it came from. Only the counts of the
 * summary (what was read, what is owed: `rules … : 9 orders read …`, `--shipments FILE: … read`,
 * `excluded: …`) start with what they count.
 */
export { noteLine };

/**
 * Orders the export shows shipped after --as-of (an export made later than the time asked about): as
 * of --as-of they were unshipped, so they are judged so (RULES 1.1), their vouchers provisional.
 */
export function shippedLaterWarning(n: number, ids: string[], asOf: string): Msg {
  const list = `${ids.join(';')}${n > ids.length ? ` …` : ''}`;
  return msg(
    `报表中 ${n} 个订单的发货时间晚于 --as-of (${asOf}): 按截至那时尚未发货判断 (已延迟的按至今的延迟计, 红包待定, 不记录; 未到期的不算延迟): ${list}`,
    `${plural(n, 'order')} shipped after --as-of (${asOf}) by the export ${n === 1 ? 'was' : 'were'} judged as still unshipped then (late so far: provisional, not recorded; or not yet due): ${list}`,
  );
}

export function forcedNote(id: string): Msg {
  return msg(`--rules ${id}: 所有订单都按 ${id} 判断 (不指定时按各订单平台在付款时生效的规则集)`, `--rules ${id}: every order is judged under ${id} (without it, each order gets its platform's rule set in force at its paid time)`);
}

export function forcedMismatchWarning(id: string, platform: string, otherPlatform: number, outside: number, validity: string): Msg {
  const zh = [otherPlatform ? `${otherPlatform} 个订单来自其他平台 (规则集平台 ${platform})` : '', outside ? `${outside} 个订单的付款时间不在其生效期 (${validity}) 内` : ''].filter(Boolean).join('; ');
  const en = [otherPlatform ? `${plural(otherPlatform, 'order')} from another platform (the rule set is for ${platform})` : '', outside ? `${plural(outside, 'order')} paid outside its validity (${validity})` : ''].filter(Boolean).join('; ');
  return msg(`规则集 ${id} 被指定用于: ${zh}`, `rule set ${id} was forced onto ${en}`);
}

export function promiseIgnoredWarning(ignored: Map<string, number>): Msg {
  const list = [...ignored].map(([id, n]) => `${id || 'none'}=${n}`).join(', ');
  const n = [...ignored.values()].reduce((a, b) => a + b, 0);
  return msg(
    `未履约订单列表中 ${n} 个订单的规则集没有未履约承诺的赔付, 已忽略 (${list})`,
    `${plural(n, 'order')} on the delivery-failure list ${n === 1 ? 'is' : 'are'} judged under a rule set with no payout for unkept delivery promises; ignored (${list})`,
  );
}

export function excludedNote(ids: string[]): Msg {
  return msg(`已排除: ${ids.join(';')}`, `excluded: ${ids.join(';')}`);
}

export function seriousDelayWarning(n: number, afterHours: number, note: Msg): Msg {
  return msg(`${n} 个红包含延迟超过 ${afterHours} 小时的订单 (扣分风险 列): ${note.zh}`, `${plural(n, 'voucher')} ${n === 1 ? 'holds' : 'hold'} an order more than ${afterHours} h late (risk column): ${note.en}`);
}

/**
 * Platform-paid vouchers the platform paid less than computed (RULES 1.4: flag differences). The
 * shop issues nothing for them (docs/rules.md §1.4a), so the shortfall is named on its own: the
 * platform may have judged an order on time, or paid only some of the voucher's orders.
 */
export function underpaidWarning(n: number, shortFen: number, before = 0): Msg {
  const short = fmtMoney(fenToMoney(shortFen));
  const more = warnedBefore(before);
  return msg(
    `${n} 个平台已赔付的红包, 平台所付少于计算金额, 共少 ${short} 元 (差额 列为负): storeops 不为它们发放; 请核对这些订单, 若平台漏赔, 差额可能仍需店铺补发${more.zh}`,
    `${plural(n, 'voucher')} the platform paid ${n === 1 ? 'was' : 'were'} paid less than computed, ${short} short in all (a negative difference): storeops issues nothing for ${n === 1 ? 'it' : 'them'}; check those orders: if the platform left some out, the shop may still owe the difference${more.en}`,
  );
}

/**
 * `before`: vouchers with the same difference an earlier --record run warned of, left out under -q
 * (run.ts PLATFORM_DIFF_TARGET): counted after the warning of the others, never said alone.
 */
export function mismatchWarning(n: number, before = 0, shown: 'columns' | 'table' | 'orders' = 'columns'): Msg {
  const more = warnedBefore(before);
  // Where the difference column is: the output has it; the terminal table leaves it out unless --wide;
  // --by order's rows have none (until 2026-12 both were told "see the difference column").
  const where = {
    columns: msg('见 差额 列', 'see the difference column'),
    table: msg('见 差额 列: 表格不显示, 加 --wide 或 -o 文件.xlsx', 'see the difference column: not in the table, add --wide or -o FILE.xlsx'),
    orders: msg('差额 列在按红包的输出里: 去掉 --by order 再运行', 'the difference column is in the voucher rows: run it again without --by order'),
  }[shown];
  return msg(
    `${n} 个红包与平台已赔付金额不一致 (${where.zh})${more.zh}`,
    `${plural(n, 'voucher')} ${n === 1 ? 'differs' : 'differ'} from what the platform paid (${where.en})${more.en}`,
  );
}

function warnedBefore(n: number): { zh: string; en: string } {
  return n > 0 ? { zh: `; 另有 ${n} 个此前的运行已提示过 (差额相同), -q 时不再重复`, en: `; ${n} more, warned of by an earlier run (the same difference), not repeated under -q` } : { zh: '', en: '' };
}
