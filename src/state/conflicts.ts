// The "already paid" conflict report of `compensate --record`, and --reissue (the explicit,
// recorded way to pay an order again). The check itself is in the ledger's write transaction
// (ledger.ts recordVouchers); this file only words its answer. The --reissue option itself is read
// in compensation/request.ts (this file is loaded only under --record).
import { doc } from '../paths.js';
import type { Ctx } from '../context.js';
import { msg, plural } from '../errors.js';
import { Decimal } from 'decimal.js';
import type { AmountChange, Clash, Cover, HeldVoucher, PlatformClash, RecordStatus } from './ledger.js';

/** How many conflicting orders are listed on stderr; the count is always given in full. */
const SHOW = 20;

/**
 * Tell the operator about every voucher that was not recorded because one of its orders is already
 * paid in another recorded voucher (any rule set), and about deliberate re-issues. Conflicts need
 * a person: the run ends with exit 1.
 */
export function reportConflicts(
  ctx: Ctx,
  status: Map<string, RecordStatus>,
  clashes: Clash[],
  amounts: Map<string, string> = new Map(),
  covered: Map<string, string> = new Map(),
  reissue?: { named: (orderId: string) => boolean; orderIds: Map<string, string[]> },
): void {
  // A conflict the vouchers recorded before paid in full owes nothing and asks nothing of anyone:
  // said once per voucher, no exit 1 (cron would mail every hour until a --reissue for 0.00).
  const paidInFull = (key: string) => {
    const amount = amounts.get(key);
    const paid = covered.get(key);
    return amount !== undefined && paid !== undefined && new Decimal(paid).gte(amount);
  };
  const settled = clashes.filter((c) => status.get(c.voucherKey) === 'conflict' && paidInFull(c.voucherKey));
  for (const k of [...new Set(settled.map((c) => c.voucherKey))]) {
    const by = [...new Set(settled.filter((c) => c.voucherKey === k).map((c) => c.heldBy))].join(', ');
    const amount = amounts.get(k)!;
    const paid = new Decimal(covered.get(k)!).toFixed(2);
    ctx.warn(
      msg(
        `红包 ${k} 含有此前记录的红包 (${by}) 已赔付的订单, 它们已付足全部金额 (${paid} / ${amount}): 不再欠款, 未记录`,
        `voucher ${k} holds orders already paid in vouchers recorded before (${by}), which paid all it comes to (${paid} of ${amount}): nothing is owed, nothing recorded`,
      ),
    );
  }
  const blocked = clashes.filter((c) => status.get(c.voucherKey) === 'conflict' && !paidInFull(c.voucherKey));
  const reissued = clashes.filter((c) => status.get(c.voucherKey) === 'reissued');
  const when = (t: number) => ctx.tz.format(t);
  // Per voucher: what it comes to, what the vouchers recorded before already paid of it, and the rest.
  const owedLine = (key: string, recordedNow: boolean) => {
    const amount = amounts.get(key);
    const paid = covered.get(key);
    if (amount === undefined || paid === undefined) return;
    const rest = Decimal.max(0, new Decimal(amount).minus(paid)).toFixed(2);
    ctx.warn(
      recordedNow
        ? msg(`红包 ${key} 合计 ${amount}, 其中 ${paid} 已由此前记录的红包支付: 只需发放 ${rest}`, `voucher ${key} comes to ${amount}, of which ${paid} was paid by the vouchers recorded before: issue only ${rest}`)
        : msg(`红包 ${key} 合计 ${amount}, 其中 ${paid} 已由此前记录的红包支付: 还欠 ${rest}`, `voucher ${key} comes to ${amount}, of which ${paid} was paid by the vouchers recorded before: ${rest} is still owed`),
    );
  };
  for (const c of blocked.slice(0, SHOW)) {
    ctx.warn(
      msg(
        `红包 ${c.voucherKey} 未记录: 订单 ${c.orderId} 已在红包 ${c.heldBy} 中赔付 (规则 ${c.heldByRules}, 记录于 ${when(c.heldSince)})`,
        `voucher ${c.voucherKey} not recorded: order ${c.orderId} is already paid in voucher ${c.heldBy} (rules ${c.heldByRules}, recorded ${when(c.heldSince)})`,
      ),
    );
  }
  const blockedKeys = [...new Set(blocked.map((c) => c.voucherKey))];
  for (const k of blockedKeys.slice(0, SHOW)) owedLine(k, false);
  // A --reissue naming orders of a blocked voucher re-issues it only when it names every order of
  // it that vouchers recorded before already paid (ledger.ts recordVouchers). Naming its other order
  // (the late order the new export added, often the first of its orderIds) re-issued nothing and was
  // not said: the id was "in a voucher of this run", so not even reported as unused.
  const paidIds = (k: string) => [...new Set(blocked.filter((c) => c.voucherKey === k).map((c) => c.orderId))];
  if (reissue) {
    for (const k of blockedKeys) {
      const ids = reissue.orderIds.get(k) ?? [];
      const named = ids.filter((id) => reissue.named(id));
      if (named.length === 0) continue;
      const need = paidIds(k);
      const missing = need.filter((id) => !reissue.named(id));
      if (missing.length === 0) continue;
      ctx.warn(
        msg(
          `--reissue 列出了红包 ${k} 的订单 ${named.join(', ')}, 但该红包未补发: 只有列出它所有已赔付过的订单 (${need.join(', ')}) 时才补发${missing.length < need.length ? `, 还缺 ${missing.join(', ')}` : ''}。核对后用 --reissue ${need.join(',')} (或 all) 重新运行`,
          `--reissue names order(s) ${named.join(', ')} of voucher ${k}, but it was not re-issued: a voucher is re-issued when --reissue names every order of it already paid (${need.join(', ')})${missing.length < need.length ? `; missing: ${missing.join(', ')}` : ''}. Once checked, run again with --reissue ${need.join(',')} (or all)`,
        ),
      );
    }
  }
  const vouchers = blockedKeys.length;
  if (vouchers > 0) {
    // The ids to give (the orders already paid), as the amount_changed lines give theirs.
    const all = [...new Set(blocked.map((c) => c.orderId))];
    const ids = all.length <= SHOW ? all.join(',') : undefined;
    ctx.warn(
      msg(
        `${vouchers} 个红包因含已赔付订单而未记录 (共 ${blocked.length} 个订单${blocked.length > SHOW ? `, 上面列出前 ${SHOW} 个` : ''}); 每个订单只赔一次, 不论规则集, 行中"待发放"只是还欠的部分。` +
          `核对后用 ${ids ? `--reissue ${ids} (已赔付过的订单; 或 all)` : '--reissue <已赔付过的订单编号,...> (或 all)'} 重新运行: 该红包记录为接替此前的红包, 只发放还欠的部分。`,
        `${vouchers} voucher(s) not recorded because an order in them is already paid (${plural(blocked.length, 'order')}${blocked.length > SHOW ? `, the first ${SHOW} listed above` : ''}); ` +
          `an order is paid once, whatever the rule set, and the row's toIssue is only what is still owed. Check it, then run again with ${ids ? `--reissue ${ids} (the orders already paid; or all)` : '--reissue <the orders already paid,...> (or all)'}: the voucher is recorded taking over the earlier ones, and only what is still owed is to be issued.`,
      ),
    );
    ctx.attention();
  }
  for (const c of reissued.slice(0, SHOW)) {
    ctx.warn(
      msg(
        `红包 ${c.voucherKey} 按 --reissue 记录为补发: 订单 ${c.orderId} 已在红包 ${c.heldBy} (规则 ${c.heldByRules}) 中赔付过`,
        `voucher ${c.voucherKey} recorded as a re-issue (--reissue): order ${c.orderId} was already paid in voucher ${c.heldBy} (rules ${c.heldByRules})`,
      ),
    );
  }
  for (const k of [...new Set(reissued.map((c) => c.voucherKey))].slice(0, SHOW)) owedLine(k, true);
}

