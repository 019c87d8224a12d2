// `storeops compensate` options → a typed request (SPEC "compensate"). No business rules here.
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../context.js';
import { configKey, section } from '../config.js';
import { type Msg, UsageError, msg } from '../errors.js';
import { halfWidth } from '../io/cells.js';
import { BASE_RULES, type BaseRule } from './payout.js';

export interface Request {
  files: string[];
  rules: string;
  shipWithin?: number;
  shipments?: string;
  deliveryFailures?: string;
  exclude?: string;
  /** --direct-mail: order ids the shop ships as overseas direct mail (RULES 1.3c). */
  directMail?: string;
  /** --holidays / config compensate.holidays (beside the config file): the origin's public holidays (RULES 1.3c). */
  holidays?: string;
  /** Where `holidays` came from, for messages: --holidays or the config key. */
  holidaysFrom?: Msg;
  by: 'voucher' | 'order';
  atRisk?: number;
  record: boolean;
  /** --reissue: orders that may be paid again on purpose (recorded as re-issues). */
  reissue?: (orderId: string) => boolean;
  /** The order ids --reissue names (undefined: none given, or `all`). */
  reissueIds?: string[];
  failOnNew: boolean;
  /**
   * --new-shop: with --record, record a shop this state database holds nothing of beside the other
   * shops it holds (two shops sharing one database on purpose); without it such a run is refused.
   */
  newShop: boolean;
  /** --base / config; undefined (or 'auto'): the base each rule set names. */
  base: BaseRule | undefined;
}

function positiveHours(v: unknown, given: string | Msg, example: number, asWritten = typeof given === 'string' ? `${given} ${example}` : `"shipWithin": ${example}`): number | undefined {
  if (v === undefined) return undefined;
  // Full-width digits (１２, typed with a Chinese input method's full-width mode) are the same
  // digits, as for --as-of and the other commands' numbers, and the unit may follow (48小时, 48h):
  // `--at-risk １２` stopped with "takes a positive number of hours, got "１２"" (user28).
  const text = typeof v === 'number' ? String(v) : halfWidth(String(v)).trim().replace(/\s*(?:小时|个小时|hours?|hrs?|h)$/i, '');
  const n = text === '' ? NaN : Number(text);
  if (!Number.isFinite(n) || n <= 0 || n > 24 * 365) {
    const flag = typeof given === 'string' ? msg(given, given) : given;
    throw new UsageError(
      msg(`${flag.zh} 需要正的小时数, 收到 "${String(v)}"`, `${flag.en} takes a positive number of hours, got "${String(v)}"`),
      msg(`写成小时数, 例如 ${asWritten} (两天写 48)。`, `write a number of hours, e.g. ${asWritten} (two days: 48).`),
    );
  }
  return n;
}

