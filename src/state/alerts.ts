// `storeops ledger alerts`: the notify alerts held in the state database (docs/notify.md "Only news":
// a voucher alert a robot did not accept is kept under `held:<robot id>` and posted again by the
// next run that notifies that robot). Lists them; `--drop <id>` drops one, `--drop all` every one
// (of `--shop`), after a confirmation (`--yes` for cron). Until 2026-12 the operator could not drop
// one: an alert for a robot removed for good, or already dealt with, was held (and warned of) for ever.
import fs from 'node:fs';
import { confirmYes } from '../cli/confirm.js';
import type { Ctx } from '../context.js';
import { type Msg, UsageError, msg, plural } from '../errors.js';
import type { Column, Row } from '../io/columns.js';
import { writeRows } from '../io/output.js';
import { shownNick } from '../io/pii.js';
import { robotShown } from '../notify/target.js';
import { type HeldNotice, type StateDb, openState } from './ledger.js';
import { nothingListed } from './run.js';

export const ALERT_COLUMNS: readonly Column[] = [
  // What the operator types next (`--drop <id>`, `--shop <shop>`): never cut in the terminal table
  // (at 80 columns the id showed as voucher:v0c7d…, which --drop cannot take).
  { key: 'id', zh: '编号', en: 'id', type: 'text', whole: true },
  { key: 'robot', zh: '机器人', en: 'robot', type: 'text' },
  { key: 'shop', zh: '店铺', en: 'shop', type: 'text', whole: true },
  { key: 'heldSince', zh: '保留自', en: 'heldSince', type: 'time' },
  { key: 'text', zh: '内容', en: 'text', type: 'text' },
];

interface Held {
  target: string;
  h: HeldNotice;
  shop: string | null;
}

/** The recorded voucher an alert is about: `voucher:<key>` or a top-up's `voucher:<key>@<amount>`. */
const voucherOf = (key: string) => (key.startsWith('voucher:') ? key.slice('voucher:'.length).replace(/@.*$/, '') : undefined);

function heldAll(db: StateDb): Held[] {
  const all: { target: string; h: HeldNotice }[] = [];
  for (const target of db.heldTargets()) for (const h of db.heldNotices(target)) all.push({ target, h });
  const shops = db.voucherShops([...new Set(all.flatMap(({ h }) => voucherOf(h.key) ?? []))]);
  all.sort((a, b) => a.h.since - b.h.since || (a.h.key < b.h.key ? -1 : a.h.key > b.h.key ? 1 : 0) || (a.target < b.target ? -1 : 1));
  return all.map((x) => ({ ...x, shop: shops.get(voucherOf(x.h.key) ?? '') ?? null }));
}

