// What a compensate run tells the operator on stderr (SPEC "compensate": summary). Pure: builds
// the messages, the command prints them.
import { type Msg, msg } from '../cli/errors.js';
import { type Money, fmtMoney } from '../money.js';

/** "1 voucher", "2 vouchers": English summaries read as sentences. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Per-order counts, kept while the orders stream by. */
export interface Tally {
  read: number;
  paid: number;
  late: number;
  notJudged: number;
  notJudgedReasons: Record<string, number>;
  excluded: number;
  excludedIds: string[];
  noBuyer: number;
}

export function newTally(): Tally {
  return { read: 0, paid: 0, late: 0, notJudged: 0, notJudgedReasons: {}, excluded: 0, excludedIds: [], noBuyer: 0 };
}

/** Per-voucher sums, kept while the rows are written. */
export interface Sums {
  count: number;
  totalFen: number;
  provisional: number;
  mismatched: number;
  risky: number;
}

export function newSums(): Sums {
  return { count: 0, totalFen: 0, provisional: 0, mismatched: 0, risky: 0 };
}

export function noBuyerWarning(n: number): Msg {
  return msg(
    `${n} 个已付款订单没有买家名称 (拼多多等导出没有该列): 它们各自单独计算, 不能与同一买家的其他订单合并封顶。`,
    `${plural(n, 'paid order')} ${n === 1 ? 'has' : 'have'} no buyer name (拼多多 and some exports have no such column): each is its own voucher, never combined or capped with the same buyer's other orders.`,
  );
}

export function atRiskSummary(count: number, hours: number, cost: Money, rules: string): Msg {
  return msg(
    `${count} 个未发货订单已超时或将在 ${hours} 小时内超时; 若延迟将赔约 ${fmtMoney(cost)} 元 (规则 ${rules})`,
    `${plural(count, 'unshipped order')} ${count === 1 ? 'is' : 'are'} late or due within ${hours} h; if late they cost about ${fmtMoney(cost)} (rules ${rules})`,
  );
}

export interface RunSummary {
  rules: string;
  base: string;
  tally: Tally;
  sums: Sums;
  total: Money;
  promises: number;
  promiseTotal: Money;
  rejected: number;
  newlyRecorded: number | null;
}

export function runSummary(s: RunSummary): Msg {
  const { tally, sums } = s;
  const nj = Object.entries(tally.notJudgedReasons).map(([k, n]) => `${k}=${n}`).join(', ');
  return msg(
    `规则 ${s.rules} (基数 ${s.base}): 读取订单 ${tally.read}, 已付款 ${tally.paid}, 延迟 ${tally.late}, 无法判断 ${tally.notJudged}${nj ? ` (${nj})` : ''}, 排除 ${tally.excluded}; ` +
      `红包 ${sums.count} 个共 ${fmtMoney(s.total)} 元 (其中待定 ${sums.provisional} 个)` +
      (s.promises ? `; 未履约承诺 ${s.promises} 单共 ${fmtMoney(s.promiseTotal)} 元 (另付, 不计入封顶)` : '') +
      `; 拒绝行 ${s.rejected}` +
      (s.newlyRecorded !== null ? `; 新记录 ${s.newlyRecorded}` : ''),
    `rules ${s.rules} (base ${s.base}): ${tally.read} orders read, ${tally.paid} paid, ${tally.late} late, ${tally.notJudged} not judged${nj ? ` (${nj})` : ''}, ${tally.excluded} excluded; ` +
      `${plural(sums.count, 'voucher')} totalling ${fmtMoney(s.total)} (${sums.provisional} provisional)` +
      (s.promises ? `; ${plural(s.promises, 'unkept delivery promise')} totalling ${fmtMoney(s.promiseTotal)} (paid separately, not capped)` : '') +
      `; ${s.rejected} rejected rows` +
      (s.newlyRecorded !== null ? `; ${s.newlyRecorded} newly recorded` : ''),
  );
}

export function excludedNote(ids: string[]): Msg {
  return msg(`已排除: ${ids.join(';')}`, `excluded: ${ids.join(';')}`);
}

export function seriousDelayWarning(n: number, afterHours: number, note: Msg): Msg {
  return msg(`${n} 个红包含延迟超过 ${afterHours} 小时的订单 (risk 列): ${note.zh}`, `${plural(n, 'voucher')} ${n === 1 ? 'holds' : 'hold'} an order more than ${afterHours} h late (risk column): ${note.en}`);
}

export function mismatchWarning(n: number): Msg {
  return msg(`${n} 个红包与平台已赔付金额不一致 (见 差额 列)`, `${plural(n, 'voucher')} ${n === 1 ? 'differs' : 'differ'} from what the platform paid (see the difference column)`);
}