/**
 * Tell the operator about every recorded voucher that now comes to another amount (a pickup scan
 * or a corrected export arrived after it was recorded). What was recorded stands. More owed and not
 * recorded needs a person (exit 1): issue the difference, then record it with --reissue.
 */
export function reportChanges(ctx: Ctx, changes: AmountChange[], wholeWithoutLines?: ReadonlyMap<string, string>): void {
  let owed = 0;
  for (const c of changes.slice(0, SHOW)) {
    const diff = new Decimal(c.now).minus(c.recorded);
    const d = diff.abs().toFixed(2);
    const o = new Decimal(c.owed).toFixed(2);
    // What other recorded vouchers already pay of it (one taking it over, RULES 1.2 / 1.3: or the
    // buyer's vouchers for the same day or 24-hour window, toward the cap) is not owed again.
    const capZh = '; 已记录的其他红包 (接替它的, 或同一买家同一天/同一 24 小时窗口计入封顶额的) 已付的部分不再发放';
    const capEn = "; what other recorded vouchers already pay of it (one taking it over, or the buyer's for the same day or 24-hour window, toward the cap) is not owed again";
    const capped = diff.isPositive() && new Decimal(c.owed).lt(diff);
    if (c.movedTo !== undefined) {
      // The same amount, but vouchers that took its money over gave part of it to other orders (ledger.ts movedAway).
      const by = c.movedTo.join(', ');
      const zhWhy = `红包 ${c.voucherKey} 记录为 ${c.recorded}, 金额未变; 但此后记录的红包 ${by} 接替了它的款项, 并把其中一部分用于其他订单 (某份报表把它的订单与别的订单分在同一窗口/同一天)`;
      const enWhy = `voucher ${c.voucherKey} was recorded at ${c.recorded} and still comes to that, but voucher ${by}, recorded since, took its money over and paid other orders with part of it (an export grouped its orders with others in one window or day)`;
      ctx.warn(
        c.toppedUp
          ? msg(`${zhWhy}: 它的订单还差的 ${o} 元已按 --reissue 记录为补发 (${c.voucherKey}+…), 请发放 ${o} 元`, `${enWhy}: the ${o} its orders are still owed was recorded as a top-up (--reissue; ${c.voucherKey}+…); issue ${o}`)
          : msg(
              `${zhWhy}: 它的订单还差 ${o} 元, 未记录。核对后用 --reissue ${c.orderIds.join(',')} 重新运行把差额记录为补发, 再发放差额`,
              `${enWhy}: its orders are owed ${o} more, not recorded. Once checked, run again with --reissue ${c.orderIds.join(',')} to record the difference as a top-up, then issue it`,
            ),
      );
    } else if (c.released !== undefined) {
      // A cap share given back (ledger.ts staleCap): the voucher it was counted for no longer shares its cap.
      const from = (c.releasedFrom ?? []).join(', ');
      const zhWhere = c.inexact ? '同一 24 小时窗口' : '同一天';
      const enWhere = c.inexact ? 'the same 24-hour window' : 'the same day';
      const zhNow = c.now === c.recorded ? '' : `, 现在应为 ${c.now}`;
      const enNow = c.now === c.recorded ? '' : ` and now comes to ${c.now}`;
      // Another shop's (its shop filled in, or 店铺Id and 店铺名称 linked since): not another day.
      const zhSince = c.releasedShop ? `现已确定红包 ${from} 属于另一个店铺 (每家店各自有自己的封顶额)` : `现在的报表不再把它们放在${zhWhere}`;
      const enSince = c.releasedShop ? `voucher ${from} is now known to be another shop's (each shop owes up to its own cap)` : `the export no longer puts them in ${enWhere}`;
      // Told apart only by a row linking an 店铺Id to another 店铺名称: so is a renamed shop's old name.
      const zhLink = c.releasedByLink ? ` (仅因某行把其中一个店铺的 店铺Id 对应到另一个 店铺名称 而分开: 如果店铺改过名, 它们是同一店铺, 不再欠款; 补发前请核实, ${doc('docs/rules.md')} §1.3a)` : '';
      const enLink = c.releasedByLink ? ` (told apart only because a row links one shop's 店铺Id to another 店铺名称: if the shop was renamed, they are one shop and nothing more is owed; check before issuing, ${doc('docs/rules.md')} §1.3a)` : '';
      const zhWhy = `红包 ${c.voucherKey} 记录为 ${c.recorded}, 其中 ${c.released} 按共用封顶额算作红包 ${from} 已付; ${zhSince}${zhLink}${zhNow}`;
      const enWhy = `voucher ${c.voucherKey} was recorded at ${c.recorded}, ${c.released} of it counted as paid by voucher ${from} toward a shared cap; ${enSince}${enLink}${enNow}`;
      ctx.warn(
        c.toppedUp
          ? msg(`${zhWhy}: 还差的 ${o} 元已按 --reissue 记录为补发 (${c.voucherKey}+…), 请发放 ${o} 元`, `${enWhy}: the ${o} still owed was recorded as a top-up (--reissue; ${c.voucherKey}+…); issue ${o}`)
          : msg(
              `${zhWhy}: 还差 ${o} 元, 未记录。核对后用 --reissue ${c.orderIds.join(',')} 重新运行把差额记录为补发, 再发放差额`,
              `${enWhy}: ${o} more is owed and was not recorded. Once checked, run again with --reissue ${c.orderIds.join(',')} to record the difference as a top-up, then issue it`,
            ),
      );
    } else if (c.toppedUp) {
      ctx.warn(
        msg(
          `红包 ${c.voucherKey} 记录为 ${c.recorded}, 现在应为 ${c.now}: 差额 ${d} 已按 --reissue 记录为补发 (${c.voucherKey}+…)${capped ? capZh : ''}, 请发放 ${o} 元`,
          `voucher ${c.voucherKey} was recorded at ${c.recorded} and now comes to ${c.now}: the difference, ${d}, was recorded as a top-up (--reissue; ${c.voucherKey}+…)${capped ? capEn : ''}; issue ${o}`,
        ),
      );
    } else if (diff.isPositive() && new Decimal(c.owed).isZero()) {
      ctx.warn(
        msg(
          `红包 ${c.voucherKey} 记录为 ${c.recorded}, 现在应为 ${c.now}, 但已记录的其他红包 (接替它的, 或同一买家同一天/同一 24 小时窗口已达封顶额的) 已付了差额: 不再欠款, 未记录`,
          `voucher ${c.voucherKey} was recorded at ${c.recorded} and now comes to ${c.now}, but other recorded vouchers already pay the difference (one taking it over, or the buyer's for the same day or 24-hour window, up to the cap): nothing more is owed, nothing recorded`,
        ),
      );
    } else if (diff.isPositive()) {
      // This run read no item report while the voucher's rule set prices each line (tmall-2026, RULES
      // 1.3): an order of several lines was priced as one here, which a run with the item report does
      // not do, so the difference may be only that (money54: 100.00 recorded with the lines, L1 1000.00
      // 24 h late 50.00 + L2 500.00 out of stock 50.00; the order report alone, 10 % × 1510.00 = 151.00:
      // "51.00 more"). Said last, after what to do once checked.
      const rules = wholeWithoutLines?.get(c.voucherKey);
      const linesZh = rules
        ? ` (本次运行没有宝贝报表: ${rules} 按子订单计价, 没有宝贝报表时多个子订单的订单按整单计价; 如果记录它的那次运行有宝贝报表, 差额可能只是因此而来, 并不欠款: 请先加上宝贝报表重新运行核对)`
        : '';
      const linesEn = rules
        ? ` (this run read no item report (宝贝报表): ${rules} prices each line on its own, and without the item report an order of several lines is priced as one; if the run that recorded it had the item report, the difference may be only that, nothing owed: run again with the item report to check first)`
        : '';
      ctx.warn(
        msg(
          `红包 ${c.voucherKey} 记录为 ${c.recorded}, 现在应为 ${c.now} (订单的揽收时间或金额有变)${capped ? capZh : ''}: 还差 ${o} 元, 未记录。核对后用 --reissue ${c.orderIds.join(',')} 重新运行把差额记录为补发, 再发放差额${linesZh}`,
          `voucher ${c.voucherKey} was recorded at ${c.recorded} and now comes to ${c.now} (its orders' ship times or amounts changed)${capped ? capEn : ''}: ${o} more is owed and was not recorded. Once checked, run again with --reissue ${c.orderIds.join(',')} to record the difference as a top-up, then issue it${linesEn}`,
        ),
      );
    } else {
      ctx.warn(
        msg(
          `红包 ${c.voucherKey} 记录为 ${c.recorded}, 现在只应为 ${c.now}: 多付了 ${d} 元; 记录不变, 请核对输入文件`,
          `voucher ${c.voucherKey} was recorded at ${c.recorded} and now comes to only ${c.now}: ${d} was paid beyond what its orders now show; the record stands, check the inputs`,
        ),
      );
    }
  }
  for (const c of changes) if (!c.toppedUp && new Decimal(c.owed).gt(0)) owed++;
  if (changes.length > SHOW) {
    ctx.warn(msg(`共 ${changes.length} 个已记录红包的金额有变, 上面列出前 ${SHOW} 个`, `${changes.length} recorded vouchers now come to another amount; the first ${SHOW} are listed above`));
  }
  if (owed > 0) ctx.attention();
}

