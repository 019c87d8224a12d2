// The one hook a command calls after its output is written: build the notice from the command's
// result, keep only the news (the state database remembers what each robot was told), fit it to
// each platform, post it, and report. A failure never touches the output, and changes the exit
// code only under --notify-required (exit 6).
import type { Ctx } from '../context.js';
import { EXIT, type Lang, type Msg, msg } from '../errors.js';
import { systemProblem } from '../io/fsproblem.js';
import { type HeldNotice, type NotedItems, type StateDb, heldNotes } from '../state/ledger.js';
import { markerRunning } from '../state/pending.js';
import { runningAs } from '../proc.js';
import { fit } from './message.js';
import { shopsShown } from './notices.js';
import { type NotifySettings, notifySettings } from './settings.js';
import { type Proxy, proxyFor } from './proxy.js';
import { redactUrl, robotShown, targetId } from './target.js';
import type { Notice, Target, Topic } from './types.js';

export interface Notifier {
  readonly settings: NotifySettings;
  /** Build (in the group's language) and post the notice; never throws for a failed post. */
  send(build: (lang: Lang) => Notice): Promise<void>;
  /**
   * The notice's items a later run may no longer list (NoticeItem.keep), to hold for each target with
   * the recording's commit (endRecording `notes`), so that a run stopped before it posts (killed
   * after the commit, the state database busy when it posts) does not lose them. Empty unless the
   * notices are remembered (--notify-on new).
   */
  hold(build: (lang: Lang) => Notice): NotedItems[];
}

/** Resolve the notify options at the start of a run; null when nothing is to be posted. */
export function notifySetup(ctx: Ctx, opts: Record<string, unknown>): Notifier | null {
  const settings = notifySettings(ctx, opts);
  if (settings.on === 'never' || settings.targets.length === 0) return null;
  return {
    settings,
    send: (build) => sendNotice(ctx, settings, build(settings.lang)),
    hold: (build) => {
      if (settings.on !== 'new') return [];
      const keep = build(settings.lang).items.filter((i) => i.keep);
      if (keep.length === 0) return [];
      const by = JSON.stringify(runningAs());
      return settings.targets.map((t) => heldNotes(targetId(t), keep.map((i) => ({ key: i.key, text: i.text, ...(i.amount !== undefined ? { amount: i.amount } : {}), by }))));
    },
  };
}

/** The topic a notified item's key belongs to (notices.ts builds the keys: `voucher:…`, `deduction:…`, `at_risk:…`, `review:…`, `roster:…`). */
export function keyTopic(key: string): Topic | undefined {
  const head = key.slice(0, key.indexOf(':'));
  return head === 'voucher' || head === 'deduction' ? 'vouchers' : head === 'at_risk' ? 'at_risk' : head === 'review' ? 'reviews' : head === 'roster' ? 'roster' : undefined;
}

function name(t: Target): string {
  return `${t.kind} ${redactUrl(t.url)}`;
}

function joinWhy(list: Msg[]): Msg {
  // Each reason once, in order: three tries refused alike said the same long reason three times.
  const seen = new Set<string>();
  const once = list.filter((m) => !seen.has(m.en) && seen.add(m.en) !== undefined);
  return { zh: once.map((m) => m.zh).join('; '), en: once.map((m) => m.en).join('; ') };
}

/**
 * The message's title and summary when it carries items earlier runs could not deliver: the notice's
 * own title counts this run's news only ("0 vouchers to issue" over a resent voucher read as nothing
 * to do). With no news of its own the message is a resend and says so; with news, the summary adds them.
 */
function withResent(notice: Notice, resent: number, news: number): Notice {
  if (resent === 0) return notice;
  const zh = notice.lang === 'zh';
  if (news === 0) {
    return {
      ...notice,
      title: zh ? `storeops 补发通知: ${resent} 项早先未送达` : `storeops resent alert: ${resent} earlier ${resent === 1 ? 'item' : 'items'} not delivered then`,
      summary: zh
        ? `以下 ${resent} 项由早先的运行记录, 当时的通知没有送达; 发放前先确认是否已发。本次运行没有新内容。`
        : `${resent === 1 ? 'This item was' : `These ${resent} items were`} recorded by an earlier run whose alert did not get through: check before issuing that it was not issued already. Nothing new in this run.`,
    };
  }
  return {
    ...notice,
    summary: notice.summary + (zh ? ` 另补发早先运行记录、当时通知未送达的 ${resent} 项。` : ` Also ${resent} ${resent === 1 ? 'item' : 'items'} recorded by an earlier run whose alert did not get through.`),
  };
}