export function toRequest(ctx: Ctx, args: string[], opts: Record<string, unknown>): Request {
  if (args.length === 0) {
    throw new UsageError(msg('缺少订单报表文件', 'no order export given'), msg('例如: storeops compensate ExportOrderList202611.csv', 'e.g. storeops compensate ExportOrderList202611.csv'));
  }
  const cfg = section(ctx.config, 'compensate');
  // An unknown key here (compensate.shipwithin) stops compensate when the config is read (context.ts).
  const by = String(opts.by ?? 'voucher');
  if (by !== 'voucher' && by !== 'order') throw new UsageError(msg(`--by 只接受 voucher 或 order, 收到 "${by}"`, `--by takes voucher or order, got "${by}"`));
  // --at-risk lists unshipped orders instead of vouchers, one row per order with its deadline and
  // cost if late; --by shapes the voucher list (a voucher or a late order's working a row). Given
  // both, --by was dropped without a word: a cron job asking for each late order's working got the
  // at-risk list's columns.
  if (opts.by !== undefined && opts.atRisk !== undefined) {
    throw new UsageError(
      msg(`--at-risk 与 --by ${by} 不能一起用: --at-risk 列出即将超时或已超时的未发货订单 (每单一行, 含截止时间和若超时的赔付), 不是红包; --by 只决定红包列表的行`, `--at-risk does not go with --by ${by}: --at-risk lists unshipped orders due soon or already late (one row per order, with its deadline and cost if late), not vouchers; --by only shapes the voucher list`),
      msg('去掉 --by 得到即将超时的订单; 另行运行不带 --at-risk 的 --by order 查看每个延迟订单的计算。', 'drop --by for the orders going late; run --by order without --at-risk to see each late order\'s working.'),
    );
  }
  // --record commits what a run tells the operator to issue (the voucher rows: recorded, toIssue);
  // order rows show only each order's working, before the cap, with no word of what was recorded,
  // so every hourly run would list the same orders again as if owed.
  if (by === 'order' && opts.record) {
    throw new UsageError(
      msg('--record 与 --by order 不能一起用: 逐单明细不显示哪些红包已记录、还需发放多少 (封顶前的金额)', '--record does not go with --by order: order rows show neither what was recorded nor what is to issue (their amounts are before the cap)'),
      msg('用 --record 记录并列出红包 (默认 --by voucher); 另行运行不带 --record 的 --by order 查看每单的计算。', 'record with the voucher rows (the default --by voucher); run --by order without --record to see each order\'s working.'),
    );
  }
  // --at-risk with --record: the warning that it records nothing is said by compensate (run.ts
  // atRiskRecordWarning) once every option has been checked, never before a usage error.
  const failOn = opts.failOn as string | undefined;
  if (failOn !== undefined && failOn !== 'new-vouchers') {
    throw new UsageError(
      msg(`--fail-on 只接受 new-vouchers, 收到 "${failOn}"`, `--fail-on takes new-vouchers, got "${failOn}"`),
      msg(
        '写 --fail-on new-vouchers: 本次运行发现以前没有记录过的待发红包时退出码为 1 (用于 cron 报警)。',
        'write --fail-on new-vouchers: the run exits 1 when it finds vouchers to issue that were not recorded before (a cron alert).',
      ),
    );
  }
  // --new-shop lets a --record run add a shop to a state database holding other shops: alone it does nothing.
  if (opts.newShop && !opts.record) {
    throw new UsageError(
      msg('--new-shop 只能与 --record 一起用: 它允许把状态数据库从未记录过的店铺记录进去; 不加 --record 什么都不记录', '--new-shop works only with --record: it lets the run record a shop the state database has held nothing of; without --record nothing is recorded'),
      msg('去掉 --new-shop, 或加上 --record。', 'leave --new-shop out, or add --record.'),
    );
  }
  // It alerts on vouchers the run records: without --record nothing is recorded, so it never fired
  // and a cron job written without --record exited 0 every hour, vouchers to issue or not.
  if (failOn === 'new-vouchers' && !opts.record) {
    throw new UsageError(
      msg(
        '--fail-on new-vouchers 只能与 --record 一起用: 它在本次运行新记录了待发红包时以退出码 1 提醒; 不加 --record 什么都不记录, 永远不会提醒',
        '--fail-on new-vouchers works only with --record: it exits 1 when the run records new vouchers to issue; without --record nothing is recorded, so it would never fire',
      ),
      msg(
        '加上 --record (定时任务: storeops compensate <订单文件> --record --fail-on new-vouchers -o 红包.xlsx); 不记录时, 摘要中的 "现在发放" 总额就是要发放的金额。',
        'add --record (cron: storeops compensate EXPORT.csv --record --fail-on new-vouchers -o vouchers.xlsx); without recording, the summary\'s total to issue says what to issue.',
      ),
    );
  }
  const baseText = String(opts.base ?? cfg.base ?? 'auto');
  if (baseText !== 'auto' && !BASE_RULES.includes(baseText as BaseRule)) {
    const from = opts.base === undefined ? configKey(ctx.configPath, 'compensate.base') : msg('--base', '--base');
    throw new UsageError(msg(`${from.zh} 只接受 auto / ${BASE_RULES.join(' / ')}, 收到 "${baseText}"`, `${from.en} takes auto / ${BASE_RULES.join(' / ')}, got "${baseText}"`));
  }
  const base = baseText === 'auto' ? undefined : (baseText as BaseRule);
  return {
    files: args,
    rules: opts.rules !== undefined ? String(opts.rules) : configRules(ctx, cfg.rules),
    shipWithin: positiveHours(opts.shipWithin ?? cfg.shipWithin, opts.shipWithin === undefined ? configKey(ctx.configPath, 'compensate.shipWithin') : '--ship-within', 48),
    shipments: opts.shipments as string | undefined,
    deliveryFailures: opts.deliveryFailures as string | undefined,
    exclude: opts.exclude as string | undefined,
    directMail: opts.directMail as string | undefined,
    ...holidaysOf(ctx, opts.holidays, cfg.holidays),
    by,
    atRisk: opts.atRisk === undefined ? undefined : positiveHours(opts.atRisk, '--at-risk', 12),
    record: Boolean(opts.record),
    reissue: parseReissue(opts.reissue, Boolean(opts.record)),
    reissueIds: reissueIds(opts.reissue),
    failOnNew: failOn === 'new-vouchers',
    newShop: Boolean(opts.newShop),
    base,
  };
}