/**
 * Tell the operator about every voucher recorded (or shown) for less than it comes to because the
 * buyer's other vouchers, recorded for the same day (or an overlapping 24-hour window), already
 * paid toward the combined cap (RULES 1.2 / 1.3 第十二条). Overlapping 24-hour windows cannot be
 * regrouped from the ledger: a person checks them (exit 1).
 */
/**
 * Tell the operator about every voucher held back (not recorded, status 'held'): its 24-hour window
 * (RULES 1.2, our reading) turns on whether recorded orders the export lacks open a window of their
 * own, which only the buyer's earlier orders can tell (ledger.ts unclearWindow). Not issued, exit 1.
 */
export function reportHeld(ctx: Ctx, held: HeldVoucher[]): void {
  if (held.length === 0) return;
  for (const h of held.slice(0, SHOW)) {
    const ids = h.missing.slice(0, SHOW).join(', ') + (h.missing.length > SHOW ? ' …' : '');
    ctx.warn(
      msg(
        `红包 ${h.voucherKey} 未记录, 暂不发放: 它的 24 小时窗口取决于同一买家的订单 ${ids} (记录在红包 ${h.between.join(', ')} 中, 在它之前不久开启窗口), 但这份报表里没有这些订单; 它们是否自成一个窗口决定本红包订单的归属, 这取决于买家更早的订单, 账本只记录各窗口的开启时间, 无法判断。若窗口成立, 欠 ${h.owed} 元。请用包含这些订单 (以及该买家更早订单) 的报表重新运行`,
        `voucher ${h.voucherKey} was not recorded and is not to be issued yet: its 24-hour window turns on the buyer's orders ${ids} (recorded in voucher ${h.between.join(', ')}, opening a window shortly before it), which this export lacks; whether they open a window of their own decides where its orders fall, and that turns on the buyer's earlier orders: the ledger keeps only where each window opened and cannot tell. If its window stands, ${h.owed} is owed. Run again with an export holding those orders (and the buyer's earlier ones)`,
      ),
    );
  }
  if (held.length > SHOW) ctx.warn(msg(`共 ${held.length} 个红包因 24 小时窗口不明未记录, 上面列出前 ${SHOW} 个`, `${held.length} vouchers were held because their 24-hour window cannot be told; the first ${SHOW} are listed above`));
  ctx.attention();
}

