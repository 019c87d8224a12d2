// The "already paid" conflict report of `compensate --record`, and --reissue (the explicit,
// recorded way to pay an order again). The check itself is in the ledger's write transaction
// (ledger.ts recordVouchers); this file only words its answer.
import type { Ctx } from '../cli/context.js';
import { UsageError, msg } from '../cli/errors.js';
import type { Clash, RecordStatus } from './ledger.js';

/** How many conflicting orders are listed on stderr; the count is always given in full. */
const SHOW = 20;

/**
 * `--reissue all` or `--reissue 123,456`: which orders may be paid again on purpose. Undefined
 * means none. An empty or malformed list is a usage error, never "all".
 */
export function parseReissue(value: unknown, record: boolean): ((orderId: string) => boolean) | undefined {
  if (value === undefined || value === false) return undefined;
  if (!record) {
    throw new UsageError(msg('--reissue 只能与 --record 一起用', '--reissue works only with --record'));
  }
  const text = String(value).trim();
  if (text === 'all') return () => true;
  const ids = text.split(/[,;\s]+/).filter((s) => s !== '');
  if (ids.length === 0 || !ids.every((id) => /^[0-9A-Za-z_-]+$/.test(id))) {
    throw new UsageError(
      msg(`--reissue 需要订单编号列表 (逗号分隔) 或 all, 收到 "${text}"`, `--reissue takes order ids (comma-separated) or all, got "${text}"`),
      msg('例如: --reissue 3515313147329357901,3515313147329357902', 'for example: --reissue 3515313147329357901,3515313147329357902'),
    );
  }
  const set = new Set(ids);
  return (id) => set.has(id);
}

/**
 * Tell the operator about every voucher that was not recorded because one of its orders is already
 * paid in another recorded voucher (any rule set), and about deliberate re-issues. Conflicts need
 * a person: the run ends with exit 1.
 */
export function reportConflicts(ctx: Ctx, status: Map<string, RecordStatus>, clashes: Clash[]): void {
  const blocked = clashes.filter((c) => status.get(c.voucherKey) === 'conflict');
  const reissued = clashes.filter((c) => status.get(c.voucherKey) === 'reissued');
  const when = (t: number) => ctx.tz.format(t);
  for (const c of blocked.slice(0, SHOW)) {
    ctx.warn(
      msg(
        `红包 ${c.voucherKey} 未记录: 订单 ${c.orderId} 已在红包 ${c.heldBy} 中赔付 (规则 ${c.heldByRules}, 记录于 ${when(c.heldSince)})`,
        `voucher ${c.voucherKey} not recorded: order ${c.orderId} is already paid in voucher ${c.heldBy} (rules ${c.heldByRules}, recorded ${when(c.heldSince)})`,
      ),
    );
  }
  const vouchers = new Set(blocked.map((c) => c.voucherKey)).size;
  if (vouchers > 0) {
    ctx.warn(
      msg(
        `${vouchers} 个红包因含已赔付订单而未记录 (共 ${blocked.length} 个订单${blocked.length > SHOW ? `, 上面列出前 ${SHOW} 个` : ''}); 每个订单只赔一次, 不论规则集。` +
          '核对后如确需再赔, 用 --reissue <订单编号,...> (或 all) 重新运行, 该红包会记录为补发。',
        `${vouchers} voucher(s) not recorded because an order in them is already paid (${blocked.length} orders${blocked.length > SHOW ? `, the first ${SHOW} listed above` : ''}); ` +
          'an order is paid once, whatever the rule set. If a second payment is really meant, run again with --reissue <orderId,...> (or all): the voucher is recorded as a re-issue.',
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
}