/**
 * The shop in the title, after "storeops" (`storeops 【老王的店铺】 发货预警: …`, `storeops [Lao Wang] shipping
 * alert: …`): until 2026-12 no alert named its shop, and an operator with two shops (or two cron jobs)
 * on one group could not tell which one an alert was about. The keyword "storeops" stays first.
 */
function withShop(notice: Notice, shop: string | undefined): Notice {
  if (shop === undefined || shop === '') return notice;
  const tag = notice.lang === 'zh' ? `【${shop}】` : `[${shop}]`;
  return { ...notice, shop, title: notice.title.replace(/^storeops /, `storeops ${tag} `) };
}

/**
 * The shop(s) a notice's title names, in the order the review greeting takes (reviews/settings.ts
 * shopFor): the names the exports give; for an item whose export names none, reviews.shopNames for its
 * platform, else notify.shop, else reviews.shopName; each name once, up to 3 (shopsShown). A notice
 * without `shops` (roster): its `shop`, else notify.shop, else reviews.shopName. Until text45 an alert
 * about a 拼多多 or 抖店 export (no 店铺名称) was titled with reviews.shopName, the Tmall shop's.
 */
export function titleShop(notice: Notice, s: Pick<NotifySettings, 'shop' | 'shopForAlerts' | 'shopNames'>): string | undefined {
  if (notice.shops === undefined) return notice.shop ?? s.shop;
  const names = [...notice.shops.named];
  for (const p of notice.shops.platforms) {
    // notify.shop, set for the alerts, names them all (user17: as before text45); else the platform's name.
    const n = (s.shopForAlerts === true ? s.shop : undefined) ?? (p !== undefined ? s.shopNames[p] : undefined) ?? s.shop;
    if (n !== undefined) names.push(n);
  }
  if (names.length === 0 && notice.shops.platforms.length === 0) return notice.shop ?? s.shop;
  return shopsShown([...new Set(names)], notice.lang);
}

/**
 * The note on an item an earlier run could not deliver: it may have been acted on since, from that
 * run's output (a voucher issued from the file): say so, so nobody issues it twice on the alert's word.
 */
function earlier(lang: Lang, at: string): string {
  return lang === 'zh'
    ? ` (由 ${at} 的运行记录, 当时通知未送达; 发放前先确认是否已发)`
    : ` (recorded by an earlier run, ${at}, whose alert did not get through: check it was not issued already)`;
}

/**
 * The warning for voucher alerts held for a robot this run does not post to whose voucher its export
 * does not hold (sendNotice): each named (its text, when first held, the robot's id), with what to do.
 */
function heldElsewhere(ctx: Ctx, left: readonly { from: string; h: HeldNotice }[]): Msg {
  const SHOWN = 5;
  const zh = left.slice(0, SHOWN).map(({ from, h }) => `"${h.text}" (自 ${ctx.tz.format(h.since).slice(0, 16)} 保留给机器人 ${robotShown(from)})`);
  const en = left.slice(0, SHOWN).map(({ from, h }) => `"${h.text}" (held since ${ctx.tz.format(h.since).slice(0, 16)} for robot ${robotShown(from)})`);
  const more = left.length - SHOWN;
  const n = left.length;
  return msg(
    `有 ${n} 条红包通知保留给本次不发送的机器人, 且本次导出不含其红包, 因此没有发送: ${zh.join('; ')}${more > 0 ? `; 另有 ${more} 条` : ''}。` +
      '如果已更换该机器人的地址: 先确认红包是否已发 (storeops ledger list --order 订单编号), 再用当时列出它的那份导出运行 compensate --notify (发到当前的机器人, 只发一次, 之后不再提示); 如果它属于共用同一状态数据库的另一家店, 该店下次运行时会发送; 不再需要的 (已处理过) 用 storeops ledger alerts --drop <编号> 删除 (storeops ledger alerts 列出编号)',
    `${n === 1 ? '1 voucher alert is' : `${n} voucher alerts are`} held for a robot this run does not post to, and this export does not hold ${n === 1 ? 'its voucher' : 'their vouchers'}, so ${n === 1 ? 'it was' : 'they were'} not posted: ${en.join('; ')}${more > 0 ? `; and ${more} more` : ''}. ` +
      "If you replaced that robot's URL: check whether the voucher was issued (storeops ledger list --order <order id>), then run compensate --notify on the export that listed it: it is posted to the current robots, once, and not mentioned again. If it is another shop's on the same state database, that shop's next run posts it. One no longer wanted (dealt with already): storeops ledger alerts --drop <id> drops it (storeops ledger alerts lists the ids)",
  );
}

