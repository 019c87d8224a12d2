// RULES 1.3c (天猫国际, tmall-global-2026): bonded import ships within 48 h, overseas direct mail /
// consolidated import within 120 h excluding the origin's public holidays. No export says which an
// order is (docs/formats.md: the 订单报表 and 宝贝报表 have no such column), nor the holidays: the shop
// lists its direct-mail orders (--direct-mail FILE, order ids) and the holidays (--holidays FILE), and
// one run judges both kinds, in one ledger under the same caps (docs/rules.md §1.3c).
import type { Ctx } from '../context.js';
import { InputError, type Msg, UsageError, msg } from '../errors.js';
import type { RejectLog } from '../io/rejects.js';
import type { RuleSet } from '../rules/ruleset.js';
import type { Holidays } from './holidays.js';
import type { IdList } from './inputs.js';
import type { Request } from './request.js';

const WHAT = msg('直邮订单列表', 'direct-mail list');

/**
 * The --direct-mail list: order ids, read as --exclude's is. A row whose id a spreadsheet rounded
 * (3.51531E+18, or a column of ids ending in zeros past the 15th digit) stops the run (exit 3): which
 * order it meant is lost, and that order's window (48 h or 120 h) with it — a bonded reading would pay an
 * on-time direct-mail order. --exclude holds such an order's voucher back instead; here nothing is judged.
 */
export async function readDirectMail(ctx: Ctx, file: string, rejects: RejectLog): Promise<IdList> {
  const list = await (await import('./inputs.js')).readIdList(ctx, file, rejects, '--direct-mail', WHAT);
  const zeroed = list.zeroed.rows.length > 0 && list.zeroed.column;
  if (list.anyRounded || zeroed) {
    throw new InputError(
      msg(
        `--direct-mail ${list.file}: 有订单编号被电子表格四舍五入了 (${zeroed ? '第 15 位以后全是 0' : '3.51531E+18 这样的写法'}), 后几位已丢失: 无法知道是哪个订单按直邮 (120 小时) 判断; 未计算`,
        `--direct-mail ${list.file}: order ids a spreadsheet rounded (${zeroed ? 'all zeros past the 15th digit' : 'written like 3.51531E+18'}); their last digits are lost, so which orders ship as direct mail (120 h) cannot be told; nothing was computed`,
      ),
      msg('重新导出这份列表, 或打开时把编号列设为"文本"。', 'export the list again, or open it with the id column as text.'),
    );
  }
  return list;
}

/** --direct-mail or --holidays with a rule set that has no direct-mail window: refused (exit 2), nothing read. */
export function directMailRefused(req: Request, forcedId: string | undefined): never {
  const flag = req.directMail !== undefined ? msg('--direct-mail', '--direct-mail') : req.holidaysFrom!;
  const rulesText = forcedId === undefined ? msg('--rules auto (每个订单按其平台的规则集; 天猫国际的报表与天猫相同, auto 按 tmall-2026 判断)', '--rules auto (each order under its platform\'s rule set; a 天猫国际 export looks like a Tmall one and auto judges it under tmall-2026)') : msg(`--rules ${forcedId}`, `--rules ${forcedId}`);
  throw new UsageError(
    msg(
      `${flag.zh} 只用于有海外直邮时限的规则集 (天猫国际 tmall-global-2026: 保税 48 小时, 直邮 120 小时不含发货地法定节假日), 本次是 ${rulesText.zh}; 未计算`,
      `${flag.en} applies only under a rule set with an overseas direct-mail window (天猫国际 tmall-global-2026: bonded 48 h, direct mail 120 h excluding the origin's public holidays); this run has ${rulesText.en}; nothing was computed`,
    ),
    msg(
      '天猫国际店铺加 --rules tmall-global-2026 (或配置 compensate.rules); 其他店铺去掉这个选项。自己的规则文件可以写 "directMail": {"shipWindowHours": 120, "window": {"over": 48}} (docs/rules.md §1.6)。',
      'a 天猫国际 shop adds --rules tmall-global-2026 (or config compensate.rules); any other shop leaves the option out. A rule file of your own may have "directMail": {"shipWindowHours": 120, "window": {"over": 48}} (docs/rules.md §1.6).',
    ),
  );
}

function rangeText(r: { over: number | null; upTo: number | null }): Msg {
  if (r.over !== null && r.upTo !== null) return msg(`超过 ${r.over} 小时、不超过 ${r.upTo} 小时`, `over ${r.over} h, up to ${r.upTo} h`);
  if (r.over !== null) return msg(`超过 ${r.over} 小时`, `over ${r.over} h`);
  if (r.upTo !== null) return msg(`不超过 ${r.upTo} 小时`, `up to ${r.upTo} h`);
  return msg('任何时限', 'any window');
}

/** Said once (stderr, info) when --holidays is given: what was read and what it does. */
export function holidaysNote(h: Holidays, rules: RuleSet): Msg {
  const dm = rules.directMail!;
  const w = rangeText(dm.window);
  const span = h.days.length === 0 ? msg('', '') : msg(` (${h.days[0]} … ${h.days[h.days.length - 1]})`, ` (${h.days[0]} … ${h.days[h.days.length - 1]})`);
  return msg(
    `节假日 ${h.file}: ${h.days.length} 天${span.zh}, 按报表时区 (默认北京时间) 的整个自然日计; ${rules.id} 下发货时限${w.zh}的 (直邮) 订单, 时限内这些日子不计时, 截止时间顺延; 延迟小时数从截止时间起连续计算`,
    `holidays ${h.file}: ${h.days.length} day(s)${span.en}, each a whole calendar day in the export's zone (Beijing by default); under ${rules.id} the hours on them are not counted in a ship window ${w.en} (direct mail), whose deadline moves past them; hours late run straight from the deadline`,
  );
}

/**
 * Late direct-mail orders whose window ran in a year the holiday list has no day of (a list written for
 * 2026 read in 2027): that year's holidays, if any, were counted as ship time. Named; amounts unchanged.
 */
export function holidayYearsWarning(file: string, list: string, n: number, years: number[]): Msg {
  const y = years.join(', ');
  return msg(
    `${n} 个延迟的直邮订单的发货时限落在 ${y} 年, 节假日表 ${file} 中没有这一年的任何日期: 这些日子按发货时间计算 (若当年有节假日, 订单可能并未延迟): ${list}。请把 ${y} 年的节假日加进该文件后再运行。`,
    `${n === 1 ? '1 late direct-mail order has its' : `${n} late direct-mail orders have their`} ship window in ${y}, a year the holiday list ${file} has no day of: its days were counted as ship time (the ${n === 1 ? 'order' : 'orders'} may not be late if it had holidays): ${list}. Add ${y}'s holidays to the file and run again.`,
  );
}