/**
 * `caps`: each voucher's cap (its rule set's, RULES 1.2 / 1.3 第十二条), by key. The message gives
 * what the operator acts on: the cap, what the day's (or window's) recorded vouchers already paid
 * toward it, and what is left to issue. `byCap` alone is only the part of this voucher over the cap
 * (a 5.00 voucher on a day already paid 500.00 has byCap 5.00): said as "paid 5.00 toward the same
 * cap" it read as if the day had paid 5.00. What they paid toward it is the cap less the room this
 * voucher still had: cap − (amount − byCap) (500.00 − (5.00 − 5.00) = 500.00).
 */
export function reportCapped(ctx: Ctx, status: Map<string, RecordStatus>, covers: Cover[], amounts: Map<string, string>, caps: Map<string, string> = new Map()): void {
  let inexact = 0;
  const capped = covers.filter((c) => c.byCap !== undefined && new Decimal(c.byCap).gt(0));
  // A conflict or re-issue says it in its own line (reportConflicts: "of which … was paid").
  const own = capped.filter((c) => status.get(c.voucherKey) !== 'conflict' && status.get(c.voucherKey) !== 'reissued');
  for (const c of own.slice(0, SHOW)) {
    const amount = amounts.get(c.voucherKey);
    if (amount === undefined) continue;
    const rest = Decimal.max(0, new Decimal(amount).minus(c.covered)).toFixed(2);
    const recorded = status.get(c.voucherKey) === 'new';
    const cap = caps.get(c.voucherKey);
    const left = Decimal.max(0, new Decimal(amount).minus(c.byCap!));
    const paid = cap === undefined ? c.byCap! : Decimal.max(0, new Decimal(cap).minus(left)).toFixed(2);
    const zhWhen = c.inexact ? '重叠的 24 小时窗口' : '同一天';
    const enWhen = c.inexact ? 'the overlapping 24-hour window' : 'that day';
    const zhCap = cap === undefined ? '' : `同一买家${c.inexact ? '一个 24 小时窗口' : '同一天'}的封顶额为 ${cap}, `;
    const enCap = cap === undefined ? '' : `the buyer's cap for ${c.inexact ? 'a 24-hour window' : 'the day'} is ${cap}, and `;
    ctx.warn(
      msg(
        `红包 ${c.voucherKey} 合计 ${amount}; ${zhCap}${zhWhen}已记录的红包已付 ${paid} 计入${cap === undefined ? '同一' : '该'}封顶额${cap === undefined ? '' : `, 还剩 ${left.toFixed(2)}`}: ${recorded ? '只需发放' : '最多还欠'} ${rest}`,
        `voucher ${c.voucherKey} comes to ${amount}; ${enCap}the vouchers recorded for ${enWhen} already paid ${paid} toward ${cap === undefined ? 'the same cap' : 'it'}${cap === undefined ? '' : `, leaving ${left.toFixed(2)}`}: ${recorded ? 'issue only' : 'at most'} ${rest}${recorded ? '' : ' is owed'}`,
      ),
    );
  }
  for (const c of capped) if (c.inexact) inexact++;
  // Caps are per shop (schema 9), but a voucher without a shop (recorded before schema 9, or from
  // an export naming none) counts toward every shop's cap of its buyer, and one without a shop is
  // capped with all of them (ledger.ts recordVouchers: short, never past a cap). Said when such a
  // cap took money from recorded vouchers none of whose orders is in the exports: they may be
  // another shop's (a partial export of the same shop looks the same: hence "if").
  const elsewhere = capped.filter((c) => c.capElsewhere).length;
  if (elsewhere > 0) {
    ctx.warn(
      msg(
        `${elsewhere} 个红包按已记录的红包封顶扣减, 而那些红包的订单都不在本次的报表中: 如果它们来自另一个店铺的报表, 说明两个店铺共用了这个状态数据库, 买家的封顶额被错误地合并 (每家店各自有自己的封顶额): 每个店铺使用自己的 --state, 并按店铺分别重新运行`,
        `${elsewhere} voucher(s) were capped with recorded vouchers none of whose orders are in this run's exports: if those came from another shop's export, the two shops share this state database and the buyer's cap was wrongly shared (each shop owes up to its own cap): give each shop its own --state, and run each shop apart`,
      ),
    );
  }
  // Schema 10: recorded vouchers of a shop named the other way (店铺Id vs 店铺名称) that no export
  // row has linked to this voucher's shop may be this shop's: counted toward the cap, never paid twice.
  const unlinked = capped.filter((c) => c.capUnlinked).length;
  if (unlinked > 0) {
    ctx.warn(
      msg(
        `${unlinked} 个红包按另一种写法 (店铺Id / 店铺名称; 或第 10 版之前记录、写法未知) 记录的店铺的红包封顶扣减: 没有任何报表行把这两种写法对应起来, 可能是同一店铺, 为避免重复赔付已计入封顶额。如果确实是两个不同的店铺, 用该店同时含 店铺Id 和 店铺名称 两列的完整报表再运行一次: 对应关系会被记住, 运行会说明还欠多少, 再加 --reissue 记录补发`,
        `${unlinked} voucher(s) were capped with recorded vouchers of a shop named the other way (店铺Id vs 店铺名称, or recorded before schema 10 without saying which) that no export row links to theirs: it may be the same shop, so they were counted toward the cap rather than paid twice. If they are really two shops, run this shop's full export (both the 店铺Id and 店铺名称 columns) once more: the pair is remembered, the run says what is still owed, and --reissue records the top-up`,
      ),
    );
    ctx.attention();
  }
  if (inexact > 0) {
    ctx.warn(
      msg(
        `${inexact} 个红包的 24 小时窗口与已记录的红包重叠, 已按封顶额扣减; 账本无法重新分组这些窗口, 请把相关报表一起运行核对 (开窗 24 小时后付款的订单可能另行应赔)`,
        `${inexact} voucher(s) overlap the 24-hour window of a recorded voucher and were capped with it; the ledger cannot regroup these windows: run the exports together to check (an order paid more than 24 h after a window opened may be owed apart)`,
      ),
    );
    ctx.attention();
  }
}