/**
 * What becomes of a failed post's items (docs/notify.md "Only news"), by topic: posted by the next run
 * that still lists them; a voucher `--record` recorded is held for the next voucher run (only when
 * notices are remembered, `--notify-on new`); what is stale by then is dropped.
 */
function resentBy(topic: Topic, remembered: boolean): Msg {
  switch (topic) {
    case 'at_risk':
      return msg(
        '未送达的发货预警由下一次运行再发送, 前提是订单那时仍未发货 (期间已发货的不再发送, 延迟的赔付由红包运行通知)',
        "What was not delivered is posted by the next run while the order is still unshipped (one shipped meanwhile is not: if late, the next voucher run tells it)",
      );
    case 'vouchers':
      return remembered
        ? msg(
            '未送达的红包通知由下一次红包运行再发送 (--record 记录的保留到那时; 未记录的, 前提是那次运行仍列出它)',
            'What was not delivered is posted by the next voucher run (kept until then when --record recorded it; otherwise if that run still lists it)',
          )
        : msg('未送达的红包通知由下一次仍列出它的红包运行再发送', 'What was not delivered is posted by the next voucher run that still lists it');
    case 'reviews':
      return msg('未送达的内容由下一次运行再发送, 前提是那时仍需联系该买家', 'What was not delivered is posted by the next run while the buyer is still to be contacted');
    case 'roster':
      return msg('未送达的排班由下一次 roster plan 运行再发送 (排班有变时只发送新的排班)', 'What was not delivered is posted by the next roster plan run (if the roster has changed, the new one instead)');
  }
}

/** How long a delivered message waits for the write lock to be remembered (as a --record run's marker waits, record.ts). */
const DELIVERED_WAIT_MS = 10 * 60 * 1000;