export async function runLedgerAlerts(ctx: Ctx, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const shop = typeof opts.shop === 'string' && opts.shop.trim() !== '' ? opts.shop.trim() : undefined;
  const drop = typeof opts.drop === 'string' ? opts.drop.trim() : undefined;
  if (drop === '') throw new UsageError(msg('--drop 需要通知编号或 all', '--drop takes an alert id or all'), listHint());
  if (drop !== undefined && drop !== 'all' && shop !== undefined) {
    throw new UsageError(
      msg(`--shop 与 --drop ${drop} 不能一起用: 编号已确定是哪一条通知`, `--shop does not go with --drop ${drop}: the id names the alert`),
      msg('删除一个店铺保留的全部通知: --drop all --shop <店铺>; 删除一条: --drop <编号>。', "to drop every alert held for a shop: --drop all --shop <shop>; one: --drop <id>."),
    );
  }
  if (opts.yes && drop !== 'all') throw new UsageError(msg('--yes 只用于 --drop all', '--yes goes only with --drop all'));
  const existed = fs.existsSync(ctx.statePath);
  if (!existed) {
    if (drop !== undefined && drop !== 'all') throw new UsageError(noSuch(drop, ctx.statePath), listHint());
    return nothingHeld(ctx, drop !== undefined, msg(`没有保留的通知: 状态数据库 ${ctx.statePath} 还不存在`, `no alerts held: no state database at ${ctx.statePath}`));
  }
  // Listing only reads (never creates nor changes the database); a drop writes, as a delivered alert's release does.
  const db = await openState(ctx.statePath, { create: drop !== undefined });
  try {
    const all = heldAll(db);
    const shown = shop === undefined ? all : all.filter((x) => x.shop === shop);
    const none = shop === undefined
      ? msg(`没有保留的通知 (${db.path})`, `no alerts held in ${db.path}`)
      : msg(`店铺 ${shop} 没有保留的通知 (${db.path})`, `no alerts held for shop ${shop} in ${db.path}`);
    if (drop === undefined) {
      if (shown.length === 0) return nothingHeld(ctx, false, none);
      await writeRows(ctx, ALERT_COLUMNS, shown.map((x): Row => ({ id: x.h.key, robot: robotShown(x.target), shop: x.shop === null ? null : ctx.showPii ? x.shop : shownNick(x.shop), heldSince: x.h.since, text: x.h.text })));
      // An alert held for two robots (a replaced robot's items taken over) is one alert, two rows.
      const alerts = new Set(shown.map((x) => x.h.key)).size;
      const robots = new Set(shown.map((x) => x.target)).size;
      ctx.info(
        msg(
          `${alerts} 条保留的通知, ${robots} 个机器人 (${db.path}): 下次向该机器人发通知的运行会补发; 不再需要的用 storeops ledger alerts --drop <编号> 删除`,
          `${plural(alerts, 'held alert')} for ${plural(robots, 'robot')} (${db.path}): the next run notifying a robot posts what is held for it; drop one no longer wanted with storeops ledger alerts --drop <id>`,
        ),
      );
      return;
    }
    if (drop !== 'all') {
      // The id as listed (`voucher:v0c7…`), or the voucher key alone.
      const id = drop.startsWith('voucher:') ? drop : `voucher:${drop}`;
      const hit = all.filter((x) => x.h.key === id);
      if (hit.length === 0) throw new UsageError(noSuch(drop, db.path), listHint());
      dropHeld(db, hit);
      const robots = hit.map((x) => robotShown(x.target)).join(', ');
      const h = hit[0]!.h;
      const since = ctx.tz.format(h.since).slice(0, 16);
      ctx.io.stderr.write(
        ctx.t(
          msg(
            `storeops: 已删除保留的通知 ${id} ("${h.text}", 自 ${since} 保留给机器人 ${robots}): 不会再发送`,
            `storeops: dropped held alert ${id} ("${h.text}", held since ${since} for ${hit.length === 1 ? 'robot' : 'robots'} ${robots}): it will not be posted`,
          ),
        ) + '\n',
      );
      return;
    }
    if (shown.length === 0) return nothingHeld(ctx, true, none);
    const alerts = new Set(shown.map((x) => x.h.key)).size;
    const what = shop === undefined
      ? msg(` ${db.path} 中保留的全部 ${alerts} 条通知`, alerts === 1 ? `the 1 held alert in ${db.path}` : `all ${alerts} held alerts in ${db.path}`)
      : msg(`店铺 ${shop} 保留的 ${alerts} 条通知 (${db.path})`, `the ${plural(alerts, 'held alert')} of shop ${shop} (${db.path})`);
    if (!opts.yes) {
      if (!ctx.interactive) {
        throw new UsageError(
          msg(`--drop all 要删除${what.zh}, 需要确认, 但没有终端可以询问`, `--drop all would drop ${what.en}, which needs a confirmation, and there is no terminal to ask`),
          msg('先用 storeops ledger alerts 查看; 确定要删除时加 --yes (用于定时任务)。', 'look first with storeops ledger alerts; add --yes to drop them (for cron).'),
        );
      }
      // Asked as every other yes/no question is (zhenjian estimate's): @inquirer/prompts confirm, on stderr.
      const yes = await confirmYes({ input: ctx.io.stdin, output: ctx.io.stderr }, msg(`删除${what.zh}? 删除后不会再发送`, `drop ${what.en}? ${alerts === 1 ? 'It' : 'They'} will never be posted`), ctx.lang);
      if (!yes) {
        ctx.io.stderr.write(ctx.t(msg('storeops: 未删除任何通知', 'storeops: nothing dropped')) + '\n');
        return;
      }
    }
    dropHeld(db, shown);
    ctx.io.stderr.write(ctx.t(msg(`storeops: 已删除${what.zh}: 不会再发送`, `storeops: dropped ${what.en}: ${alerts === 1 ? 'it' : 'they'} will not be posted`)) + '\n');
  } finally {
    db.close();
  }
}

/** Release these items from the robots holding them (as a delivered alert is released). */
function dropHeld(db: StateDb, items: readonly Held[]): void {
  const byTarget = new Map<string, string[]>();
  for (const x of items) byTarget.set(x.target, [...(byTarget.get(x.target) ?? []), x.h.key]);
  for (const [target, keys] of byTarget) db.releaseNotices(target, keys);
}

function noSuch(id: string, file: string): Msg {
  return msg(`${file} 中没有编号为 "${id}" 的保留通知`, `no held alert "${id}" in ${file}`);
}

function listHint(): Msg {
  return msg('storeops ledger alerts 列出保留的通知 (编号 列)。', 'storeops ledger alerts lists the held alerts (the id column).');
}

/**
 * Nothing held: on a terminal (table) one plain sentence on stderr, even with -q (it is the answer);
 * csv/tsv/json/xlsx and -o keep their header for scripts. A drop says it on stderr.
 */
async function nothingHeld(ctx: Ctx, dropping: boolean, none: Msg): Promise<void> {
  if (dropping) ctx.io.stderr.write(ctx.t(none) + '\n');
  else await nothingListed(ctx, ALERT_COLUMNS, none);
}