/**
 * Vouchers the export shows the platform paid (RULES 1.4) whose orders the shop had already paid in
 * a recorded voucher (issued before the platform's payout showed in the export): the buyer was paid
 * twice. Nothing can be recorded or taken back here: a person reconciles it with the platform (exit 1
 * the first time; later runs list it again without failing).
 */
export function reportPlatformClashes(ctx: Ctx, clashes: PlatformClash[], platformPaid: Map<string, string>): void {
  if (clashes.length === 0) return;
  const when = (t: number) => ctx.tz.format(t);
  // Said once per voucher the platform paid, naming its orders (by the recorded voucher that paid
  // them): a two-order voucher said the same "paid twice" twice, once per order.
  const byVoucher = new Map<string, Map<string, PlatformClash[]>>();
  for (const c of clashes) {
    const held = byVoucher.get(c.voucherKey) ?? new Map<string, PlatformClash[]>();
    byVoucher.set(c.voucherKey, held);
    held.set(c.heldBy, [...(held.get(c.heldBy) ?? []), c]);
  }
  for (const [key, held] of [...byVoucher].slice(0, SHOW)) {
    const paid = platformPaid.get(key) ?? '?';
    const groups = [...held.values()];
    const before = groups.every((g) => g.every((c) => c.reportedBefore));
    const zh = groups.map((g) => `订单 ${g.map((c) => c.orderId).join('、')} 已在店铺发放的红包 ${g[0]!.heldBy} 中赔付 (规则 ${g[0]!.heldByRules}, 记录于 ${when(g[0]!.heldSince)})`).join('; ');
    const en = groups
      .map((g, k) => `${g.length === 1 ? 'order' : 'orders'} ${g.map((c) => c.orderId).join(', ')} ${k === 0 ? (g.length === 1 ? 'was already paid' : 'were already paid') : ''}${k === 0 ? ' ' : ''}in voucher ${g[0]!.heldBy}${k === 0 ? ' the shop issued' : ''} (rules ${g[0]!.heldByRules}, recorded ${when(g[0]!.heldSince)})`)
      .join(' and ');
    ctx.warn(
      msg(
        `红包 ${key}: 报表显示平台已赔付 ${paid}, 但${zh}: 重复赔付, 请与平台核对 (申诉)${before ? ' (此前已报告)' : ''}`,
        `voucher ${key}: the export shows the platform paid ${paid}, but ${en}: paid twice; reconcile it with the platform (appeal)${before ? ' (reported before)' : ''}`,
      ),
    );
  }
  if (byVoucher.size > SHOW) {
    ctx.warn(
      msg(
        `共 ${byVoucher.size} 个平台已赔付的红包 (${clashes.length} 个订单) 也在已记录的红包中赔付过, 上面列出前 ${SHOW} 个`,
        `${byVoucher.size} vouchers the platform paid (${clashes.length} orders) were also paid in a recorded voucher; the first ${SHOW} are listed above`,
      ),
    );
  }
  if (clashes.some((c) => !c.reportedBefore)) ctx.attention();
}