export async function sendNotice(ctx: Ctx, s: NotifySettings, notice: Notice): Promise<void> {
  const now = () => ctx.io.now();
  const deadline = now() + s.budgetMs;
  let failed = 0;
  // What a failure means for the cron log's reader: what becomes of what was not delivered, exactly
  // (docs/notify.md "Only news": posted by the next run that still lists it; a voucher --record recorded
  // is held for the next voucher run; what is stale by then is not posted), and how to make cron notice.
  // Until 2026-12 it said "What was not delivered is posted again by the next run", which a shipping
  // alert whose order shipped meanwhile never is.
  const next = resentBy(notice.topic, s.on === 'new');
  const after = s.required
    ? msg(`${next.zh} (--notify-required: 退出码 6)`, `${next.en} (--notify-required: exit 6)`)
    : msg(
        `${next.zh}; 输出和退出码不受影响 (加 --notify-required 则以退出码 6 结束, 便于定时任务发现)`,
        `${next.en}; the output and exit code are unchanged (--notify-required makes the run exit 6, for cron to notice)`,
      );
  const fail = (t: Target, why: Msg, then: Msg = after) => {
    failed++;
    ctx.warn(msg(`通知 ${name(t)} 失败: ${why.zh}。${then.zh}`, `notify ${name(t)} failed: ${why.en}. ${then.en}`));
  };

  let db: StateDb | undefined;
  if (s.on === 'new') {
    try {
      const { openState } = await import('../state/ledger.js');
      db = await openState(ctx.statePath, { create: true });
    } catch (e) {
      // Without the ledger the news cannot be told from the old: post nothing rather than repeat all.
      const why = (e as { text?: Msg }).text ?? systemProblem(e);
      for (const t of s.targets) fail(t, msg(`无法读取通知记录 (状态数据库): ${why.zh}`, `cannot read what was already notified (state database): ${why.en}`));
      if (s.required) ctx.exitCode = EXIT.notify;
      return;
    }
  }
  try {
    if (db && notice.adopts) {
      // Alerts held for a robot no longer configured (the operator replaced its URL, or moved the group
      // to another platform) go to this run's robots, for the vouchers this run's export holds. They
      // were held for that robot's id alone and never posted again: lost. Moved, not copied, so the old
      // id keeps nothing; each new robot then posts them once (released when its post is accepted).
      // Not those of a run still going: it may yet deliver them to its robot.
      const ids = s.targets.map(targetId);
      // Voucher alerts held for such a robot whose voucher this export does not hold: not this run's to
      // post (another shop's on the same state database, or a voucher later exports dropped), and
      // until 2026-12 not said either, so one the export no longer held stayed unsent, unreported.
      const left: { from: string; h: HeldNotice }[] = [];
      try {
        for (const from of db.heldTargets()) {
          if (ids.includes(from)) continue;
          const held = db.heldNotices(from).filter((h) => !(h.by !== undefined && markerRunning(h.by)));
          const take = held.filter((h) => notice.adopts!(h.key));
          if (take.length) db.adoptNotices(from, ids, take);
          for (const h of held) if (!notice.adopts!(h.key) && h.key.startsWith('voucher:')) left.push({ from, h });
        }
        if (left.length) ctx.warn(heldElsewhere(ctx, left));
      } catch (e) {
        const why = (e as { text?: Msg }).text ?? msg('状态数据库出错', 'state database error');
        ctx.warn(
          msg(
            `无法取出为已更换的机器人地址保留的通知: ${why.zh}; 下次运行时再试`,
            `cannot take over the alerts held for a robot address since replaced: ${why.en}; the next run tries again`,
          ),
        );
      }
    }
    for (const t of s.targets) {
      const id = targetId(t);
      let items = notice.items;
      let resent = 0;
      let news = items.length;
      if (db) {
        try {
          const seen = db.notifiedKeys(id, items.map((i) => i.key));
          items = items.filter((i) => !seen.has(i.key));
          // Held before posting: if this post fails, the next run still tells the group (a voucher
          // recorded now is "recorded before" then, and no longer listed as news).
          // Held with this process's name: another run started meanwhile (a second cron job on the
          // same state database) leaves them to this one while it is alive and posting them.
          const keep = items.filter((i) => i.keep);
          if (keep.length) db.holdNotices(id, keep.map((i) => ({ key: i.key, text: i.text, ...(i.amount !== undefined ? { amount: i.amount } : {}), by: JSON.stringify(runningAs()) })), now());
          // What earlier runs could not deliver and this run does not list: first, marked as theirs.
          // Not those of a run still going (on this machine: its process is alive): it may yet deliver them.
          const listed = new Set(items.map((i) => i.key));
          // Only this notice's own topic: a voucher alert held by a `compensate --record` run went out
          // inside the next `--at-risk` run's shipping alert (or a `reviews queue` message), its amount to
          // issue summed with the at-risk costs if late ("2 new (total 55.00)" over 50.00 + 5.00). The next
          // run of its own kind posts it.
          const held = db.heldNotices(id).filter((h) => keyTopic(h.key) === notice.topic && !listed.has(h.key) && !(h.by !== undefined && markerRunning(h.by)));
          const told = db.notifiedKeys(id, held.map((h) => h.key));
          const owed = held.filter((h) => !told.has(h.key));
          if (told.size) db.releaseNotices(id, [...told]);
          resent = owed.length;
          news = items.length;
          if (owed.length) items = [...owed.map((h) => ({ key: h.key, text: h.text + earlier(notice.lang, ctx.tz.format(h.since).slice(0, 16)), ...(h.amount !== undefined ? { amount: h.amount } : {}) })), ...items];
        } catch (e) {
          fail(t, (e as { text?: Msg }).text ?? msg('状态数据库出错', 'state database error'));
          continue;
        }
        if (items.length === 0) {
          ctx.info(msg(`storeops: 通知 ${name(t)}: 没有新内容, 未发送`, `storeops: notify ${name(t)}: nothing new, not posted`));
          continue;
        }
      }
      const { messages, cut } = fit(t.kind, { ...withShop(withResent(notice, resent, news), titleShop(notice, s)), items }, s.on === 'new', { top: s.top, maxMessages: s.maxMessages });
      // Vouchers the last message counts in its tail ("… and N more": past notify.top or the size
      // limit) were told too: the group read their count and their money in the total, and the
      // operator's output lists them. Remembered with that message, they are not news to the next run:
      // until 2026-12 (alert43) they were, 10 an hour, their money summed in a second total, and a
      // voucher --record recorded came back as "recorded by an earlier run whose alert did not get
      // through: check it was not issued already". Orders going late, reviews and rosters counted there
      // are still listed by the next run that lists them (README "Only news"): tasks, named when due.
      const listedKeys = new Set(messages.flatMap((m) => m.items.map((i) => i.key)));
      const counted = notice.topic === 'vouchers' ? items.filter((i) => !listedKeys.has(i.key)) : [];
      // Through the proxy the environment names (HTTPS_PROXY …), as curl would: until 2026-12 none was used.
      // One storeops cannot speak to (socks5://) is said, and the post goes direct, as it did before.
      const via = proxyFor(t.url, ctx.io.env);
      let proxy: Proxy | undefined;
      if (via && 'refused' in via) {
        ctx.warn(msg(`通知 ${name(t)}: ${via.refused.zh}; 本次直接连接机器人`, `notify ${name(t)}: ${via.refused.en}; posting directly instead`));
      } else proxy = via;
      let sent = 0;
      let shown = 0;
      let forgotten = false;
      for (const [mi, m] of messages.entries()) {
        const told = mi === messages.length - 1 ? [...m.items, ...counted] : m.items;
        // http/https (and tls) are loaded only when a notice is really sent: start-up time counts (issue 21).
        const { deliver } = await import('./post.js');
        const d = await deliver(t, m.body, { timeoutMs: s.timeoutMs, attempts: s.attempts, backoffMs: s.backoffMs, deadline, now, ...(proxy ? { proxy } : {}) });
        if (!d.ok) {
          fail(t, msg(`尝试 ${d.tries} 次: ${joinWhy(d.failures).zh}`, `${d.tries} ${d.tries === 1 ? 'try' : 'tries'}: ${joinWhy(d.failures).en}`));
          break;
        }
        sent++;
        shown += m.items.length;
        if (db && told.length > 0) {
          // Delivered: remembered even while another run holds the write lock (a compensate --record
          // run holds it until its output is in place, minutes for a big export). Giving up after the
          // busy timeout (5 s), the next run posted the message again, and a held voucher alert then
          // as one that "did not get through".
          try {
            await db.deliveredWaiting(id, told.map((i) => i.key), now(), DELIVERED_WAIT_MS, () =>
              ctx.info(
                msg(
                  `storeops: 通知 ${name(t)} 已送达; 正在等另一个 storeops 运行用完状态数据库 (最多 10 分钟), 以记下已通知的内容, 免得下次重发`,
                  `storeops: notify ${name(t)}: delivered; waiting (up to 10 minutes) for another storeops run to finish with the state database, to remember what was told so that the next run does not post it again`,
                ),
              ),
            );
          } catch (e) {
            forgotten = true;
            fail(
              t,
              (e as { text?: Msg }).text ?? msg('无法记录已通知的内容', 'cannot record what was notified'),
              msg('已送达的这条消息没有记下, 下次运行时会再发一次', 'The message was delivered but not remembered: the next run posts it again'),
            );
            break;
          }
        }
      }
      if (sent === messages.length && !forgotten) {
        ctx.info(
          msg(
            `storeops: 已通知 ${name(t)}: ${sent} 条消息, ${shown} 项${cut ? ` (另有 ${cut} 项未列出)` : ''}`,
            `storeops: notified ${name(t)}: ${sent} ${sent === 1 ? 'message' : 'messages'}, ${shown} ${shown === 1 ? 'item' : 'items'}${cut ? ` (${cut} more not listed)` : ''}`,
          ),
        );
      }
    }
  } finally {
    db?.close();
  }
  if (failed > 0 && s.required) ctx.exitCode = EXIT.notify;
}