// Commas and semicolons, also as the Chinese input method types them (，、；: user20's exit 2), and spaces.
const splitIds = (text: string) => text.split(/[,;，、；\s]+/).filter((s) => s !== '');

/** The ids a valid `--reissue 123,456` names (parseReissue has checked them); undefined for none or `all`. */
function reissueIds(value: unknown): string[] | undefined {
  if (value === undefined || value === false) return undefined;
  const text = String(value).trim();
  return text === 'all' ? undefined : [...new Set(splitIds(text))];
}

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
  const ids = splitIds(text);
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
 * `compensate.rules` in the config file: a rule file's path is relative to the config file, as every
 * path in it is (docs/cli.md "Config file"), so a cron job that names the config from another folder
 * finds the same file. Until 2026-12 it was relative to the current folder: `STOREOPS_CONFIG=/srv/pdd/
 * storeops.config.json` with `"rules": "my-pdd.json"` run from / failed with "cannot read rule file
 * /my-pdd.json". A file found only in the current folder stops the run (exit 2) asking for the full
 * path, never a guess between two files.
 */
function configRules(ctx: Ctx, value: unknown): string {
  const text = String(value ?? 'auto');
  const isPath = text.endsWith('.json') || text.includes('/') || text.includes(path.sep);
  if (value === undefined || !ctx.configPath || !isPath || path.isAbsolute(text)) return text;
  const beside = path.resolve(path.dirname(ctx.configPath), text);
  const here = path.resolve(ctx.io.cwd, text);
  if (beside !== here && !fs.existsSync(beside) && fs.existsSync(here)) {
    const key = configKey(ctx.configPath, 'compensate.rules');
    throw new UsageError(
      msg(`${key.zh}: 规则文件 "${text}" 按配置文件所在的文件夹找不到 (${beside}), 当前文件夹里有 (${here})`, `${key.en}: the rule file "${text}" is not beside the config file (${beside}), but the current folder has one (${here})`),
      msg('配置文件中的路径相对于配置文件; 请写出完整路径。', 'paths in the config file are relative to the config file: write the full path.'),
    );
  }
  return beside;
}

/**
 * --holidays FILE, else config `compensate.holidays` (a path relative to the config file, as every path
 * in it is: the list of a shop's origin holidays is kept beside its config and changes once a year).
 */
function holidaysOf(ctx: Ctx, flag: unknown, value: unknown): { holidays?: string; holidaysFrom?: Msg } {
  if (flag !== undefined) return { holidays: String(flag), holidaysFrom: msg('--holidays', '--holidays') };
  if (value === undefined || value === null) return {};
  const key = configKey(ctx.configPath, 'compensate.holidays');
  if (typeof value !== 'string' || value.trim() === '') {
    throw new UsageError(msg(`${key.zh} 需要节假日文件的路径, 收到 ${JSON.stringify(value)}`, `${key.en} takes the path of a holiday file, got ${JSON.stringify(value)}`), msg('例如 "holidays": "holidays-jp.csv" (相对于配置文件所在的文件夹)', 'e.g. "holidays": "holidays-jp.csv" (relative to the config file\'s folder)'));
  }
  const file = ctx.configPath && !path.isAbsolute(value) ? path.resolve(path.dirname(ctx.configPath), value) : value;
  return { holidays: file, holidaysFrom: key };
}
