// What a notification is, independent of where it goes: a topic, a headline, and items, each
// with a stable key so the ledger can tell news from what the group has already been told.
import type { Lang } from '../errors.js';
import type { Platform } from '../orders/types.js';

/** The group-robot platforms storeops can post to; `webhook` is plain JSON for anything else. */
export const KINDS = ['dingtalk', 'wecom', 'feishu', 'webhook'] as const;
export type Kind = (typeof KINDS)[number];

/** Which command's result the notification reports. */
export type Topic = 'at_risk' | 'vouchers' | 'reviews' | 'roster';

/** One line of a notification: `key` is what the ledger remembers; `text` is what the group reads. */
export interface NoticeItem {
  key: string;
  text: string;
  /** Money this item stands for (exact decimal text, e.g. "12.50"): summed in the "3 new (total …)" line. */
  amount?: string;
  /**
   * The group must hear of it even if later runs no longer list it: a voucher this run recorded
   * (the next run counts it as recorded before, with nothing to issue). Until delivered, it is kept
   * in the state database and posted by the next run, marked as an earlier run's.
   */
  keep?: boolean;
}

/**
 * A notification before it is fitted to a platform. `headline(shown)` is built from all items of
 * this run (counts and totals), `items` in the order they are to be read (most urgent first).
 */
export interface Notice {
  topic: Topic;
  lang: Lang;
  /** Short title (DingTalk markdown title, the first line elsewhere). Always holds "storeops". */
  title: string;
  /** One or two sentences: counts, totals, the time window. */
  summary: string;
  items: NoticeItem[];
  /**
   * The shop(s) the notice is about, as the export names them (店铺名称, else 店铺Id; a phone in it
   * masked): put in the title after "storeops" so that a group hearing from two shops (or two cron
   * jobs) can tell them apart. Absent: from `shops`, else the config's (notify.shop, else reviews.shopName), if any.
   */
  shop?: string;
  /**
   * The shops of the notice's items, as the review greeting finds them (text45): `named`, the names
   * the exports give (店铺名称, else 店铺Id; masked); `platforms`, the platform of each item whose export
   * names none (undefined: not known). notify/run.ts titleShop turns the platforms into the config's
   * names (notify.shop when set, else reviews.shopNames for the platform, else reviews.shopName) and shows all.
   * Absent (roster): `shop`, else the config's as before.
   */
  shops?: { named: readonly string[]; platforms: readonly (Platform | undefined)[] };
  /**
   * Whether an item held for a robot this run does not post to (no longer configured: its URL was
   * replaced) is this run's to deliver to its own robots: a voucher this run's export still holds.
   * Absent: none is (another shop's or another command's alerts stay with their robot).
   */
  adopts?: (key: string) => boolean;
}

/** Where to post. The URL is a credential (it carries the robot's token): never print it whole. */
export interface Target {
  kind: Kind;
  url: string;
  /** Signing secret (DingTalk 加签, Feishu 签名校验, webhook HMAC); never printed. */
  secret?: string;
  /** Where the target came from, for messages: `--notify` or the config file. */
  from: 'flag' | 'config';
}

export type NotifyOn = 'always' | 'new' | 'never';
