// The state database (SPEC "State database"): one SQLite file, WAL mode, a busy timeout, recorded
// vouchers unique on voucherKey, and the review contact log. Every write is one transaction, so a
// run killed at any moment leaves the file as it was before or after that run, never between.
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Decimal } from 'decimal.js';
import { UsageError, msg } from '../errors.js';
import { brokenLinkOn, isFolder, makeFolders } from '../io/folders.js';
import { unmountedOn } from '../io/mounts.js';
import { processAlive } from '../proc.js';
import { busyError, damagedError, emptyStateError, foreignError, missingError, notAFileError, readOnlyStateError, stateFailure, tooNewError, unmountedStateError, unreachableStateError } from './fail.js';
import { KeyChains } from './keychains.js';
import { APPLICATION_ID, MIGRATIONS, REVIEW_STATUSES, SCHEMA_VERSION, VOUCHER_KINDS } from './schema.js';

export type ReviewStatus = 'new' | 'contacted' | 'awaiting_reply' | 'resolved' | 'complaint_filed' | 'do_not_contact';

export type VoucherKind = (typeof VOUCHER_KINDS)[number];

export interface VoucherRecord {
  voucherKey: string;
  /** What it pays for (default 'voucher'): an order is paid at most once per kind, under any rule set. */
  kind?: VoucherKind;
  buyer: string;
  /**
   * The shop the voucher's orders were placed in (schema 9; Taobao/Tmall 店铺Id, else 店铺名称),
   * absent when the export names none. RULES 1.2 / 1.3: each shop owes up to its own cap, so only
   * vouchers of the same shop share one (cap below); a voucher without a shop shares every shop's.
   */
  shop?: string;
  /**
   * How the export named `shop` (schema 10): its 店铺Id or its 店铺名称; absent when not known
   * (recorded before schema 10, or a caller that does not say). Two shops named the same way are
   * told apart; a 店铺Id and a 店铺名称 are the same shop when a row showed them together
   * (RecordOptions.shopPairs), and otherwise may be: they share a cap (short, never twice).
   */
  shopKind?: 'id' | 'name';
  rules: string;
  orderIds: string[];
  /** Exact decimal text, e.g. "12.50". */
  amount: string;
  /** Epoch ms. */
  windowStart: number | null;
  /**
   * The buyer's combined cap (RULES 1.2 / 1.3 第十二条), when the rule set combines and caps: the
   * vouchers of the same kind, buyer and rule set recorded with a window start in [from, to] count
   * toward the same cap, so what they paid is not paid again past it (the buyer's day in another
   * export, or a 24-hour window seen in two exports). `exact` is false for 24-hour windows: the
   * ledger keeps only where each window opened, so it rebuilds them from that (`rolling`) and a
   * person checks a voucher the cap cut.
   */
  cap?: CapGroup;
  /**
   * What each of its orders comes to on its own in this voucher (exact decimal text, before the
   * cap), by order id: an earlier voucher holding some of these orders pays toward this one first
   * only what those orders come to (recordVouchers `cover`); absent, it may pay all of it.
   */
  shares?: Record<string, string>;
  /**
   * `shares` as its JSON text (what the ledger stores), in its place: src/compensation/record.ts
   * gives it so (issue 21: an object a voucher, its keys unique order ids, each with a hidden class
   * of its own, was the largest part of the records a 1M-row --record run hands over). Read through
   * recordShares(); a record gives one of the two, not both.
   */
  sharesJson?: string;
  /**
   * The shares in the place of both: the voucher holds one order, which comes to the voucher's whole
   * amount, `{ [orderIds[0]]: amount }` (its JSON text made when the row is written). Nearly every
   * record of a run is such a voucher (a 1M-row export: 88,781 of the 89,128 recorded), and its
   * sharesJson, ~48 bytes of text each, was ~10 MB of the live heap at a 1M-row --record run's peak
   * (issue 21, forty-third round).
   */
  shareIsAmount?: true;
}

/** A record's shares (sharesJson parsed when that is how it came, or its one order's), or undefined. */
function recordShares(v: VoucherRecord): Record<string, string> | undefined {
  if (v.shareIsAmount) return { [v.orderIds[0]!]: v.amount };
  return v.shares ?? (v.sharesJson === undefined ? undefined : (JSON.parse(v.sharesJson) as Record<string, string>));
}

export interface CapGroup {
  /** Exact decimal text. */
  amount: string;
  from: number;
  to: number;
  exact: boolean;
  /**
   * Rolling windows of this length (ms): `from`/`to` are then worked out from where the buyer's
   * recorded windows opened (the window this voucher's start falls in), not taken as given.
   */
  rolling?: number;
}

/** An order a recorded voucher paid (StateDb.paidOrders). */
export interface PaidOrder {
  voucherKey: string;
  /** Exact decimal text: what the order came to in that voucher when recorded, or null (not kept). */
  share: string | null;
  recordedAt: number;
}

/** A recorded voucher as listed: its kind, and the vouchers it deliberately re-issues (empty for most). */
export interface ListedVoucher extends VoucherRecord {
  kind: VoucherKind;
  recordedAt: number;
  reissueOf: string[];
  /** Exact decimal text: the part of `amount` the vouchers it takes over had already paid ('0.00' for most). */
  covered: string;
  /** Where the voucher opens as the latest recording run's export gave it, when not where it was recorded (a paid time moved). */
  windowStartNow?: number;
  /**
   * The buyer the latest recording run holding the voucher (the same orders) put it under, when not
   * the one it was recorded for (schema 11; docs/rules.md §1.7: its money counts toward that buyer's cap).
   */
  buyerNow?: string;
}

/**
 * A voucher some of whose orders earlier recorded vouchers already paid (a conflict, or recorded
 * with --reissue): how much of its amount they paid. The shop owes only `amount − covered`.
 */
export interface Cover {
  voucherKey: string;
  /** Exact decimal text. */
  covered: string;
  /**
   * Exact decimal text: the part of `covered` that is the cap (other vouchers recorded for the
   * buyer's same day or overlapping 24-hour window already paid toward it); '0.00' for most.
   */
  byCap?: string;
  /** The cap group was 24-hour windows the ledger cannot regroup (CapGroup.exact false). */
  inexact?: boolean;
  /**
   * The cap part was paid by recorded vouchers none of whose orders are in this run's exports
   * (another shop's export recorded into the same file, or an export that lacks them).
   */
  capElsewhere?: boolean;
  /**
   * The cap part was paid by recorded vouchers of a shop named the other way (店铺Id vs 店铺名称,
   * schema 10) that no export row has linked to this voucher's shop: counted toward the cap, as they
   * may be this shop's (short, never twice).
   */
  capUnlinked?: boolean;
}

/**
 * 'new': recorded now. 'already_recorded': this very voucher (same key) was recorded before.
 * 'conflict': not recorded, because an order in it is already in another recorded voucher of the
 * same kind (under any rule set). 'reissued': recorded although it conflicts, because the caller
 * asked for that order to be re-issued; the voucher remembers which vouchers it re-issues.
 * 'amount_changed': the same voucher (same key) was recorded for another amount (its orders' ship
 * times or amounts changed since): nothing recorded, the record stands, the change is reported
 * (AmountChange). 'topped_up': it now comes to more, the caller re-issues its orders, and the
 * difference was recorded as a top-up (key `<key>+<n>`, re-issuing `<key>`). 'held': not recorded,
 * because its 24-hour window cannot be told from the export and the ledger (HeldVoucher).
 */
export type RecordStatus = 'new' | 'already_recorded' | 'conflict' | 'reissued' | 'amount_changed' | 'topped_up' | 'held';

/** A recorded voucher whose amount is now another: what was recorded (with any top-ups) and what it comes to. */
export interface AmountChange {
  voucherKey: string;
  orderIds: string[];
  /** Exact decimal text: the amounts recorded under the key so far, top-ups included. */
  recorded: string;
  now: string;
  /**
   * Exact decimal text: what is still owed of `now − recorded` (0 when less), after the buyer's
   * cap: the vouchers recorded for the same day (or overlapping 24-hour window) may have paid up to it.
   */
  owed: string;
  /** The difference was recorded as a top-up (status 'topped_up'). */
  toppedUp: boolean;
  /**
   * Exact decimal text, present when part of what is owed is a cap share given back: what its
   * record counted toward a cap as paid by the vouchers `releasedFrom`, which the export no longer
   * puts in its cap group (another day or 24-hour window) and which paid their own orders with it.
   */
  released?: string;
  releasedFrom?: string[];
  /** The vouchers of `releasedFrom` are now known to be another shop's (not another day or window). */
  releasedShop?: boolean;
  /**
   * `releasedShop` only because a row links one of the two shops to another name (schema 10): a
   * renamed shop's old 店铺名称 is told apart the same way, so what is owed is to be checked.
   */
  releasedByLink?: boolean;
  /** The cap group is 24-hour windows (tmall-2023), not a calendar day. */
  inexact?: boolean;
  /**
   * Present when it comes to what was recorded but is owed more: the vouchers that took its money
   * over since and gave part of it to other orders (ledger.ts movedAway).
   */
  movedTo?: string[];
}

/** One order of a voucher that is already held by another recorded voucher. */
export interface Clash {
  voucherKey: string;
  orderId: string;
  heldBy: string;
  heldByRules: string;
  heldSince: number;
}

export interface RecordOptions {
  /** Orders the operator explicitly re-issues (--reissue): a clash on them is recorded, as a re-issue. */
  reissue?: (orderId: string) => boolean;
  /** Every clash found is appended here (for the conflict report). */
  clashes?: Clash[];
  /** Every recorded voucher found at another amount is appended here. */
  changes?: AmountChange[];
  /** What earlier vouchers already paid of each conflicting (or re-issued) voucher is appended here. */
  covers?: Cover[];
  /**
   * Leave the transaction open (the write lock held) for endRecording: what is recorded becomes
   * real only once the caller has written what it tells the operator.
   */
  hold?: boolean;
  /**
   * Vouchers not to record (provisional: they may still change) whose orders earlier vouchers may
   * have paid: their cover is appended to `covers` too, after the recorded ones', so a provisional
   * amount never shows again what was already paid.
   */
  coverOnly?: VoucherRecord[];
  /**
   * Vouchers not to record because the export shows the platform paid them (RULES 1.4): any of
   * their orders a recorded voucher already paid (the shop issued it before the platform's payout
   * showed) is appended to `platformClashes`, and the very voucher recorded before is answered
   * 'already_recorded'.
   */
  platformPaid?: VoucherRecord[];
  platformClashes?: PlatformClash[];
  /**
   * The keys of `coverOnly` vouchers (provisional) that this very voucher (same key) was recorded
   * under before at the same amount, appended here: shown `already_recorded` when recorded vouchers paid all of it.
   */
  recordedProvisional?: string[];
  /**
   * The keys of `coverOnly` vouchers recorded before under the same key at another amount (top-ups
   * included), appended here: shown `amount_changed` when recorded vouchers paid all of it.
   */
  changedProvisional?: string[];
  /** Every voucher not recorded because its 24-hour window cannot be told (status 'held') is appended here. */
  held?: HeldVoucher[];
  /**
   * [店铺Id, 店铺名称] pairs seen on one row of this run's exports (schema 10): learned before
   * anything is capped, so a shop's vouchers are found whichever way an export names it.
   */
  shopPairs?: readonly (readonly [string, string])[];
  /**
   * Orders recorded vouchers paid that this run's exports show and judge not late (on time, or left
   * out with --exclude): their paid time is known and they open no 24-hour window, so a recorded
   * window they opened is not one the export lacks (unclearWindow).
   */
  notLate?: ReadonlySet<string>;
  /**
   * Orders this run judged late and still unshipped and open at its --as-of (schema 12, RULES 1.1),
   * and lines of orders it judged line by line (schema 13, `lineId`): each one's row in `sightings`
   * is set to this sighting, or kept when it holds a later one (one row per order or line and
   * platform, never one per run). Written in the recording's transaction.
   */
  sightings?: Iterable<Sighting> & { readonly length: number };
  /**
   * Orders (or lines, `lineId`) with a row in `sightings` that this run found shipped (the export's
   * 发货时间: the order's, or the line's own): judged by its ship time, never by a sighting again, so
   * their rows go (same transaction). An order's row going leaves its lines' rows, and the other way.
   */
  shippedSighted?: ReadonlyArray<{ orderId: string; platform: string; lineId?: string }>;
  /**
   * Schema 14 (`provisional_late`): `write`, the late orders this run found shipped in a provisional
   * voucher (set, one row per order and platform); `met`, the orders with a row that this run read
   * (not left out by --exclude): their rows go unless written again or held by a voucher of this call
   * answered 'conflict' or 'held' (not recorded: still owed). Rows of orders a recorded voucher pays
   * go too. Same transaction.
   */
  provisionalLate?: { write: readonly ProvisionalLate[]; met: ReadonlyArray<{ orderId: string; platform: string }> };
}

/**
 * A late order a recording run found shipped in a provisional voucher (schema 14): nothing of it is
 * recorded until its voucher is final, so a run none of whose inputs holds it names it. Epoch ms;
 * `share` exact decimal text, what its late lines came to alone (before the buyer's cap).
 */
export interface ProvisionalLate {
  orderId: string;
  platform: string;
  shop?: string;
  rules: string;
  deadline: number;
  shippedAt: number;
  share: string;
  seenAt: number;
}

/**
 * A recording run saw the order open (not closed) and unshipped at `seenAt` (its --as-of), after its
 * `deadline` as that run judged it (schema 12). Epoch ms. With `lineId` (schema 13): the line (子订单编号)
 * of an order judged line by line (tmall-2026 with the item report), open and unshipped past its own deadline.
 */
export interface Sighting {
  orderId: string;
  platform: string;
  /** The line's 子订单编号; absent: the order as one. */
  lineId?: string;
  shop?: string;
  deadline: number;
  seenAt: number;
}

/** A voucher held (not recorded): its 24-hour window turns on orders neither the export nor the ledger shows. */
export interface HeldVoucher {
  voucherKey: string;
  /** Exact decimal text: what it would owe if its window stands (after what earlier vouchers paid). */
  owed: string;
  /** The recorded vouchers, opening a window shortly before it, whose first order the export lacks. */
  between: string[];
  /** Their orders the export lacks. */
  missing: string[];
}

/** An order the platform paid that a recorded voucher had paid too; `reportedBefore`: a committed run already said so. */
export interface PlatformClash extends Clash {
  reportedBefore: boolean;
}

/** A run's recorded vouchers whose output was not known to be in place (endRecording `pending`). */
export interface PendingOutput {
  key: string;
  /** When the run recorded them (the vouchers' recorded_at). */
  at: number;
  /** The vouchers that run recorded: key and amount (exact decimal text). */
  vouchers: { voucherKey: string; amount: string }[];
}

/** The `notified` target under which a run's output not yet in place is marked (endRecording). */
/** The stale cap shares of a voucher that has none (record's staleFor keeps this one for all of them). */
const NO_STALE: ReadonlyMap<string, Decimal> = new Map();
const OUTPUT_PENDING_TARGET = 'run:output_pending';

/**
 * An item held for a notify target until delivered: kept in `notified` under the target
 * `held:<target>`, the item as JSON in item_key (no schema change), `since` in sent_at.
 */
export interface HeldNotice {
  key: string;
  text: string;
  amount?: string;
  since: number;
  /**
   * The run holding it (its process: pid, host, start time, as JSON, as a pending marker names it;
   * pending.ts markerRunning). While that run is alive it is still posting the item itself.
   */
  by?: string;
}

const heldTarget = (target: string) => `held:${target}`;

function heldItem(i: Omit<HeldNotice, 'since'>): string {
  return JSON.stringify({ key: i.key, text: i.text, ...(i.amount !== undefined ? { amount: i.amount } : {}), ...(i.by !== undefined ? { by: i.by } : {}) });
}

/**
 * Items to hold for a notify target, written with a recording's commit (endRecording `notes`): a run
 * stopped between its commit and its post (killed, the state database busy when it posts) leaves
 * them held, and the next run posts them.
 */
export function heldNotes(target: string, items: Omit<HeldNotice, 'since'>[]): NotedItems {
  return { target: heldTarget(target), add: items.map(heldItem) };
}

/** The `notified` target under which the double payments already reported are remembered. */
const PLATFORM_CLASH_TARGET = 'report:platform_paid';

/**
 * The `notified` target under which a recorded voucher's window start as the latest recording run's
 * export gives it is kept (item_key the voucher key, sent_at the start), when it differs from the
 * recorded one (ledger list's windowStartNow). No schema change.
 */
const WINDOW_NOW_TARGET = 'window:start_now';

/**
 * The `notified` targets under which every shop text (店铺Id or 店铺名称) and every platform a kept
 * --record run read is remembered (item_key the shop or platform), committed with its recording: what
 * heldShops()/heldPlatforms() count besides the rows. The rows alone forget a shop: a 抖店 shop's
 * vouchers are never recorded (the platform deducts) and its sightings go once its orders ship, and a
 * shop whose --new-shop run found nothing late held nothing at all, so the next hourly run was refused
 * as "a shop it has never held" (rev48). No schema change.
 */
export const SHOP_RECORDED_TARGET = 'shop:recorded';
export const PLATFORM_RECORDED_TARGET = 'platform:recorded';
/** The shop texts of SHOP_RECORDED_TARGET a run read as 店铺名称 (the others it read as 店铺Id). */
export const SHOP_NAME_RECORDED_TARGET = 'shop:recorded:name';

/** Items to remember, or forget, under a `notified` target with a recording's commit (endRecording). */
export interface NotedItems {
  target: string;
  add?: readonly string[];
  clear?: readonly string[];
}

export interface ContactEntry {
  orderId: string;
  at: number;
  status: ReviewStatus;
  channel?: string;
  note?: string;
  who?: string;
  /** The buyer's nick (schema 6; absent when not known): the per-buyer contact rules look it up. */
  buyer?: string;
  /**
   * Read back: the conversation this entry was part of when that conversation covered several orders
   * (schema 15; `reviews log A B`): the same number on each of its orders' entries, one attempt for
   * the buyer. Absent: a contact about this order alone. Ignored when recording (logContacts says).
   */
  conversation?: number;
}

/**
 * What `logContactsWaiting`'s check returns: the entries to record as ONE conversation, and, to add
 * them to a conversation already recorded, an attempt entry of it (its order and time, as read back).
 */
export interface ConversationToLog {
  entries: ContactEntry[];
  join?: { orderId: string; at: number };
}

export interface ContactSummary {
  orderId: string;
  status: ReviewStatus;
  attempts: number;
  lastContactAt: number | null;
  /** When do_not_contact was first logged (null: never). It stays: a later entry does not lift it (RULES 2.2). */
  stoppedAt: number | null;
  /** When the latest 'resolved' entry was logged (null: never). */
  resolvedAt: number | null;
  /** A complaint_filed entry was logged. */
  complaintFiled: boolean;
  /** The buyer the order's latest entry naming one recorded (null: none did). */
  buyer: string | null;
  entries: ContactEntry[];
}

export interface StateDb {
  readonly path: string;
  /**
   * Record all vouchers in ONE immediate transaction: the check that an order is not already paid
   * and the insert happen under the write lock, so two runs can never both pay it (RecordStatus).
   */
  recordVouchers(v: VoucherRecord[], recordedAt: number, opts?: RecordOptions): Map<string, RecordStatus>;
  /**
   * Ends a recording made with `hold`: commit or roll back. `pending`, on a commit: a marker saved
   * in the same transaction, saying the output telling the operator to issue these vouchers is not
   * in place yet (cleared by clearPendingWaiting once it is; a run killed between the two leaves it, and
   * the next recording run says so). `drop`: markers an earlier run left, reported by this one:
   * removed with this commit. `notes`: items remembered (`add`) or forgotten (`clear`) under a
   * `notified` target with this commit (a warning said once, kept only if the run's recording is).
   */
  endRecording(commit: boolean, pending?: string, drop?: readonly string[], notes?: readonly NotedItems[]): void;
  /** Markers of runs whose output was not known to be in place when they stopped (endRecording `pending`). */
  pendingOutputs(): PendingOutput[];
  /**
   * The output of a run is in place: its marker goes, waiting up to `waitMs` for the write lock
   * another run holds (it may hold it for all of its own recording and output): given up on a
   * signal (the marker then stays, said next run).
   */
  clearPendingWaiting(key: string, waitMs: number, onWait?: () => void): Promise<void>;
  /** Which of these keys are already recorded (read only). */
  recordedKeys(keys: string[]): Set<string>;
  /** Does the ledger hold any voucher row at all (read only)? */
  hasVouchers(): boolean;
  /**
   * Record a contact. `check`, when given, runs inside the write transaction before the insert, so
   * it sees the history as it is then (a second run at the same moment waits, then sees this one's
   * contact): it throws to refuse, or returns the entry to record (say, with a note added).
   */
  logContact(c: ContactEntry, check?: () => ContactEntry | void): void;
  /**
   * logContact for a run that may be signalled: the write lock is waited for without blocking the
   * event loop (tries between short pauses, up to the busy timeout), so a signal that arrives
   * meanwhile ends the run (exit 128 + n) with nothing recorded. Once the lock is held, the check and
   * the insert run in one transaction, as in logContact.
   */
  logContactWaiting(c: ContactEntry, check?: () => ContactEntry | void): Promise<void>;
  /**
   * Record several orders' entries as one conversation (`reviews log A B`, schema 15), all or none in
   * one transaction, as logContactWaiting records one: `check` runs under the write lock and returns
   * what to record (or throws to refuse: nothing is recorded). Entries of several orders share a
   * conversation number; one entry alone is recorded as logContact records it (no number), unless it
   * joins a conversation already recorded (`join`: that conversation's rows get the number too).
   */
  logContactsWaiting(entries: ContactEntry[], check?: () => ConversationToLog | void): Promise<void>;
  /** Contact history per order id (all orders when ids omitted). attempts = entries whose status is 'contacted' or 'awaiting_reply'; status = the latest entry's status. */
  contactHistory(orderIds?: string[]): Map<string, ContactSummary>;
  /** The orders with a contact recorded with each of these buyers (schema 6), by buyer. */
  ordersOfBuyers(buyers: string[]): Map<string, string[]>;
  /** The orders each of these conversations (ContactEntry.conversation, schema 15) was about, by conversation. */
  conversationOrders(conversations: number[]): Map<number, string[]>;
  listVouchers(): ListedVoucher[];
  /**
   * The ids of the orders recorded vouchers paid (kind 'voucher', the paying claim): the ids alone,
   * so that a ledger of 400,000 paid orders costs a run about 0.4 s and 40 MB, not 6.5 s and 365 MB.
   * `kind` 'delivery_promise': the orders recorded unkept-promise payouts paid instead.
   */
  paidOrderIds(kind?: 'voucher' | 'delivery_promise'): Set<string>;
  /**
   * Of these `count` order ids, those a recorded voucher (or unkept-promise payout) paid: paidOrderIds
   * looked up for the ids given only (in batches), not the whole ledger read — unless they are many
   * against the ledger's rows, when reading it whole is quicker; then every paid id is returned (a
   * superset: the caller checks its own ids against it).
   */
  paidAmong(orderIds: Iterable<string>, count: number, kind?: 'voucher' | 'delivery_promise'): Set<string>;
  /**
   * Of these orders, those a recorded voucher paid (kind 'voucher', the paying claim), by order id:
   * the voucher and what the order came to in it (null when recorded before schema 8 kept the shares).
   */
  paidOrders(orderIds: string[]): Map<string, PaidOrder>;
  /**
   * Every order a recording run saw open and unshipped past its deadline (schema 12; none from an
   * older ledger read as it is), by `<platform>` + U+0000 + order id: the latest such --as-of; and
   * every line so seen (schema 13), by `<platform>` + U+0000 + order id + U+0000 + 子订单编号.
   */
  sightings(): Map<string, number>;
  /** The sightings of these orders (by order id), with their shop and deadline: the few a run found in none of its exports. */
  sightingsOf(orderIds: readonly string[]): Sighting[];
  /** Every order of `provisional_late` (schema 14; none from an older ledger read as it is), by `<platform>` + U+0000 + order id. */
  provisionalLateKeys(): Set<string>;
  /** The `provisional_late` rows of these orders (by order id): the few a run found in none of its exports. */
  provisionalLateOf(orderIds: readonly string[]): ProvisionalLate[];
  /** Every item key remembered under this `notified` target (read only; a report's few markers, not a notify log). */
  notifiedItems(target: string): string[];
  /** Which of these item keys were already posted to this notify target (read only). */
  notifiedKeys(target: string, keys: string[]): Set<string>;
  /** Remember that these items were posted to this target (one transaction; repeats are kept once). */
  recordNotified(target: string, keys: string[], at: number): void;
  /** Items this target must still be told though no later run may list them (NoticeItem.keep), oldest first. */
  heldNotices(target: string): HeldNotice[];
  /** Keep these items for this target until delivered (a held key is kept once, with its first time). */
  holdNotices(target: string, items: Omit<HeldNotice, 'since'>[], at: number): void;
  /** Every notify target with items held for it (its id, without the `held:` prefix). */
  heldTargets(): string[];
  /** The shop each of these recorded vouchers counts toward (null: none recorded; absent: no such voucher). */
  voucherShops(voucherKeys: readonly string[]): Map<string, string | null>;
  /**
   * Every shop this database holds anything of: the shops of its vouchers, sightings and late
   * orders (店铺Id or 店铺名称 as recorded), the shops kept --record runs read (SHOP_RECORDED_TARGET),
   * and the 店铺Id/店铺名称 pairs runs linked (shop_names).
   */
  heldShops(): { texts: Set<string>; pairs: [string, string][]; kinds: Map<string, 'id' | 'name'> };
  /** The platforms of the sightings and late orders this database holds and of the kept --record runs (PLATFORM_RECORDED_TARGET), and the rule set ids of its vouchers. */
  heldPlatforms(): { platforms: Set<string>; rules: Set<string> };
  /**
   * Move these items held for `from` (a robot no longer configured: its URL was replaced) to be held
   * for each of `to`, keeping when they were first held; one transaction.
   */
  adoptNotices(from: string, to: readonly string[], items: readonly HeldNotice[]): void;
  /** These items reached this target: no longer held. */
  releaseNotices(target: string, keys: string[]): void;
  /**
   * A message holding these items was accepted: remember them as told and release them (one
   * transaction), waiting up to `waitMs` for the write lock (polled, so a signal still ends the run),
   * telling `onWait` once the usual busy timeout has passed. Throws StateError past `waitMs`.
   */
  deliveredWaiting(target: string, keys: string[], at: number, waitMs: number, onWait?: () => void): Promise<void>;
  close(): void;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** Order ids a paidAmong query looks up at once. */
const PAID_BATCH = 10_000;

/** A row of vouchers naming a key in `covered` (recordVouchers' takersOf). */
type TakerRow = { voucher_key: string; covered: string };
/** The values of recordVouchers' insert, in its column order (`covered` the tenth). */
type InsertRow = [
  voucherKey: string,
  buyer: string,
  rules: string,
  orderIds: string,
  amount: string,
  windowStart: number | null,
  recordedAt: number,
  kind: string,
  reissueOf: string | null,
  covered: string | null,
  shares: string | null,
  shop: string | null,
  shopKind: string | null,
];
/** Longer keys ask SQLite's LIKE itself (its pattern limit, 50,000 bytes, says so as before). */
const TAKERS_LIKE_MAX = 10_000;
/** ASCII letters in lower case, the rest as it is: what SQLite's LIKE folds (built without ICU). */
function foldAscii(s: string): string {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (c) => c.toLowerCase()) : s;
}

/** Statuses that count as a contact attempt (RULES: at most maxAttempts attempts). */
const ATTEMPT_STATUSES: ReadonlySet<ReviewStatus> = new Set(['contacted', 'awaiting_reply']);

const AMOUNT_RE = /^-?\d+(?:\.\d+)?$/;

/** opts.busyTimeoutMs, else STOREOPS_BUSY_TIMEOUT_MS, else 5000. */
export function busyTimeout(opt: number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  if (opt !== undefined) return opt;
  const raw = env.STOREOPS_BUSY_TIMEOUT_MS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_BUSY_TIMEOUT_MS;
  if (!/^\d+$/.test(raw.trim())) {
    throw new UsageError(
      msg(`STOREOPS_BUSY_TIMEOUT_MS 必须是毫秒整数, 收到 "${raw}"`, `STOREOPS_BUSY_TIMEOUT_MS must be a whole number of milliseconds, got "${raw}"`),
      msg('例如 STOREOPS_BUSY_TIMEOUT_MS=10000 表示最多等 10 秒。', 'for example STOREOPS_BUSY_TIMEOUT_MS=10000 waits up to 10 seconds.'),
    );
  }
  return Number(raw.trim());
}

/**
 * Opens the state database, creating it (and its folder) when allowed, bringing an older schema
 * forward. Throws StateError (exit 4) when the file is busy beyond the timeout, damaged, not ours,
 * or from a newer storeops; such a file is never written to.
 *
 * With `create: false` the caller only reads: a missing file is not created (the handle reads as
 * empty: no vouchers, no contacts), an existing one is opened READ-ONLY, so listing works in a
 * read-only folder or on a read-only file; any write throws StateError. Only a file with an older
 * schema is opened for writing, to bring it forward first.
 */
/**
 * `readOnly`: a run that only glances at the database (compensate without --record, its
 * unrecorded-run warning): opened read-only and never written, not even to bring an older schema
 * forward (the tables it reads are there since schema 3) nor to make an empty file a database; an
 * empty file reads as no database.
 */
export async function openState(file: string, opts: { create?: boolean; busyTimeoutMs?: number; readOnly?: boolean } = {}): Promise<StateDb> {
  const create = opts.readOnly ? false : (opts.create ?? true);
  const busyMs = busyTimeout(opts.busyTimeoutMs);
  const abs = path.resolve(file);
  const fail = (e: unknown) => stateFailure(e, abs, busyMs);
  refuseUnreachable(abs);
  if (isSpecial(abs)) throw notAFileError(abs);
  if (create) refuseReadOnly(abs);
  if (create) refuseEmpty(abs);

  // A run that only reads never makes an empty file a database: `ledger list` on a ledger cut to
  // 0 bytes made it a valid empty one, which the next --record run then recorded into as new.
  if (!create && emptyFile(abs)) return emptyState(abs);
  const Database = (await import('better-sqlite3')).default;
  if (!fs.existsSync(abs)) {
    if (!create) return emptyState(abs);
    try {
      makeDatabase(Database, abs);
    } catch (e) {
      throw fail(e);
    }
  }

  // Opening a WAL database while another run's last connection is closing (it checkpoints and
  // removes the -wal file under an exclusive lock) fails at once with SQLITE_BUSY: SQLite's busy
  // handler is not asked there. Two cron runs starting together (each checks the database before
  // reading, then opens it to record) hit it: one stopped with exit 4 "busy" after 0.1 s. Such a
  // failure is tried again until the busy timeout, as a held lock is waited for.
  const deadline = Date.now() + busyMs;
  for (;;) {
    try {
      if (opts.readOnly) return (await openReadOnly(Database, abs, busyMs, true)) ?? emptyState(abs);
      return await openOnce(Database, abs, create, busyMs);
    } catch (e) {
      if (!isBusy(e) || Date.now() >= deadline) throw fail(e);
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.floor(Math.random() * 30)));
    }
  }
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** One attempt of openState's: read-only when asked and the schema is current, else for writing. */
async function openOnce(Database: typeof BetterSqlite3, abs: string, create: boolean, busyMs: number): Promise<StateDb> {
  if (!create) {
    const ro = await openReadOnly(Database, abs, busyMs);
    if (ro) return ro;
    // An older schema: open for writing once to bring it forward (as any command would).
  }
  const db = new Database(abs, { fileMustExist: true, timeout: busyMs });
  try {
    prepare(db, abs);
    return new SqliteState(abs, db, busyMs);
  } catch (e) {
    closeQuietly(db);
    throw e;
  }
}

/**
 * Before a run reads its inputs: can the state database be opened as the run will open it later?
 * A run over a million-row export judged every order, then said the database was damaged, busy,
 * in a folder it could not make, or that the SQLite module was not built (exit 4) a minute later.
 * Now it says so first, having read nothing. Nothing is held: the file is opened, checked as
 * openState checks it (and brought to the current schema, as the run would), and closed; no
 * write lock is taken, so a run recording at this moment is not waited for (in WAL mode reading
 * does not wait for a writer) and does not wait for this one. A missing file is not created
 * (a run that fails on its input leaves no empty database behind): the folder it would be made in
 * must be one that can be made or written. `write: false` (a run that only reads the database):
 * a missing file is fine, an existing one is opened read-only.
 */
export async function checkState(file: string, opts: { write: boolean; busyTimeoutMs?: number }): Promise<void> {
  const busyMs = busyTimeout(opts.busyTimeoutMs);
  const abs = path.resolve(file);
  const fail = (e: unknown) => stateFailure(e, abs, busyMs);
  refuseUnreachable(abs);
  if (!fs.existsSync(abs)) {
    if (!opts.write) return;
    // The nearest folder that exists must be a folder this run may write in (mkdir -p, then the file).
    let dir = path.dirname(abs);
    while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    try {
      if (!fs.statSync(dir).isDirectory()) throw Object.assign(new Error(`not a directory, mkdir '${path.dirname(abs)}'`), { code: 'ENOTDIR', syscall: 'mkdir', path: path.dirname(abs) });
      fs.accessSync(dir, fs.constants.W_OK);
    } catch (e) {
      throw fail(e);
    }
    // The SQLite module must load (built for this Node.js): an in-memory database touches no file.
    try {
      const Database = (await import('better-sqlite3')).default;
      new Database(':memory:').close();
    } catch (e) {
      throw fail(e);
    }
    return;
  }
  if (opts.write) refuseReadOnly(abs);
  if (opts.write && !isFolder(abs)) {
    // SQLite opens a file it may not write read-only without a word; the folder holds its -wal file.
    for (const p of [abs, path.dirname(abs)]) {
      try {
        fs.accessSync(p, fs.constants.W_OK);
      } catch (e) {
        throw fail(e);
      }
    }
  }
  const db = await openState(abs, { create: opts.write, busyTimeoutMs: busyMs });
  db.close();
}

/**
 * The state path, or the nearest part of it there is, is a symbolic link that leads nowhere (or
 * round in a loop): refused (unreachableStateError) by every run, one that only reads too, rather
 * than taken for "no database yet". A path simply not there yet (a new setup) is fine.
 */
function refuseUnreachable(abs: string): void {
  const broken = brokenLinkOn(abs);
  if (broken) throw unreachableStateError(abs, broken.link, broken.to, broken.loop);
  // A folder fstab mounts a share at, with nothing mounted now: a plain empty folder (guard45).
  const unmounted = unmountedOn(abs);
  if (unmounted) throw unmountedStateError(abs, unmounted);
}

/**
 * A state file whose mode gives its owner no write bit is read-only on purpose and never written,
 * by root neither (who may write anything: `--record` as root recorded into a chmod 444 database).
 */
function refuseReadOnly(abs: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    return;
  }
  if (st.isFile() && (st.mode & 0o200) === 0) throw readOnlyStateError(abs, st.mode);
}

/**
 * A 0-byte state file (and no -wal holding its pages) is never one storeops made (makeDatabase):
 * a run that writes refuses it rather than record into it as a new, empty ledger (emptyStateError).
 */
function refuseEmpty(abs: string): void {
  if (emptyFile(abs)) throw emptyStateError(abs, fs.statSync(abs).size);
}

/**
 * A regular file at `abs` that SQLite reads as empty, with no -wal holding pages of it: 0 bytes, or
 * 1 byte, which SQLite's unix layer reports as 0 (os_unix.c unixFileSize, ticket #3260) and makes a
 * new database in. `echo > state.db` leaves that one byte (a newline): taken for 0 bytes only, it
 * was a new, empty ledger and every voucher recorded before was listed as new again (rev44).
 * Never a database storeops made.
 */
export function emptyFile(abs: string): boolean {
  try {
    const st = fs.statSync(abs);
    if (!st.isFile() || st.size > 1) return false;
  } catch {
    return false;
  }
  try {
    return fs.statSync(`${abs}-wal`).size === 0; // else its pages are in the -wal: SQLite reads them
  } catch {
    return true; // no -wal
  }
}

const NEW_TEMP = /\.new-(\d+)\.tmp$/;

/**
 * Makes a new state database at `abs` whole: built beside it under a temporary name (owner-only,
 * WAL, the current schema), synced, then hard-linked into place, which fails if another run made
 * one a moment ago (theirs is then opened). A run killed while making it leaves no database, or a
 * whole one; never an empty file a later run would have to take for a new ledger. Where the file
 * system has no hard links, the file is copied into place, created exclusively.
 */
function makeDatabase(Database: typeof BetterSqlite3, abs: string): void {
  const dir = path.dirname(abs);
  makeFolders(dir, 0o700);
  sweepNewTemps(abs);
  const temp = `${abs}.new-${process.pid}.tmp`;
  const remove = () => {
    for (const p of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) fs.rmSync(p, { force: true });
  };
  remove();
  try {
    // Created with 0600 first: SQLite gives the -wal and -shm files the database's mode.
    const fd = fs.openSync(temp, 'wx', 0o600);
    fs.closeSync(fd);
    fs.chmodSync(temp, 0o600);
    const db = new Database(temp, { fileMustExist: true });
    try {
      prepare(db, temp);
    } finally {
      db.close(); // merges the -wal into the file and removes it
    }
    const tfd = fs.openSync(temp, 'r');
    try {
      fs.fsyncSync(tfd);
    } finally {
      fs.closeSync(tfd);
    }
    try {
      fs.linkSync(temp, abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return; // another run made it a moment ago: theirs is opened
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
      try {
        fs.copyFileSync(temp, abs, fs.constants.COPYFILE_EXCL);
      } catch (c) {
        if ((c as NodeJS.ErrnoException).code !== 'EEXIST') throw c;
        return;
      }
      fs.chmodSync(abs, 0o600);
    }
    try {
      const dfd = fs.openSync(dir, 'r');
      try {
        fs.fsyncSync(dfd);
      } finally {
        fs.closeSync(dfd);
      }
    } catch {
      /* a folder that cannot be synced (some systems): the file itself is */
    }
  } finally {
    remove();
  }
}

/** Temporary databases beside `abs` that runs killed while making it left (their process is gone). */
function sweepNewTemps(abs: string): void {
  const base = path.basename(abs);
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(abs));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(`${base}.new-`)) continue;
    const m = NEW_TEMP.exec(name.replace(/-(wal|shm|journal)$/, ''));
    if (!m || name.slice(base.length).replace(/-(wal|shm|journal)$/, '') !== `.new-${m[1]}.tmp`) continue;
    if (Number(m[1]) === process.pid || processAlive(Number(m[1]))) continue;
    fs.rmSync(path.join(path.dirname(abs), name), { force: true });
  }
}

/** A FIFO, socket or device at `p` (through links): never opened as a database. */
function isSpecial(p: string): boolean {
  try {
    const st = fs.statSync(p);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

function closeQuietly(db: BetterSqlite3.Database): void {
  try {
    db.close();
  } catch {
    // already failing; the first error is the one to report
  }
}

/**
 * A read-only handle, or null when the file's schema is older than ours (it must be migrated).
 * SQLite cannot open a WAL database read-only when it may not create the -shm file beside it (a
 * read-only folder): then, if no -wal file holds unmerged changes, the file is read into memory
 * and opened from there, still read-only.
 */
/** `anySchema`: an older schema is read as it is (null only for an empty file, schema 0). */
async function openReadOnly(Database: typeof BetterSqlite3, abs: string, busyMs: number, anySchema = false): Promise<StateDb | null> {
  const older = (v: number) => (anySchema ? v === 0 : v < SCHEMA_VERSION);
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new Database(abs, { fileMustExist: true, readonly: true, timeout: busyMs });
    const version = check(db, abs);
    if (older(version)) {
      closeQuietly(db);
      return null;
    }
    return new SqliteState(abs, db, busyMs, true);
  } catch (e) {
    if (db) closeQuietly(db);
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string' || !/^SQLITE_(READONLY|CANTOPEN)/.test(code)) throw e;
  }
  const wal = `${abs}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    throw damagedError(abs, `${wal} holds changes not yet merged and this folder cannot be written`);
  }
  const bytes = fs.readFileSync(abs);
  // Bytes 18-19 say "WAL"; an in-memory copy has no WAL, so mark the copy as a rollback journal file.
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  const mem = new Database(bytes, { readonly: true });
  try {
    if (older(check(mem, abs))) {
      closeQuietly(mem);
      return null;
    }
  } catch (e) {
    closeQuietly(mem);
    throw e;
  }
  return new SqliteState(abs, mem, busyMs, true);
}

/** Reads only, in one read transaction: is the file sound and ours? Returns its schema version. */
function check(db: BetterSqlite3.Database, file: string): number {
  // A run migrating the file at this moment is seen wholly or not at all.
  return db.transaction(() => {
    const result = db.pragma('quick_check(1)', { simple: true }) as string;
    if (result !== 'ok') throw damagedError(file, result);
    const appId = db.pragma('application_id', { simple: true }) as number;
    const v = db.pragma('user_version', { simple: true }) as number;
    if (v > SCHEMA_VERSION && appId === APPLICATION_ID) throw tooNewError(file, v, SCHEMA_VERSION);
    if (appId !== 0 && appId !== APPLICATION_ID) throw foreignError(file);
    if (appId === 0) {
      const objects = (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
      if (objects > 0 || v !== 0) throw foreignError(file);
    }
    checkAmounts(db, file);
    return v;
  }).deferred();
}

/**
 * Text that is not AMOUNT_RE's `-?digits(.digits)?`, in SQL: not led by a digit (after a minus), or
 * holding another character, a second minus or dot, or a dot last or first.
 */
const NOT_AMOUNT = (c: string) =>
  `(typeof(${c}) <> 'text' OR NOT (${c} GLOB '[0-9]*' OR ${c} GLOB '-[0-9]*') OR ${c} GLOB '*[^0-9.-]*' OR ${c} GLOB '?*-*' OR ${c} GLOB '*.*.*' OR ${c} GLOB '*.')`;

/**
 * Random bytes landing inside a row leave the file sound to quick_check: an amount no longer a
 * number (`5O.00`) stopped every command opening the database with "internal error: DecimalError"
 * (exit 70, "a bug in storeops"). Said damaged instead, naming the row, before anything is read or
 * written. One pass over the vouchers (and provisional_late) table, far less than quick_check's.
 */
function checkAmounts(db: BetterSqlite3.Database, file: string): void {
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]));
  if (tables.has('vouchers')) {
    const bad = db.prepare(`SELECT voucher_key AS k, amount AS a FROM vouchers WHERE ${NOT_AMOUNT('amount')} LIMIT 1`).get() as { k: unknown; a: unknown } | undefined;
    if (bad) throw damagedError(file, msg(`红包 ${String(bad.k)}: 金额 ${JSON.stringify(String(bad.a))} 不是金额`, `voucher ${String(bad.k)}: amount ${JSON.stringify(String(bad.a))} is not an amount`));
  }
  if (tables.has('provisional_late')) {
    const bad = db.prepare(`SELECT order_id AS k, share AS a FROM provisional_late WHERE ${NOT_AMOUNT('share')} LIMIT 1`).get() as { k: unknown; a: unknown } | undefined;
    if (bad) throw damagedError(file, msg(`待定红包中的延迟订单 ${String(bad.k)}: 金额 ${JSON.stringify(String(bad.a))} 不是金额`, `late order ${String(bad.k)} of a provisional voucher: amount ${JSON.stringify(String(bad.a))} is not an amount`));
  }
}

/** Checks the file read-only first, then switches to WAL and migrates under the write lock. */
function prepare(db: BetterSqlite3.Database, file: string): void {
  // Reads only until we know the file is sound and ours: a damaged file is never written to.
  const version = check(db, file);

  if (String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') {
    const mode = String(db.pragma('journal_mode = WAL', { simple: true })).toLowerCase();
    if (mode !== 'wal') throw damagedError(file, `journal_mode stays ${mode}`);
  }
  // FULL: each run's one commit is synced, so a power cut cannot lose a recorded voucher.
  db.pragma('synchronous = FULL');

  if (version < SCHEMA_VERSION) {
    db.transaction(() => {
      // Another run may have migrated while we waited for the lock: read the version again.
      const now = db.pragma('user_version', { simple: true }) as number;
      if (now > SCHEMA_VERSION) throw tooNewError(file, now, SCHEMA_VERSION);
      for (const m of MIGRATIONS) {
        if (m.to <= now) continue;
        m.up(db);
        db.pragma(`user_version = ${m.to}`);
      }
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }).immediate();
  }
}

interface VoucherRow {
  voucher_key: string;
  buyer: string;
  /** Schema 9; NULL for vouchers recorded before it or from an export naming no shop. */
  shop: string | null;
  rules: string;
  order_ids: string;
  amount: string;
  window_start: number | null;
  recorded_at: number;
  kind: VoucherKind;
  reissue_of: string | null;
  covered: string | null;
  /** Schema 11; NULL while the voucher is held under the buyer it was recorded for. */
  buyer_now: string | null;
}

/** What a conflict of a recordVouchers call, not recorded, would take over (its cover), by voucher. */
interface Taking {
  key: string;
  ids: string[];
  from: Record<string, string>;
}

interface ClashRow {
  order_id: string;
  voucher_key: string;
  rules: string;
  recorded_at: number;
}

interface ContactRow {
  order_id: string;
  at: number;
  status: ReviewStatus;
  channel: string | null;
  note: string | null;
  who: string | null;
  buyer: string | null;
  /** Schema 15: set on each row of a conversation that covered several orders; NULL otherwise. */
  conversation?: number | null;
}

class SqliteState implements StateDb {
  /** The contacts table has schema 15's conversation column (read once). */
  private conversationCol: boolean | undefined;
  constructor(
    readonly path: string,
    private readonly db: BetterSqlite3.Database,
    private readonly busyMs: number,
    private readonly readOnly = false,
  ) {}

  /** recordedAt of the recording held open (hold): the time an output-pending marker carries. */
  private recordingAt: number | undefined;

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw stateFailure(e, this.path, this.busyMs);
    }
  }

  private writable(): void {
    if (this.readOnly) throw missingError(this.path, true);
  }

  recordVouchers(vouchers: VoucherRecord[], recordedAt: number, opts: RecordOptions = {}): Map<string, RecordStatus> {
    this.writable();
    for (const v of vouchers) checkVoucher(v);
    checkTime(recordedAt, 'recordedAt');
    const db = this.db;
    const exists = db.prepare('SELECT 1 FROM vouchers WHERE voucher_key = ?').pluck();
    // The key's own record and its top-ups (`<key>+1`, `<key>+2` …: '+' sorts just before ',').
    const amounts = db.prepare('SELECT amount FROM vouchers WHERE voucher_key = ? OR (voucher_key >= ? AND voucher_key < ?)').pluck();
    const held = db.prepare(
      `SELECT o.order_id, o.voucher_key, v.rules, v.recorded_at FROM voucher_orders o JOIN vouchers v ON v.voucher_key = o.voucher_key
       WHERE o.kind = ? AND o.order_id IN (SELECT value FROM json_each(?)) ORDER BY o.order_id, v.recorded_at, o.voucher_key`,
    );
    const insert = db.prepare(
      `INSERT INTO vouchers (voucher_key, buyer, rules, order_ids, amount, window_start, recorded_at, kind, reissue_of, covered, shares, shop, shop_kind)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // What each order came to in the voucher when this row was recorded (schema 8), or NULL.
    const sharesText = (v: VoucherRecord): string | null => (v.shareIsAmount ? JSON.stringify({ [v.orderIds[0]!]: v.amount }) : v.sharesJson ?? (v.shares === undefined ? null : JSON.stringify(v.shares)));
    // The money paid for a recorded voucher's orders (its amount and top-ups) that no later voucher
    // has taken over yet: later vouchers' `covered` says how much each took from which.
    // Read at the first clash, inside the transaction.
    let taken: Map<string, Decimal> | undefined;
    const available = (key: string): Decimal => {
      if (key.includes('#')) return earmarkLeft(key);
      if (!taken) {
        taken = new Map();
        for (const c of db.prepare('SELECT covered FROM vouchers WHERE covered IS NOT NULL').pluck().all() as string[]) {
          for (const [from, amount] of Object.entries(parseCovered(c, this.path))) taken.set(from, (taken.get(from) ?? new Decimal(0)).plus(amount));
        }
      }
      const all = (amounts.all(key, `${key}+`, `${key},`) as string[]).reduce((s, a) => s.plus(a), new Decimal(0));
      return Decimal.max(0, all.minus(taken.get(key) ?? 0));
    };
    // Each earlier payment covers the new vouchers holding its orders once in all (the first of them
    // in this call first), never twice, in this run or a later one.
    const left = new Map<string, Decimal>();
    // What the conflicts of this call (not recorded) would take from each recorded voucher.
    const conflictTook = new Map<string, Decimal>();
    // The conflicts of this call (not recorded), in order: what each still owes is worked out again
    // once the vouchers recorded after it in this call have taken theirs (below, `owedAfter`).
    // What the conflicts of this call not recorded (so far) would take, from which voucher.
    const takings: Taking[] = [];
    // The takes of this call's conflicts not recorded that `left` holds while a voucher is covered
    // (the conflicts before it, as --reissue all records them): inGroupOf counts what they took for
    // orders of another window as it counts a recorded voucher's take (takersOf).
    let callTaken: Taking[] = [];
    const blockedConflicts: { v: VoucherRecord; ids: string[]; heldBy: string[]; at: number; entry: number }[] = [];
    // The stale cap shares (staleUsed) those conflicts used: not used, as they are not recorded.
    const conflictStale = new Map<string, Decimal>();
    // Each order's share in the voucher of this call holding it (with that voucher's amount).
    // Made at its first use: only a voucher holding a recorded voucher's orders asks (issue 21: made
    // for every call, it was ~60 MB, two Decimals per order, at a 1M-row export). The same map: this
    // call's vouchers and their shares do not change while it records them.
    let shareMap: Map<string, { key: string; share: Decimal; most: Decimal }> | undefined;
    const shareNow = {
      get: (k: string): { key: string; share: Decimal; most: Decimal } | undefined => {
        if (!shareMap) {
          shareMap = new Map();
          for (const v of vouchers) {
            for (const [id, a] of Object.entries(recordShares(v) ?? {})) {
              const sk = `${v.kind ?? 'voucher'}|${id}`;
              if (!shareMap.has(sk)) shareMap.set(sk, { key: v.voucherKey, share: new Decimal(a), most: new Decimal(v.amount) });
            }
          }
        }
        return shareMap.get(k);
      },
    };
    // The vouchers of this call seen so far: one seen has taken what it needs already.
    const done = new Set<string>();
    // The conflicts of this call not recorded (seen, but what they took was put back): an earlier
    // voucher's money a later voucher of the call takes is still kept for them, as for one not seen
    // yet. Taken by the later one, a conflict re-issued on its own afterwards found it gone and was
    // owed it again (one --reissue <orders> after another paid more than --reissue all).
    const blockedKeys = new Set<string>();
    // The vouchers of this call recorded before at the amount they come to now (filled in when the
    // call starts): they take nothing in this call, so nothing is kept back for them either.
    const recordedAsIs = new Set<string>();
    // Of each voucher seen again as recorded (recordedAsIs), how much its own window pays whatever
    // the run does (filled in when the call starts, below): money of recorded vouchers of its cap
    // group all of whose orders are its orders now (nothing else of the run can use or count it),
    // and what the group's vouchers holding none of the run's orders leave of its cap. Its own money
    // another voucher took over is kept back for it (needsOf) only for the rest.
    const asIsPaid = new Map<string, Decimal>();
    // What the top-ups this call reports but does not record (amount_changed) would change in
    // `left`, by voucher: owedAfter counts them recorded, as --reissue all records them.
    const toppedUpLater = new Map<string, Decimal>();
    const settled = (key: string) => recordedAsIs.has(key) || (done.has(key) && !blockedKeys.has(key));
    // The stale cap shares (cover) given to vouchers in this call, by the voucher they were taken from.
    const staleUsed = new Map<string, Decimal>();
    // A cap share stale from the other side (staleCap: the counted voucher j's orders moved, since the
    // share was counted, to vouchers of this call outside the taker's cap group), by counted voucher
    // and moved order (key `${j}#${order}`): the part of j's money given back for that order, less
    // what vouchers holding the order took of j since. Only the voucher of the call now holding the
    // order reaches it (cover, first): §1.7 "the money follows the order, to the voucher that now
    // holds it". Worked out as the call starts, whichever vouchers the run re-issues (said, --reissue
    // all and one at a time alike: reissue-9217-step2.test.ts, seed 9217 step 2 of reissue-paths3).
    const earmarkInit = new Map<string, Decimal>();
    const earmarkLeft = (ek: string): Decimal => {
      const init = earmarkInit.get(ek);
      if (!init) return new Decimal(0);
      const at = ek.lastIndexOf('#');
      const j = ek.slice(0, at);
      const o = ek.slice(at + 1);
      let t = init;
      for (const r of takersOf(j)) {
        const a = parseCovered(r.covered, this.path)[j];
        if (a === undefined || !new Decimal(a).gt(0)) continue;
        if (parseIds((idsOf.get(r.voucher_key) as string | undefined) ?? '[]', this.path).includes(o)) t = t.minus(a);
      }
      return Decimal.max(0, t);
    };
    const idsOf = db.prepare('SELECT order_ids FROM vouchers WHERE voucher_key = ?').pluck();
    const reissuesOf = db.prepare('SELECT reissue_of FROM vouchers WHERE voucher_key = ?').pluck();
    // Every voucher this call is given: to record, cover-only and paid by the platform.
    // As its three lists (a copy of them in one, ~208k at a 1M-row export, was 1.7 MB held for the
    // whole call: issue 21), read in this order; `callAt(i)` is the i-th of them all in that order.
    const callLists: readonly (readonly VoucherRecord[])[] = [vouchers, opts.coverOnly ?? [], opts.platformPaid ?? []];
    const nPlan = vouchers.length;
    const coverList = callLists[1]!;
    const paidList = callLists[2]!;
    const nCall = nPlan + coverList.length + paidList.length;
    const callAt = (i: number): VoucherRecord => (i < nPlan ? vouchers[i]! : i < nPlan + coverList.length ? coverList[i - nPlan]! : paidList[i - nPlan - coverList.length]!);
    // This call's vouchers by key and by buyer, in call order, as indexes in typed arrays (KeyChains):
    // Maps of every record by key (the first with a window start), by buyer, of the records to
    // record by key, and a set of every key were ~24 MB of the recording's peak at a 1M-row export
    // (208k records; issue 21, forty-sixth round). No record changes its key or buyer meanwhile.
    const byKey = new KeyChains(nCall, (i) => callAt(i).voucherKey);
    // Made when first asked (by caps, in the transaction), as the maps it replaces were: the
    // buyers are read no earlier than before (test/state/processes.test.ts stops a run at a
    // record's buyer, read inside the transaction, to kill it there).
    let buyerChains: KeyChains | undefined;
    const byBuyerText = (): KeyChains => (buyerChains ??= new KeyChains(nCall, (i) => callAt(i).buyer));
    // The records to record by key: a later record of a key wins.
    const inCallByKey = {
      get: (k: string): VoucherRecord | undefined => {
        let r: VoucherRecord | undefined;
        // The records to record come first in call order, so first in each key's chain.
        for (let i = byKey.first(k); i !== -1 && i < nPlan; i = byKey.after(i)) r = vouchers[i];
        return r;
      },
    };
    // This call's vouchers to record of a kind, rule set and buyer, in call order.
    const callOfBuyer = (kind: string, rules: string, buyer: string): VoucherRecord[] => {
      const out: VoucherRecord[] = [];
      const chains = byBuyerText();
      for (let i = chains.first(buyer); i !== -1 && i < nPlan; i = chains.after(i)) {
        const v = vouchers[i]!;
        if ((v.kind ?? 'voucher') === kind && v.rules === rules) out.push(v);
      }
      return out;
    };
    const kindOf = db.prepare('SELECT kind FROM vouchers WHERE voucher_key = ?').pluck();
    // The rows whose `covered` names a voucher's key (those that took money over from it): what
    // `covered LIKE '%"key"%'` gives. That statement scans the whole vouchers table (no index can
    // serve it), once per call, and a run calls it for each voucher holding a recorded voucher's
    // orders: with a conflict per grown window said again each hourly run, the time grew with
    // conflicts × ledger (1M-row bench export, tmall-2023, a tenth of its rows missing from the first
    // run: 1,480 scans of 88k rows in the second). Now the table is read once, at the first call, into
    // an index by each text between two quotes of `covered` (a `"key"` LIKE matches is exactly one of
    // them, ASCII case folded as LIKE folds), its rows in the order the scan gives them; rows this call
    // inserts (rowids after them all) are added as they are. A key LIKE would read as a pattern (% _)
    // or holding a quote asks the statement, as before.
    const takersLike = db.prepare('SELECT voucher_key, covered FROM vouchers WHERE covered LIKE ?');
    let takersIndex: Map<string, TakerRow[]> | undefined;
    const indexTaker = (r: TakerRow): void => {
      // LIKE matches no blob, and a number's text holds no quote.
      if (typeof r.covered !== 'string') return;
      const parts = r.covered.split('"');
      const seen = new Set<string>();
      for (let i = 1; i < parts.length - 1; i++) {
        const t = foldAscii(parts[i]!);
        if (seen.has(t)) continue;
        seen.add(t);
        const list = takersIndex!.get(t);
        if (list) list.push(r);
        else takersIndex!.set(t, [r]);
      }
    };
    const takersOf = (key: string): TakerRow[] => {
      if (/[%_"]/.test(key) || key.length > TAKERS_LIKE_MAX) return takersLike.all(`%"${key}"%`) as TakerRow[];
      if (!takersIndex) {
        takersIndex = new Map();
        for (const r of db.prepare('SELECT voucher_key, covered FROM vouchers WHERE covered IS NOT NULL ORDER BY rowid').iterate() as IterableIterator<TakerRow>) indexTaker(r);
      }
      return [...(takersIndex.get(foldAscii(key)) ?? [])];
    };
    // Prepared at first use. A ledger before schema 16 read without --record is not migrated: it has
    // no cap_share_orders, so nothing is written there and no share is stale from the other side.
    let capShareStmts: { insert: (...a: string[]) => void; rows: (taker: string, counted: string) => { order_id: string; holder: string }[]; has: (taker: string) => boolean } | undefined;
    const capShare = () => {
      if (capShareStmts) return capShareStmts;
      if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cap_share_orders'").get() === undefined) {
        return (capShareStmts = { insert: () => {}, rows: () => [], has: () => false });
      }
      const insert = db.prepare('INSERT OR IGNORE INTO cap_share_orders (taker, counted, order_id, holder) VALUES (?, ?, ?, ?)');
      const rows = db.prepare('SELECT order_id, holder FROM cap_share_orders WHERE taker = ? AND counted = ?');
      const has = db.prepare("SELECT 1 FROM cap_share_orders WHERE taker = ? AND holder <> '?' LIMIT 1").pluck();
      return (capShareStmts = {
        insert: (...a: string[]) => void insert.run(...a),
        rows: (taker, counted) => rows.all(taker, counted) as { order_id: string; holder: string }[],
        has: (taker) => has.get(taker) !== undefined,
      });
    };
    /** Insert a voucher row, and add it to the takers' index when one is read. */
    const insertVoucher = (...row: InsertRow): void => {
      insert.run(...row);
      if (takersIndex && row[9] !== null) indexTaker({ voucher_key: row[0], covered: row[9] });
      // Schema 16: for a cap share (a cover from a voucher holding none of this one's orders), each of
      // the counted voucher's orders with the key of the voucher of this call holding it ('' none),
      // so a later run can tell which of them moved since (staleCap, the other side).
      if (row[9] !== null) {
        const taker = String(row[0]).split('+')[0]!;
        const kind = String(row[7] ?? 'voucher');
        const mine = new Set(parseIds(String(row[3]), this.path));
        for (const j of Object.keys(parseCovered(String(row[9]), this.path))) {
          const theirs = [...new Set(parseIds((idsOf.get(j) as string | undefined) ?? '[]', this.path))];
          if (theirs.length === 0 || theirs.some((id) => mine.has(id))) continue;
          for (const o of theirs) {
            const h = inCallHolder(kind, o);
            capShare().insert(taker, j, o, h);
          }
        }
      }
    };
    /** The key of the first voucher of this call holding order `o` (of `kind`), '' none. */
    let holderMap: Map<string, string> | undefined;
    const inCallHolder = (kind: string, o: string): string => {
      if (!holderMap) {
        holderMap = new Map();
        for (const v of vouchers) for (const id of v.orderIds) { const k = `${v.kind ?? 'voucher'}|${id}`; if (!holderMap.has(k)) holderMap.set(k, v.voucherKey); }
      }
      return holderMap.get(`${kind}|${o}`) ?? '';
    };
    const coveredOf = db.prepare('SELECT covered FROM vouchers WHERE (voucher_key = ? OR (voucher_key >= ? AND voucher_key < ?)) AND covered IS NOT NULL').pluck();
    /**
     * What the earlier vouchers holding a voucher's orders (`ids`) paid of its amount, taken from
     * each. An earlier voucher may also have paid for orders outside `ids`, and the voucher that
     * later holds those needs that money: so each gives at most what the orders it shares with this
     * voucher come to here (`shares`), those with fewest orders outside `ids` first, and more only
     * when all its orders are in this voucher. Taking all at once from the first one paid wrong: a
     * 24-hour window regrouped ({a,b} and {c} recorded, then {b,c} took {a,b}'s money, left {c}'s
     * 30.00 unused and {x,a} owed again what {a,b} had paid for a: 590.00 paid for 560.00), or an
     * order moved to another day ({o503,o500} took all of {o503,o505}'s 100.00: o500 never paid).
     */
    /** What each order of recorded voucher `k` came to in it (the most any of its rows recorded); undefined when a row has none (before schema 8). */
    const recordedShares = (k: string): Map<string, Decimal> | undefined => {
      const rows = sharesOfKey.all(k, `${k}+`, `${k},`) as (string | null)[];
      if (rows.length === 0 || rows.some((t) => t === null)) return undefined;
      const most = new Map<string, Decimal>();
      for (const t of rows) for (const [id, a] of Object.entries(parseAmounts(t!, this.path, 'shares'))) most.set(id, Decimal.max(most.get(id) ?? new Decimal(0), new Decimal(a)));
      return most;
    };
    const sharesOfKey = db.prepare('SELECT shares FROM vouchers WHERE voucher_key = ? OR (voucher_key >= ? AND voucher_key < ?)').pluck();
    // The orders this run's exports show (late in a voucher of this call, provisional, paid by the
    // platform, or judged not late): a recorded order outside them the export lacks.
    // Asked of inCall (below: the same vouchers' orders) and notLate, not copied into a set of its own
    // (issue 21: a second set of every order of the call). Called only in the recording's body,
    // after inCall is made.
    const shown = { has: (id: string): boolean => inCall.has(id) || (opts.notLate?.has(id) ?? false) };
    /**
     * Of the money `a` recorded voucher `k` took over from voucher `j` for orders of `j`'s it holds,
     * when this run's export lacks some of them (docs/rules.md §1.7), the part that stays in `k`
     * with nothing else to pay:
     * - `cap`: what it took for its first order (the one opening its window, at its recorded start),
     *   lacking now: `a` less what `k`'s other orders of `j`, shown, came to in `k` (they take their
     *   part where they are now). It counts in `k`'s window, toward its cap, once. A lacking order
     *   that did not open `k`'s window may sit in another window now: not counted here.
     * - `cover`: what it took beyond what all those orders came to in `k` (paid for `k`'s other
     *   orders): it pays them as `k`'s own money does, as far as their shares go. Also when none of
     *   them is lacking but all are judged not late (on time or --exclude: in no voucher of the run).
     */
    const forLacking = (k: string, j: string, a: Decimal | string, use: 'cap' | 'cover'): Decimal => {
      const kList = parseIds((idsOf.get(k) as string | undefined) ?? '[]', this.path);
      const kIds = new Set(kList);
      const jk = [...new Set(parseIds((idsOf.get(j) as string | undefined) ?? '[]', this.path))].filter((id) => kIds.has(id));
      const lacking = jk.filter((id) => !shown.has(id));
      // `cover` holds as well when every one of those orders is shown judged not late (on time, or
      // left out with --exclude) and so in no voucher of the run: like a lacking order, it takes none
      // of `k`'s money elsewhere, and what `k` took beyond its share paid `k`'s other orders
      // (lacking-not-judged, reissue-paths3 FUZZ_S=1000 seed 1053 with o06 on time: P {30} counted
      // only the 170.00 P {30,06} issued itself, left out the 130.00 of {06,05,02}'s 160.00 beyond
      // o06's 30.00 share, which paid o30, and issued it again: 1340.00 paid, 1210.00 owed).
      const allNotLate = use === 'cover' && jk.length > 0 && jk.every((id) => opts.notLate?.has(id) ?? false);
      if (lacking.length === 0 && !allNotLate) return new Decimal(0);
      const sh = recordedShares(k);
      if (!sh) return new Decimal(0);
      if (use === 'cap') {
        if (lacking.some((id) => id !== kList[0])) return new Decimal(0);
        return Decimal.max(0, new Decimal(a).minus(jk.filter((id) => shown.has(id)).reduce((t, id) => t.plus(sh.get(id) ?? 0), new Decimal(0))));
      }
      return Decimal.max(0, new Decimal(a).minus(jk.reduce((t, id) => t.plus(sh.get(id) ?? 0), new Decimal(0))));
    };
    const cover = (
      heldBy: string[],
      amount: Decimal,
      ids: string[],
      shares?: Record<string, string>,
      capOf?: string[],
    ): { total: Decimal; from: Record<string, string>; kept: Map<string, Decimal>; keptBy: Map<string, Map<string, Decimal>>; capTook: Map<string, Decimal>; giveStale: (most: Decimal) => Decimal; staleGave: Map<string, Decimal> } => {
      let total = new Decimal(0);
      const from: Record<string, string> = {};
      // What is kept back in each earlier voucher for the later vouchers of this call that is money
      // it took over for their orders (left there): not this voucher's as a cap share either
      // (capCover; tmall-2023, three exports: {30,00} held {00}'s 500.00 for o00, now in another
      // window; {30} re-issued first counted it toward its cap, though the ledger's {00} opened in
      // its 24 h, and issued nothing: one at a time 1500.00 paid, --reissue all 2000.00).
      const kept = new Map<string, Decimal>();
      // The same by the later voucher it is kept for (capCover bounds it by what that voucher takes).
      const keptBy = new Map<string, Map<string, Decimal>>();
      const keep = (held: string, c: Decimal, k: string) => {
        if (!c.gt(0)) return;
        kept.set(held, (kept.get(held) ?? new Decimal(0)).plus(c));
        const by = keptBy.get(held) ?? new Map<string, Decimal>();
        by.set(k, (by.get(k) ?? new Decimal(0)).plus(c));
        keptBy.set(held, by);
      };
      const mine = new Set(ids);
      const theirs = new Map(heldBy.map((k) => [k, parseIds((idsOf.get(k) as string | undefined) ?? '[]', this.path)]));
      const outside = (k: string) => theirs.get(k)!.filter((id) => !mine.has(id)).length;
      // For the order the earlier vouchers are taken in, an order outside this voucher that the export
      // shows judged not late (on time, or left out with --exclude) does not count: it is in no
      // voucher of the run and takes none of that money (what it came to still stays where it was
      // paid: `outside` keeps counting it for taking beyond the shares). Counted, reissue-paths3
      // FUZZ_S=8000 seed 8007 (reduced in reissue-8007-own-window-first.test.ts): Q {03,06}'s o06, on
      // time, ranked it after P {00}, so Q {00,03} took o00's 300.00, paid in P's window, before o03's
      // money paid in its own, and a later P {04}, whose window holds P {00}'s, issued 300.00 more:
      // 1300.00, 1000.00 owed.
      const outsideNeeding = (k: string) => theirs.get(k)!.filter((id) => !mine.has(id) && !(opts.notLate?.has(id) ?? false)).length;
      const order = [...heldBy].sort((a, b) => outsideNeeding(a) - outsideNeeding(b) || (a < b ? -1 : a > b ? 1 : 0));
      // What an earlier voucher took over from vouchers none of whose orders are in this one (a
      // window that held them too: {a,k} took {k}'s money) is theirs: not this voucher's to take
      // ({p,a} took it, then {k} read 'already recorded' with its money gone: 500.00 paid of 1000.00).
      const own = new Map<string, Decimal>();
      const ownOf = (held: string): Decimal => {
        let o = own.get(held);
        if (o === undefined) {
          o = (amounts.all(held, `${held}+`, `${held},`) as string[]).reduce((t, a) => t.plus(a), new Decimal(0));
          for (const c of coveredOf.all(held, `${held}+`, `${held},`) as string[]) {
            for (const [j, a] of Object.entries(parseCovered(c, this.path))) {
              if (!parseIds((idsOf.get(j) as string | undefined) ?? '[]', this.path).some((id) => mine.has(id))) o = o.minus(new Decimal(a).minus(Decimal.min(a, forLacking(held, j, a, 'cover'))));
            }
          }
          // What vouchers holding this one's orders took from it before came out of that part ({05}
          // took o05's 50.00 of {07,05}; the 50.00 left is {07}'s for o07: a top-up of {05} took it
          // too, 50.00 short).
          for (const r of takersOf(held)) {
            const a = parseCovered(r.covered, this.path)[held];
            if (a !== undefined && parseIds((idsOf.get(r.voucher_key) as string | undefined) ?? '[]', this.path).some((id) => mine.has(id))) o = o.minus(a);
          }
          o = Decimal.max(0, o);
        }
        return o;
      };
      const take = (held: string, most: Decimal) => {
        const rest = left.get(held) ?? available(held);
        const t = Decimal.max(0, Decimal.min(rest, most, ownOf(held), amount.minus(total)));
        own.set(held, ownOf(held).minus(t));
        total = total.plus(t);
        left.set(held, rest.minus(t));
        if (t.gt(0)) from[held] = (from[held] ? new Decimal(from[held]).plus(t) : t).toFixed(2);
        if (t.gt(0) && capCounted(held, true)) capTook.set(held, (capTook.get(held) ?? new Decimal(0)).plus(t));
      };
      // What it took of earlier vouchers whose money another voucher of this call counts toward its
      // cap (capCounted, leaving out one the run may hold): coverOf lets this voucher's own cap count
      // first what no later voucher of the call takes, and takes this money only for the rest.
      const capTook = new Map<string, Decimal>();
      const reservedOf = new Map<string, Decimal>();
      const reservedFirst = new Map<string, { reserved: Decimal; worth: Decimal }>();
      // What the earlier vouchers seen so far in this call kept back for each later voucher: together
      // no more than that voucher's amount (it takes no more than that). Kept back from each earlier
      // voucher holding its orders in full, a voucher needing 500.00 had 1000.00 kept for it
      // (tmall-2023: {02,03} 500.00 unused and {02,03,01} 500.00 both kept 500.00 back for
      // {02,00,01,60}; {03} re-issued on its own issued its 30.00 again: 1530.00 paid of 1500.00).
      const keptFor = new Map<string, Decimal>();
      // The later vouchers of this call (not seen yet, or conflicts not recorded) holding `held`'s
      // orders outside this one, with what those orders come to in them, each at most what it came
      // to in `held` when recorded (below).
      // Worked out once per earlier voucher in this call (a query of its recorded shares each).
      const needsMemo = new Map<string, Map<string, { sum: Decimal; most: Decimal }>>();
      const tookFrom = (held: string, k: string): boolean =>
        (coveredOf.all(held, `${held}+`, `${held},`) as string[]).some((c) => new Decimal(parseCovered(c, this.path)[k] ?? 0).gt(0));
      const needsOf = (held: string) => {
        const memo = needsMemo.get(held);
        if (memo) return memo;
        const byVoucher = new Map<string, { sum: Decimal; most: Decimal }>();
        const heldKind = (kindOf.get(held) as string | undefined) ?? 'voucher';
        const paidShare = recordedShares(held);
        for (const id of new Set(theirs.get(held)!)) {
          const o = mine.has(id) ? undefined : shareNow.get(`${heldKind}|${id}`);
          // A voucher seen again as recorded takes nothing in this call; but one whose own money
          // `held` took over for its orders (the same key: {00} recorded, taken over by {01,31,00},
          // {00} shown again) has that money in `held` still: it is kept back for it, or taking it
          // here moves it away and --reissue all tops it up again (reissue-paths3 FUZZ_S=3000 seed
          // 3139: P {01} took o00's 30.00 of P {01,31,00}; said 0.00, --reissue all 30.00 again).
          if (!o || (settled(o.key) && !(recordedAsIs.has(o.key) && tookFrom(held, o.key)))) continue;
          // Less what its own window pays it anyway (asIsPaid): money paid in the voucher's own
          // window goes before money paid in another, whose cap counts that money if left unused
          // (docs/rules.md §1.7; reissue-paths3 FUZZ_S=4500 seed 4531, tmall-2023, reduced in
          // reissue-4531-own-window-first.test.ts: A = Q {02,00} shown again as recorded, its 500.00
          // held by Q {30,02}, and B = Q {00}'s 500.00, o00's, in A's own window: kept back for A,
          // A's 500.00 could not pay Q {30} and Q {30} issued 500.00 anew, 1500.00 paid, 1000.00 owed).
          const most = recordedAsIs.has(o.key) ? o.most.minus(asIsPaid.get(o.key) ?? 0) : o.most;
          if (!most.gt(0)) continue;
          const e = byVoucher.get(o.key) ?? { sum: new Decimal(0), most };
          const was = paidShare?.get(id);
          byVoucher.set(o.key, { sum: e.sum.plus(was === undefined ? o.share : Decimal.min(o.share, was)), most: e.most });
        }
        needsMemo.set(held, byVoucher);
        return byVoucher;
      };
      // Of the earlier vouchers with as many orders outside this one, first the one whose other
      // orders the later vouchers of this call need least of: money they may count (toward a cap)
      // is taken last, not by the order of the keys (tmall-2023, three exports: {02,00,01,60} could
      // take {02,03}'s, {02,03,01}'s or {30,00}'s 500.00; taking {30,00}'s, o00's money counted in
      // {30}'s 24-hour window, left {30} 500.00 to issue anew, and which it took turned on the order
      // ids: 2000.00 paid one time, 1500.00 the other).
      const needed = (h: string) => [...needsOf(h).values()].reduce((t, e) => t.plus(Decimal.min(e.sum, e.most)), new Decimal(0));
      // Before all that, an earlier voucher another voucher of this call not seen yet counts toward
      // its cap (one of its buyer's day or 24-hour window holding none of this one's orders)
      // pays last: its money is the one that can pay twice over, once here for its orders and once
      // toward that cap, where another's can pay only its own orders (tmall-2023, three exports,
      // seed 1143: {30} 300.00 recorded in {05}'s rebuilt window; {02,30} took it for o30 and only
      // 200.00 of {02,05}'s 500.00, o02's money that nothing else can use, and {05} issued 500.00
      // anew: --reissue all 1300.00, {05} first 1000.00).
      const capMemo = new Map<string, boolean>();
      // `sure`: leaving out a voucher whose 24-hour window cannot be told (unclearWindow), which the
      // run may hold: counting nothing toward its cap then (capTook, below).
      const sureMemo = new Map<string, boolean>();
      // Whether later voucher `u`'s cap can be reached at all with `h`'s money in its group: `u`'s
      // amount, plus what each voucher of its group holds (of `h`, less the least this voucher must
      // take from it: what the rest of `heldBy` cannot give, at most this voucher's orders' recorded
      // shares there), less what of that pays `u`'s own orders (their recorded shares there, at most
      // what `u` can take of it, takeableBy: `u` takes it, counted once). Short of the cap, the money
      // of `h` left unused counts toward nothing: it is money nothing else can count (docs/rules.md
      // §1.7) and capLast puts it first. Only the order asks (capCounted without `sure`); what capTook
      // puts back is as before (asked there too, reissue-paths3 seed 9217 step 1 paid 1530.00 said and
      // --reissue all, 1500.00 owed). Reissue-paths3 FUZZ_S=9000 seed 9190, reduced in
      // reissue-take-uncounted-first.test.ts: X = P {02,05} took o05's 300.00, which Y = P {60,30}'s cap
      // counts, before o02's, held by Q {02,03,04} in the window of Z = Q {03}, whose cap cannot be
      // reached (300.00 + 500.00 − 200.00 X must take there − 170.00 o03's = 430.00 < 500.00): said and
      // --reissue all 1430.00, 1330.00 owed and paid now.
      const reachMemo = new Map<string, boolean>();
      const capReachable = (u: VoucherRecord, h: string): boolean => {
        const mk = `${u.voucherKey}|${h}`;
        const m = reachMemo.get(mk);
        if (m !== undefined) return m;
        const keys = capKeys(u);
        const uIds = [...new Set(u.orderIds)];
        let others = new Decimal(0);
        for (const k of heldBy) {
          if (k === h) continue;
          const sh = recordedShares(k);
          const mineThere = sh ? ids.reduce((t, id) => t.plus(sh.get(id) ?? 0), new Decimal(0)) : new Decimal(Infinity);
          others = others.plus(Decimal.max(0, Decimal.min(left.get(k) ?? available(k), ownOf(k), mineThere)));
        }
        const least = Decimal.max(0, amount.minus(total).minus(others));
        let reach = new Decimal(u.amount);
        let takes = new Decimal(0);
        // What a voucher of the group took over from another voucher for orders this call holds in a
        // voucher outside the group (another window or buyer), none of them this voucher's: that
        // money follows those orders there (§1.7) and is not in `u`'s window (rev31: Q {02,03,04}
        // held 300.00 of Q {04}'s for o04, which the third export puts in Q {04}'s own window again;
        // counted toward Q {03}'s cap it made that cap look reachable, 700.00 for 400.00, and P {02,05}
        // took o05's money first: 1700.00 paid, 1600.00 owed).
        const away = (k: string): Decimal => {
          let out = new Decimal(0);
          const net = new Map<string, Decimal>();
          for (const c of coveredOf.all(k, `${k}+`, `${k},`) as string[]) {
            for (const [j, a] of Object.entries(parseCovered(c, this.path))) net.set(j, (net.get(j) ?? new Decimal(0)).plus(a));
          }
          const kind = u.kind ?? 'voucher';
          for (const [j, a] of net) {
            if (!a.gt(0) || keys.includes(j)) continue;
            const jIds = [...new Set(parseIds((idsOf.get(j) as string | undefined) ?? '[]', this.path))];
            if (jIds.length === 0 || jIds.some((id) => mine.has(id) || u.orderIds.includes(id))) continue;
            let now = new Decimal(0);
            let all = true;
            for (const id of jIds) {
              const o = shareNow.get(`${kind}|${id}`);
              if (!o || keys.includes(o.key) || o.key === u.voucherKey) {
                all = false;
                break;
              }
              now = now.plus(Decimal.min(o.share, o.most));
            }
            if (all) out = out.plus(Decimal.min(a, now));
          }
          return out;
        };
        for (const k of keys) {
          const has = Decimal.max(0, (left.get(k) ?? available(k)).minus(away(k)));
          const g = k === h ? Decimal.max(0, has.minus(least)) : has;
          const sh = recordedShares(k);
          const forU = sh ? uIds.reduce((t, id) => t.plus(sh.get(id) ?? 0), new Decimal(0)) : new Decimal(0);
          const t = Decimal.max(0, Decimal.min(g, forU, takeableBy(k, u.voucherKey), new Decimal(u.amount).minus(takes)));
          takes = takes.plus(t);
          reach = reach.plus(g).minus(t);
        }
        const r = u.cap === undefined || reach.gte(u.cap.amount);
        reachMemo.set(mk, r);
        return r;
      };
      const capCounted = (h: string, sure = false): boolean => {
        const memo = sure ? sureMemo : capMemo;
        let c = memo.get(h);
        if (c !== undefined) return c;
        c = false;
        const r = recordedOf.get(h) as { kind: string; buyer: string; rules: string } | undefined;
        if (r && r.buyer !== '') {
          for (const u of callOfBuyer(r.kind, r.rules, r.buyer)) {
            if (!u.cap || (settled(u.voucherKey) && u.voucherKey !== capFor) || u.orderIds.some((id) => mine.has(id))) continue;
            if (sure && unclearWindow(u).length > 0) continue;
            if (capKeys(u).includes(h) && (sure || capReachable(u, h))) {
              c = true;
              break;
            }
          }
        }
        memo.set(h, c);
        return c;
      };
      // What the later voucher `k` of this call could take of `held`'s money (as ownOf for it):
      // not what `held` took over from vouchers holding none of `k`'s orders (that money stands
      // behind their orders, this one's among them), nor what vouchers holding `k`'s orders took
      // from it before. Kept back for `k` beyond that, nobody takes it (tmall-2023, three exports:
      // {30,01}'s 500.00 was all {01}'s, taken over for o01; {01} re-issued first kept all of it
      // back for {30} and issued its 50.00 anew, then {30} could take none of it: one at a time
      // 2350.00 paid, --reissue all 2300.00).
      const takeableBy = (held: string, k: string): Decimal => {
        const kv = inCallByKey.get(k);
        if (!kv) return new Decimal(Infinity);
        const kIds = new Set(kv.orderIds);
        let o = (amounts.all(held, `${held}+`, `${held},`) as string[]).reduce((t, a) => t.plus(a), new Decimal(0));
        // Money `held` counted toward its cap from a voucher of its window sharing none of its orders
        // paid `held`'s own orders: when `k` holds all of them, `k` may take it as it takes money paid
        // for them directly (the money follows the orders, docs/rules.md §1.7). Counted as untakeable,
        // `k` kept back all it needed of another earlier voucher, and a voucher holding that voucher's
        // other orders issued their money anew (tmall-2023, three exports, reissue-paths3 seed 1493:
        // P {04} counted 30.00 of P {03}'s money and paid o04; with o04 and o05 in P {05,04}, 500.00 of
        // Q {02,05,03} was kept back for it, o02's 30.00 with it, and Q {02} issued 30.00 anew: 1560.00,
        // 1530.00 owed).
        const hIds = parseIds((idsOf.get(held) as string | undefined) ?? '[]', this.path);
        const allInK = hIds.length > 0 && hIds.every((id) => kIds.has(id));
        for (const c of coveredOf.all(held, `${held}+`, `${held},`) as string[]) {
          for (const [j, a] of Object.entries(parseCovered(c, this.path))) {
            const jIds = parseIds((idsOf.get(j) as string | undefined) ?? '[]', this.path);
            if (allInK && !jIds.some((id) => hIds.includes(id))) continue;
            if (!jIds.some((id) => kIds.has(id))) o = o.minus(a);
          }
        }
        for (const r of takersOf(held)) {
          const a = parseCovered(r.covered, this.path)[held];
          if (a !== undefined && parseIds((idsOf.get(r.voucher_key) as string | undefined) ?? '[]', this.path).some((id) => kIds.has(id))) o = o.minus(a);
        }
        return Decimal.max(0, o);
      };
      // Its money goes after every one whose money nothing counts toward a cap, also when a later
      // conflict can take part of that one's money: what that conflict can take is kept back for it
      // below (keptFor), and the rest is money nothing else can use. Ordered only after vouchers
      // wholly free (none of their money takeable), a voucher re-issued alone took a capping
      // voucher's money first and left the other's spare (review 26, reissue-swap-spare: o01 and o05
      // swap buyers; Q {05,04} re-issued first took all of P {05}'s 500.00, o05's, which P's window
      // counts toward its cap, and left o04's 200.00 of Q {01,04} spare; P {01,03} then issued
      // 200.00 anew: 1200.00, --reissue all and a fresh ledger 1000.00).
      const capLast = (a: string, b: string) => (capCounted(a) && !capCounted(b) ? 1 : capCounted(b) && !capCounted(a) ? -1 : 0);
      // Then money paid in this voucher's own cap group (its buyer's day or 24-hour window) before
      // money paid elsewhere: left unused, the former counts toward this very cap, which this voucher
      // fills anyway; the latter counts toward the cap of the window it was paid in (docs/rules.md
      // §1.7: the money nothing else can count goes first). By the keys alone, {03,02} took Q {02}'s
      // 500.00 (o02's, paid while o02 was Q's) and left P {03}'s unused in its own window; Q {04},
      // later in the window Q {02} was paid in, then issued 30.00 more (reissue-paths3 seed 1016:
      // 1330.00, 1300.00 owed; reissue-spare-new-cap.test.ts).
      const inOwnCap = new Set(capOf ?? []);
      const ownCapFirst = (a: string, b: string) => (inOwnCap.has(a) ? 0 : 1) - (inOwnCap.has(b) ? 0 : 1);
      order.sort((a, b) => capLast(a, b) || outsideNeeding(a) - outsideNeeding(b) || needed(a).cmp(needed(b)) || ownCapFirst(a, b) || (a < b ? -1 : a > b ? 1 : 0));
      // What `held` took over from vouchers holding orders of the later voucher `k` and none of this one's.
      const takenFor = (held: string, k: string): Decimal => {
        const kv = inCallByKey.get(k);
        if (!kv) return new Decimal(0);
        const kIds = new Set(kv.orderIds);
        let t = new Decimal(0);
        for (const c of coveredOf.all(held, `${held}+`, `${held},`) as string[]) {
          for (const [j, a] of Object.entries(parseCovered(c, this.path))) {
            const jIds = parseIds((idsOf.get(j) as string | undefined) ?? '[]', this.path);
            if (!jIds.some((id) => mine.has(id)) && jIds.some((id) => kIds.has(id))) t = t.plus(a);
          }
        }
        return Decimal.max(0, t);
      };
      // Of takenFor: what `held` took over from such vouchers outside this voucher's cap group (`capOf`;
      // none when cover is not told the group), which inGroupOf leaves out of what the group holds.
      const takenForOutside = (held: string, k: string): Decimal => {
        const kv = inCallByKey.get(k);
        if (!kv || capOf === undefined) return new Decimal(0);
        const kIds = new Set(kv.orderIds);
        let t = new Decimal(0);
        for (const c of coveredOf.all(held, `${held}+`, `${held},`) as string[]) {
          for (const [j, a] of Object.entries(parseCovered(c, this.path))) {
            if (inOwnCap.has(j)) continue;
            const jIds = parseIds((idsOf.get(j) as string | undefined) ?? '[]', this.path);
            if (!jIds.some((id) => mine.has(id)) && jIds.some((id) => kIds.has(id))) t = t.plus(a);
          }
        }
        return Decimal.max(0, t);
      };
      // What recorded vouchers holding none of this one's orders took from `held` before (for its
      // orders outside this one): ownOf leaves it in, but it is gone from `held`, so what is kept
      // back (reserved) comes out of the rest, not of money already gone (reissue-keepback-after-
      // taken, seed 1548 reduced: P {00} re-issued first took o00's 300.00 of P {02,04,00}'s 500.00;
      // P {02,03} then took all 200.00 left, o04's 30.00 kept for Q {04} with it, as 500.00 − 30.00
      // left room, and Q {04} issued 30.00 anew: 1030.00, --reissue all 1000.00).
      const takenOutside = (held: string): Decimal => {
        let t = new Decimal(0);
        for (const r of takersOf(held)) {
          if (r.voucher_key === held || r.voucher_key.startsWith(`${held}+`)) continue;
          const a = parseCovered(r.covered, this.path)[held];
          if (a === undefined) continue;
          const rIds = parseIds((idsOf.get(r.voucher_key) as string | undefined) ?? '[]', this.path);
          if (rIds.some((id) => mine.has(id))) continue;
          // Not when one of those orders is in a voucher of this call still to take its money: what
          // it needs of `held` is counted in `reserved` already, the part taken before with it, and
          // would come out twice (reissue-cap-taken-for-moved, seed 1157: Q {06,04} took o06's 200.00
          // of P {01,06,03}, o06 now in P {06,60}; taken out again, Q {01} took none of o01's money,
          // P {06,60} took it, and the run said P {06,60} owed 0.00, not 200.00).
          const heldIds = new Set(theirs.get(held) ?? []);
          const heldKind = (kindOf.get(held) as string | undefined) ?? 'voucher';
          const stillToTake = rIds.some((id) => {
            const o = heldIds.has(id) ? shareNow.get(`${heldKind}|${id}`) : undefined;
            return o !== undefined && !settled(o.key);
          });
          if (stillToTake) continue;
          t = t.plus(a);
        }
        return t;
      };
      // Money nothing else can use or count goes first (docs/rules.md §1.7): an earlier voucher all of
      // whose orders are in this one, whose money no later voucher of the call needs nor counts toward
      // its cap, pays this voucher before the orders' parts of vouchers another cap of the call counts
      // (capCounted). Taken by each order's part first, a moved order's money was taken from its old
      // window, where the cap of a voucher of the call counted it, while the money nothing else could
      // count lay unused. Only when the run shows that difference (a cap of the call counts one of
      // them): otherwise money paid in this voucher's own window goes first, as below (reissue-paths3
      // FUZZ_S=7000 seed 7225, tmall-2026, reduced in
      // reissue-7225-own-money-first.test.ts: Q {03} 500.00 and P {04,06} 100.00 paid; o04 and o06 then
      // Q's with o03, Q {03,06,04} 150.00; the new P {00} 500.00 counted none of o04's and o06's 100.00,
      // left in P's day: said and --reissue all 1100.00, Q re-issued first 1000.00, as owed).
      // Before all that, a cap share given back from the other side for this voucher's orders
      // (earmarkInit): their money, come back with them.
      if (earmarkInit.size > 0) {
        for (const held of order) {
          for (const id of new Set(theirs.get(held)!)) {
            if (!mine.has(id)) continue;
            const ek = `${held}#${id}`;
            if (!earmarkInit.has(ek)) continue;
            const rest = left.get(ek) ?? available(ek);
            const t = Decimal.max(0, Decimal.min(rest, shares?.[id] ?? amount, amount.minus(total)));
            if (!t.gt(0)) continue;
            left.set(ek, rest.minus(t));
            total = total.plus(t);
            from[held] = (from[held] ? new Decimal(from[held]).plus(t) : t).toFixed(2);
          }
        }
      }
      if (shares && order.some((h) => capCounted(h))) {
        for (const held of order) {
          if (!amount.minus(total).gt(0)) break;
          if (outside(held) !== 0 || capCounted(held) || needsOf(held).size > 0) continue;
          take(held, amount);
        }
      }
      if (shares) {
        // The money of an earlier voucher this one cannot take (not its own: taken over for orders
        // outside it) stays there for the later vouchers holding those orders: counted as kept for
        // them first ({02,03,01} held 500.00 taken over from {01}, which {03} cannot take; it is
        // {02,00,01,60}'s, so {02,03}'s 500.00 need not be kept for it as well).
        // So does the money of an earlier voucher holding none of this one's orders and no orders
        // outside the later voucher: only that voucher can take it (tmall-2023: {00} 500.00 stays
        // for {00,31}; {03,31}'s 500.00 kept back for {00,31} as well left {03} to issue 500.00
        // anew: 2830.00 paid of 2330.00).
        const later = new Set<string>();
        for (const held of order) for (const k of needsOf(held).keys()) later.add(k);
        for (const k of later) {
          const kv = inCallByKey.get(k);
          if (!kv) continue;
          const kIds = new Set(kv.orderIds);
          const rows = held.all(kv.kind ?? 'voucher', JSON.stringify([...kIds])) as ClashRow[];
          // What the two loops below keep for `k` of its cap group's vouchers (capStays counts those too).
          const kCapKeys = kv.cap ? new Set(capKeys(kv)) : new Set<string>();
          let keptInGroup = new Decimal(0);
          for (const g of new Set(rows.map((r) => r.voucher_key))) {
            if (heldBy.includes(g)) continue;
            const gIds = [...new Set(parseIds((idsOf.get(g) as string | undefined) ?? '[]', this.path))];
            if (gIds.length === 0 || gIds.some((id) => mine.has(id) || !kIds.has(id))) continue;
            const paid = recordedShares(g);
            const worth = paid ? gIds.reduce((t, id) => t.plus(paid.get(id) ?? 0), new Decimal(0)) : undefined;
            const e = order.map((h) => needsOf(h).get(k)).find((x) => x !== undefined)!;
            // At most what the later voucher can take of it: not what it counted toward its cap as
            // another voucher's money (tmall-2023, seed 1143: {30} 300.00 recorded, all of it
            // {04}'s cap share; counted as staying for {02,30}, {05} re-issued first took 300.00 of
            // o02's money from {02,05}, and {02,30} issued 300.00 anew: 1300.00, --reissue all 1000.00).
            let c = Decimal.max(0, Decimal.min(left.get(g) ?? available(g), takeableBy(g, k), e.most.minus(keptFor.get(k) ?? 0)));
            if (worth !== undefined) c = Decimal.min(c, worth);
            keptFor.set(k, (keptFor.get(k) ?? new Decimal(0)).plus(c));
            if (c.gt(0) && kCapKeys.has(g)) keptInGroup = keptInGroup.plus(c);
          }
          // So does the money of an earlier voucher holding none of this one's orders and some
          // outside the later voucher: what the later voucher can take of it (at most what the
          // orders they share came to in it), less what the later vouchers of this call holding its
          // other orders need of it (at most what those came to in it): this one cannot take it
          // (tmall-2023, three exports, seed 40: {02,03}'s and {02,03,01}'s money, o02's and o01's,
          // stays for {02,00,01,60}; {30} re-issued first kept {30,00}'s 500.00, o00's money counted
          // in {30}'s 24-hour window, back for it as well and issued 500.00 anew: 2000.00 paid of
          // 1500.00).
          const heldKind = kv.kind ?? 'voucher';
          for (const g of [...new Set(rows.map((r) => r.voucher_key))].sort()) {
            const eNeed = order.map((h) => needsOf(h).get(k)).find((x) => x !== undefined)!;
            if (!eNeed.most.minus(keptFor.get(k) ?? 0).gt(0)) break;
            if (heldBy.includes(g)) continue;
            const gIds = [...new Set(parseIds((idsOf.get(g) as string | undefined) ?? '[]', this.path))];
            if (gIds.length === 0 || gIds.some((id) => mine.has(id)) || gIds.every((id) => kIds.has(id))) continue;
            const paid = recordedShares(g);
            if (!paid) continue;
            const worth = gIds.filter((id) => kIds.has(id)).reduce((t, id) => t.plus(paid.get(id) ?? 0), new Decimal(0));
            // Each of those vouchers needs at most what it can take of `g` (takeableBy): money `g`
            // took over for orders of the later voucher `k` is not theirs. Counted as theirs, `k`'s need
            // was kept back in full from this voucher's earlier one as well, and one of the two lay
            // unused (reissue-two-keep-one, reissue-paths3 FUZZ_S=3000 seed 3239: P {06,04}'s 500.00
            // was taken over from P {05,06} for o06; Q {02} counted it as P {04}'s, which can take none
            // of it, kept all of Q {00,05,02} back for P {00,05,06} and issued 500.00 anew, as P {04}
            // did: 2000.00 paid of 1500.00).
            const othersBy = new Map<string, Decimal>();
            for (const id of gIds) {
              if (kIds.has(id)) continue;
              const o = shareNow.get(`${heldKind}|${id}`);
              if (!o || o.key === k || settled(o.key)) continue;
              othersBy.set(o.key, (othersBy.get(o.key) ?? new Decimal(0)).plus(Decimal.min(o.share, paid.get(id) ?? 0)));
            }
            let others = new Decimal(0);
            for (const [o, need] of othersBy) others = others.plus(Decimal.min(need, takeableBy(g, o)));
            const has = Decimal.max(0, (left.get(g) ?? available(g)).minus(others));
            const c = Decimal.max(0, Decimal.min(has, takeableBy(g, k), worth, eNeed.most.minus(keptFor.get(k) ?? 0)));
            if (c.gt(0)) keptFor.set(k, (keptFor.get(k) ?? new Decimal(0)).plus(c));
            if (c.gt(0) && kCapKeys.has(g)) keptInGroup = keptInGroup.plus(c);
          }
          // So does what its cap group pays toward it (the buyer's other vouchers of its day or
          // 24-hour window, holding none of its orders nor this one's): the cap leaves it owed no
          // more than the rest, whatever the earlier vouchers keep (tmall-2023, three exports: {01}
          // 30.00 shares {00,05}'s window; {02,04} re-issued first kept all 500.00 of {05,00,04}
          // back for {00,05}, which then took 500.00 of it and left {01}'s 30.00 unused: one at a
          // time paid 1060.00, --reissue all 1030.00).
          // With the group's vouchers holding some of its orders too (`holding`): what they hold beyond
          // what the other buyers' and windows' vouchers take stays for it, its orders' money or cap
          // cover (tmall-2023, reissue-keepback-spare-cap, seed 2709: Q {06,04} holds o04's 30.00 and
          // 270.00 of o06's that P {00,06} does not need, in Q {04,01}'s window; left out, Q {03}
          // re-issued first kept 400.00 of Q {01,03} back for Q {04,01} and issued 200.00 anew:
          // 1500.00, --reissue all 1300.00).
          if (kv.cap) {
            const e = order.map((h) => needsOf(h).get(k)).find((x) => x !== undefined)!;
            const c = Decimal.min(Decimal.max(0, capStays(kv, ids, true).minus(keptInGroup)), Decimal.max(0, e.most.minus(keptFor.get(k) ?? 0)));
            if (c.gt(0)) keptFor.set(k, (keptFor.get(k) ?? new Decimal(0)).plus(c));
          }
        }
        for (const held of order) {
          let stays = Decimal.max(0, (left.get(held) ?? available(held)).minus(ownOf(held)));
          // That money was taken over for the orders of the vouchers it came from: a later voucher
          // holding them first (reissue-paths3 FUZZ_S=3000 seed 3139: P {01,31,00} took P {00}'s 30.00
          // for o00; counted as kept for Q {31} (o31), P {01} took Q {31}'s part, and P {00}, shown
          // again, was topped up 30.00 by --reissue all: 1030.00, 1000.00 said).
          const byTaken = [...needsOf(held)].map(([k, e]) => ({ k, e, t: takenFor(held, k) }));
          byTaken.sort((x, y) => y.t.cmp(x.t));
          for (const { k, e } of byTaken) {
            const c = Decimal.min(e.sum, stays, takeableBy(held, k), Decimal.max(0, e.most.minus(keptFor.get(k) ?? 0)));
            stays = stays.minus(c);
            // Kept from the cap share too (capCover), as far as `k` can take it: what `held` took
            // over from vouchers holding `k`'s orders (and none of this one's). Not what it took over
            // from such a voucher outside this voucher's cap group: inGroupOf leaves that money out
            // of the group already, and kept back as well it was left out twice (money60, a variant
            // of reissue-paths3 seed 9221, tmall-2023, reissue-9221-outside-counted-once.test.ts:
            // Q {06,30} holds o06's 30.00, taken over from P {06}, and 470.00 spare in Q {30}'s
            // window; Q {30} re-issued first, before P {06,00}, counted 440.00 toward its cap and
            // issued 60.00, where 30.00 is owed: 1090.00, --reissue all 1060.00).
            const kc = Decimal.min(c, takenFor(held, k));
            keep(held, kc.minus(Decimal.min(kc, takenForOutside(held, k))), k);
            keptFor.set(k, (keptFor.get(k) ?? new Decimal(0)).plus(c));
          }
        }
        for (const held of order) {
          const worth = [...new Set(theirs.get(held)!)].filter((id) => mine.has(id)).reduce((s, id) => s.plus(shares[id] ?? 0), new Decimal(0));
          // What its orders outside this voucher come to in this call's vouchers holding them, not
          // seen yet (each at most that voucher's amount), is theirs to take: its orders here come
          // to no more than the rest, though their shares may have grown since it was recorded
          // ({10,09,01} 60.00 paid o01 5.00; {10,09}, at 60.00 now, took all 60.00 and {01} took
          // o01's 5.00 too: 5.00 short).
          // Each at most what it came to in `held` when recorded (the most any of its rows recorded,
          // schema 8): that is all `held` paid for it; what it comes to now beyond that is owed by
          // its voucher, not kept back here ({00,02} 55.00 paid o00 50.00 and o02 5.00; o02, now
          // 10.00 on another day, kept 10.00 back, so {03,00} re-issued on its own issued 5.00 for
          // o00 and {02} then 5.00 more: 165.00 paid of 160.00).
          // A copy: its sums are cut to what is kept below (the memo stays as worked out).
          const byVoucher = new Map(needsOf(held));
          const heldKind = (kindOf.get(held) as string | undefined) ?? 'voucher';
          // Less what it took over from their earlier vouchers for them (ownOf leaves that out already).
          let kept = new Decimal(0);
          for (const [k, e] of byVoucher) {
            const c = Decimal.max(0, Decimal.min(e.sum, takeableBy(held, k), e.most.minus(keptFor.get(k) ?? 0)));
            byVoucher.set(k, { sum: c, most: e.most });
            kept = kept.plus(c);
          }
          // Only money taken over for orders of a later voucher something is kept for: for one kept
          // nothing (a voucher seen again as recorded whose own money `held` took over: takeableBy
          // leaves it out already), taking it off again kept short for the others (reissue-paths3
          // FUZZ_S=3000 seed 3139: o00's 30.00 of P {01,31,00}, P {00}'s own, cut what was kept for Q {31}).
          const keptIds = new Set([...byVoucher].filter(([, e]) => e.sum.gt(0)).flatMap(([k]) => inCallByKey.get(k)?.orderIds ?? []));
          let paidFor = new Decimal(0);
          for (const c of coveredOf.all(held, `${held}+`, `${held},`) as string[]) {
            for (const [j, a] of Object.entries(parseCovered(c, this.path))) {
              const jIds = parseIds((idsOf.get(j) as string | undefined) ?? '[]', this.path);
              if (!jIds.some((id) => mine.has(id)) && (!recordedAsIs.has(j) || jIds.some((id) => keptIds.has(id)))) paidFor = paidFor.plus(a);
            }
          }
          let reserved = Decimal.max(0, kept.minus(Decimal.max(0, paidFor)));
          // Counted as kept for them: what `held` has to keep (its money left), in turn.
          let canKeep = Decimal.min(reserved, ownOf(held), left.get(held) ?? available(held));
          for (const [k, e] of byVoucher) {
            const c = Decimal.min(e.sum, canKeep);
            canKeep = canKeep.minus(c);
            keptFor.set(k, (keptFor.get(k) ?? new Decimal(0)).plus(c));
          }
          reservedFirst.set(held, { reserved, worth });
        }
        // Each earlier voucher's own keeping first, then what the vouchers it took over need: what an
        // earlier voucher later in `order` keeps of its own money for a later voucher is kept for it
        // already (tmall-2026, three exports, seed 1187: {04,02} 60.00, then {01,02} took o02's 10.00;
        // o02 moved to buyer Q: {02} kept all 10.00 of {01,02}'s back for {04} although {04,02}
        // keeps o04's 50.00 for it, and issued 10.00 anew: --reissue all 70.00, {04} first 65.00).
        for (const held of order) {
          let { reserved } = reservedFirst.get(held)!;
          const { worth } = reservedFirst.get(held)!;
          const heldKind = (kindOf.get(held) as string | undefined) ?? 'voucher';
          // The same for the orders of a voucher it took over (sharing this one's orders) that it
          // does not hold itself: that money paid them too ({08} took all of {08,04}'s 500.00 in a
          // 24-hour window; {03,08} took it for o08 and {04} paid 500.00 again: 1500.00 of 1000.00).
          const heldIds = new Set(theirs.get(held)!);
          for (const c of coveredOf.all(held, `${held}+`, `${held},`) as string[]) {
            for (const [j, a] of Object.entries(parseCovered(c, this.path))) {
              const jIds = [...new Set(parseIds((idsOf.get(j) as string | undefined) ?? '[]', this.path))];
              if (!new Decimal(a).gt(0) || !jIds.some((id) => mine.has(id))) continue;
              const via = new Map<string, { sum: Decimal; most: Decimal }>();
              const viaIds = new Set<string>();
              for (const id of jIds) {
                const o = mine.has(id) || heldIds.has(id) ? undefined : shareNow.get(`${heldKind}|${id}`);
                if (!o || settled(o.key)) continue;
                // Only a voucher that can reach `held`'s money: it holds none of `held`'s orders, so
                // only through its cap (`held` in its day or 24-hour window). Kept back for one that
                // cannot, nobody took it (tmall-2023, three exports, seed 1157: Q {06} took all of
                // P {06,03}'s 500.00 for o06; P {06,60} re-issued first kept 30.00 of it back for P
                // {00,03}, of another window and buyer, and issued 30.00: 1030.00, --reissue all 1000.00).
                const ov = inCallByKey.get(o.key);
                if (!ov || !capKeys(ov).includes(held) || !capReachable(ov, held)) continue;
                const e = via.get(o.key) ?? { sum: new Decimal(0), most: o.most };
                via.set(o.key, { sum: e.sum.plus(o.share), most: e.most });
                viaIds.add(id);
              }
              // Less what other vouchers holding those orders took from `j` themselves: that part of
              // `j`'s money stands behind them there, not here (tmall-2026, three exports: {00} took
              // o00's 5.00 of {00,04}'s 10.00 and {02,04} took o04's 5.00; {00,03} kept {00}'s 5.00
              // back for {04} as well and paid o00 5.00 again: 365.00 paid of 360.00).
              let elsewhere = new Decimal(0);
              if (viaIds.size > 0) {
                for (const r of takersOf(j)) {
                  if (r.voucher_key === held || r.voucher_key.startsWith(`${held}+`)) continue;
                  const took = parseCovered(r.covered, this.path)[j];
                  // Only one holding none of this voucher's orders: what such a voucher took may be
                  // this one's to take in turn (it is among `heldBy`), not theirs.
                  const rIds = parseIds((idsOf.get(r.voucher_key) as string | undefined) ?? '[]', this.path);
                  if (took === undefined || !rIds.some((id) => viaIds.has(id)) || rIds.some((id) => mine.has(id))) continue;
                  elsewhere = elsewhere.plus(took);
                }
              }
              // Less what is kept for each of them already (money that stays for it anyway: an
              // earlier voucher whose orders are all that voucher's, say): kept once (tmall-2023,
              // three exports, seed 2042: {201,205}'s 500.00 taken over by {205} was kept back for
              // {200,201,260} as well, though {201}'s 500.00 stays for it; {205} re-issued first,
              // now 50.00 under tmall-2026, issued 50.00 anew: one at a time 2550.00, --reissue
              // all 2500.00).
              const viaNeed = [...via.entries()].reduce((t, [k, e]) => t.plus(Decimal.max(0, Decimal.min(e.sum, e.most.minus(keptFor.get(k) ?? 0)))), new Decimal(0));
              reserved = reserved.plus(Decimal.min(new Decimal(a), Decimal.max(0, viaNeed.minus(elsewhere))));
            }
          }
          if (reserved.gt(0)) reservedOf.set(held, reserved);
          // Less what the other earlier vouchers this one takes from (holding its orders too) took of
          // `held` before, for those orders: that money stands behind them there, where this voucher
          // takes it, not here as well (money36, reissue-paths3 FUZZ_S=9250 seed 9342, reduced in
          // reissue-share-taken-twice.test.ts: P {00} took o00's 30.00 of P {05,00}; P {00,60} took
          // 30.00 of P {00} and 30.00 more of P {05,00}, o05's money spare in P's window, and issued
          // 270.00 where 300.00 is owed).
          let viaHeld = new Decimal(0);
          for (const h2 of heldBy) {
            if (h2 === held) continue;
            for (const c of coveredOf.all(h2, `${h2}+`, `${h2},`) as string[]) viaHeld = viaHeld.plus(parseCovered(c, this.path)[held] ?? 0);
          }
          const mayTake = Decimal.max(0, worth.minus(viaHeld));
          take(held, reserved.gt(0) ? Decimal.min(mayTake, Decimal.max(0, ownOf(held).minus(reserved).minus(takenOutside(held)))) : mayTake);
        }
      }
      // The rest of this voucher's amount: from an earlier voucher only when all its orders are in
      // this one (nothing else can need its money), unless the shares are not known.
      for (const held of order) if (!shares || outside(held) === 0) take(held, reservedOf.has(held) ? Decimal.max(0, ownOf(held).minus(reservedOf.get(held)!)) : amount);
      // A cap share gone stale: what a voucher T holding none of `held`'s orders counted of `held`'s
      // money toward its cap, when T is not in this voucher's cap group now and a voucher holding
      // none of `held`'s orders has taken all of T's orders over since (not counting that share:
      // ownOf leaves it out). That money paid `held`'s orders, which this voucher holds: it stands
      // behind them here, up to what they come to. Otherwise nobody counted it, and both windows
      // were paid anew (tmall-2023, seed 130215: {03} 500.00, then {01} alone capped with {03} to
      // 0.00; the true windows {04,01} and {03,02} each issued 500.00: 1500.00 paid of 1000.00).
      // `most`: at most this much more (coverOf asks again for what its own cap leaves owed, before
      // taking back money another voucher's cap counts: capTook). Returns what it gave.
      // What other vouchers (holding none of `not`) took from stale-share holder `t`: the part of its
      // cap shares passed on, as far as it goes. Such a voucher took it as its cap cover, and a cap
      // counts all `t` holds, the share with its own money: not only what it took beyond `t`'s own
      // money (reissue-on-time-cap-share: Q {30} issued 470.00 and counted 30.00 of Q {05,01,04}'s
      // money toward its cap; Q {31}, re-issued first, counted all 500.00 of Q {30} toward Q's cap
      // and issued nothing, then P {01} was given the 30.00 back as well: 1000.00 where 1030.00 is
      // owed). Exact when the taker was not covered in full; an upper bound otherwise.
      const passedOn = (t: string, not: Set<string>): Decimal => {
        let took = new Decimal(0);
        for (const r of takersOf(t)) {
          if (r.voucher_key === t || r.voucher_key.startsWith(`${t}+`)) continue;
          const x = parseCovered(r.covered, this.path)[t];
          if (x === undefined || parseIds((idsOf.get(r.voucher_key) as string | undefined) ?? '[]', this.path).some((id) => not.has(id))) continue;
          took = took.plus(x);
        }
        return took;
      };
      // What giveStale gave, by the voucher it was taken from (staleClaimOf reads it).
      const staleGave = new Map<string, Decimal>();
      const giveStale = (most: Decimal): Decimal => {
        if (!shares || !capOf) return new Decimal(0);
        let given = new Decimal(0);
        for (const hk of order) {
          if (!most.minus(given).gt(0)) break;
          const heldIds = new Set(theirs.get(hk)!);
          const worth = [...heldIds].filter((id) => mine.has(id)).reduce((s, id) => s.plus(shares[id] ?? 0), new Decimal(0));
          const room = Decimal.min(worth.minus(from[hk] ?? 0), most.minus(given));
          if (!room.gt(0)) continue;
          const byTaker = new Map<string, Decimal>();
          for (const r of takersOf(hk)) {
            const a = parseCovered(r.covered, this.path)[hk];
            if (a === undefined) continue;
            const base = r.voucher_key.replace(/\+\d+$/, '');
            byTaker.set(base, (byTaker.get(base) ?? new Decimal(0)).plus(a));
          }
          // The eligible stale shares (S) and everything else taken from it (O): it holds
          // max(0, A − O) counting them as its own, max(0, A − S − O) otherwise; the difference only
          // (once: a voucher taking it over later counts in O).
          let stale = new Decimal(0);
          let rest = new Decimal(0);
          for (const [t, a] of byTaker) {
            let ok = a.gt(0) && !capOf.includes(t) && !heldBy.includes(t);
            const tIds = ok ? [...new Set(parseIds((idsOf.get(t) as string | undefined) ?? '[]', this.path))] : [];
            // A taker holding some of `hk`'s orders (none of this voucher's): what it took beyond what
            // those orders came to in it was a cap share (money of `hk`'s other orders, spare in its
            // window then), stale once each of its orders is judged not late or held by another
            // voucher of this call (money42's reading, kept by money45: reissue-paths3 FUZZ_S=9250
            // seed 9449, reduced in reissue-takeover-orders-gone and reissue-stale-shared-taker:
            // C = Q {30,05} took all 500.00 of A = Q {05,03}, o05's 30.00 and o03's 470.00; with o30
            // on time and o05 in Q {05}, P {03} found A's money gone and issued o03's 470.00 anew).
            const shared = ok ? tIds.filter((id) => heldIds.has(id)) : [];
            let sharedWorth: Decimal | undefined;
            if (ok && shared.length > 0 && shared.length < tIds.length && !tIds.some((id) => mine.has(id))) {
              const tSh = recordedShares(t);
              if (tSh) sharedWorth = shared.reduce((s, id) => s.plus(tSh.get(id) ?? 0), new Decimal(0));
            }
            if (ok && (tIds.length === 0 || tIds.some((id) => mine.has(id) || (sharedWorth === undefined && heldIds.has(id))))) ok = false;
            if (ok && sharedWorth !== undefined && !a.gt(sharedWorth)) ok = false;
            if (ok) {
              const holders = held.all((kindOf.get(hk) as string | undefined) ?? 'voucher', JSON.stringify(tIds)) as ClashRow[];
              // Taken over in this call by a voucher re-issuing T (the vouchers T took over hold its
              // orders too) whose cap group leaves `hk` out: one counting `hk` toward its cap has the
              // share already ({o06} capped with {o05}'s money, o05 now under another rule set:
              // {o06,o02} counted it through {o06}, and {o05} issued anew; given to {o05} too, 500.00
              // was paid of 1000.00).
              // Or by a voucher of this call holding T's orders, not recorded yet (--reissue all takes
              // it after this one): the export puts them there, out of T's window, all the same
              // (tmall-2023, reissue-paths3 FUZZ_S=2100 seed 2319: Q {30} counted Q {01}'s 500.00,
              // o01's, toward its cap; o30 then P's in P {02,30}, o01 in P {03,01}: re-issued after
              // P {02,30}, P {03,01} took that 500.00, before it none, and issued 500.00 anew).
              const kindHk = (kindOf.get(hk) as string | undefined) ?? 'voucher';
              ok = tIds.every(
                (id) =>
                  holders.some((r) => {
                    const taker = inCallByKey.get(r.voucher_key);
                    return (
                      r.order_id === id &&
                      r.voucher_key !== t &&
                      taker !== undefined &&
                      parseIds((reissuesOf.get(r.voucher_key) as string | null | undefined) ?? '[]', this.path).includes(t) &&
                      !parseIds((idsOf.get(r.voucher_key) as string | undefined) ?? '[]', this.path).some((x) => heldIds.has(x)) &&
                      !capKeys(taker).includes(hk)
                    );
                  }) ||
                  (() => {
                    const o = shareNow.get(`${kindHk}|${id}`);
                    const taker = o === undefined ? undefined : inCallByKey.get(o.key);
                    return taker !== undefined && taker.voucherKey !== t && !exists.get(taker.voucherKey) && !taker.orderIds.some((x) => heldIds.has(x)) && !capKeys(taker).includes(hk);
                  })() ||
                  // Or shown judged not late (on time, --exclude) and in no voucher of this call: T's
                  // cap has nothing to count the share toward any more, as when its orders moved out
                  // (reissue-paths3 FUZZ_S=3000 seed 3139: Q {30} counted Q {05,01,04}'s 500.00 toward
                  // its cap; o30 then on time, o01 in P {01}: P {01} took o31's money of P {01,31,00}
                  // instead, Q {31} counted Q {30}'s, and P {01} issued 30.00 anew).
                  (!inCall.has(id) && (opts.notLate?.has(id) ?? false)) ||
                  // An order T shares with `hk`, now in another voucher of this call: its part
                  // (sharedWorth) is left out of the share; that voucher takes it as its own.
                  (sharedWorth !== undefined &&
                    heldIds.has(id) &&
                    (() => {
                      const o = shareNow.get(`${kindHk}|${id}`);
                      return o !== undefined && o.key !== t;
                    })()),
              );
            }
            if (ok) {
              // T's orders all shown judged not late and in no voucher of this call: only what T still
              // holds of the share. What other vouchers took from T since, beyond T's own money, was
              // this share, passed on to them (a voucher of T's window taking it as its cap cover):
              // theirs now, as if taken from `hk` directly, never given back here too
              // (reissue-stale-notlate-path: Q {30} counted Q {05,01,04}'s 500.00; Q {31}, new in
              // the third export, took 300.00 of it from Q {30}; P {01} was given all 500.00 back,
              // the 300.00 paid twice: 530.00 where 830.00 is owed).
              const passed = tIds.every((id) => !inCall.has(id) && (opts.notLate?.has(id) ?? false)) ? passedOn(t, new Set([...mine, ...tIds])) : new Decimal(0);
              const keep = Decimal.min(a, passed.plus(sharedWorth ?? 0));
              stale = stale.plus(a.minus(keep));
              rest = rest.plus(keep);
            } else rest = rest.plus(a);
          }
          if (!stale.gt(0)) continue;
          const all = (amounts.all(hk, `${hk}+`, `${hk},`) as string[]).reduce((t, a) => t.plus(a), new Decimal(0));
          const bonus = Decimal.max(0, all.minus(rest)).minus(Decimal.max(0, all.minus(rest).minus(stale))).minus(staleUsed.get(hk) ?? 0);
          const give = Decimal.min(bonus, room);
          if (!give.gt(0)) continue;
          staleUsed.set(hk, (staleUsed.get(hk) ?? new Decimal(0)).plus(give));
          staleGave.set(hk, (staleGave.get(hk) ?? new Decimal(0)).plus(give));
          given = given.plus(give);
          from[hk] = new Decimal(from[hk] ?? 0).plus(give).toFixed(2);
        }
        return given;
      };
      total = total.plus(giveStale(amount.minus(total)));
      return { total, from, kept, keptBy, capTook, giveStale, staleGave };
    };
    // The vouchers sharing a cap with `v` (same kind, buyer and rule set, window start in the
    // group's range), oldest first; top-ups (`<key>+n`) are counted with their voucher.
    // RULES 1.2 / 1.3: a buyer's cap is per shop (schema 9). A voucher recorded without a shop
    // (before schema 9, or from an export naming none) may be any shop's: it shares the cap of
    // every shop, and a voucher without a shop shares every shop's vouchers' cap. That reading can
    // pay a shop short of its own cap, never past it: reportCapped says when such a voucher capped
    // one (give each shop its own --state to be sure).
    // Schema 10: a shop named by 店铺Id in one export and only by 店铺名称 in another is one shop
    // when a row showed the two together (shop_names, learned from this run's rows first). An
    // 店铺Id and a 店铺名称 no row has linked may be one shop: they share a cap (short, never twice;
    // capUnlinked) — unless either is linked to its other name already, as then the other text is
    // neither (another shop's, or a rename inside the very window: not told, as two 店铺名称 are not).
    const addPair = db.prepare('INSERT OR IGNORE INTO shop_names (shop_id, shop_name) VALUES (?, ?)');
    const idsOfName = db.prepare('SELECT shop_id FROM shop_names WHERE shop_name = ?').pluck();
    const isId = db.prepare('SELECT 1 FROM shop_names WHERE shop_id = ? LIMIT 1').pluck();
    // A shop text recorded before schema 10 (its kind NULL) whose kind a later voucher of the same
    // text says (shop_kind is filled in by text once a run names the shop: learnKind below).
    const kindOfText = db.prepare('SELECT shop_kind FROM vouchers WHERE shop = ? AND shop_kind IS NOT NULL LIMIT 1').pluck();
    const learnKind = db.prepare('UPDATE vouchers SET shop_kind = ? WHERE shop = ? AND shop_kind IS NULL');
    const shopRows = <R extends { s: string | null; sk: string | null }>(rows: R[], v: VoucherRecord): R[] =>
      // The same text, or either unknown: the same shop without looking further (most rows).
      rows.filter((r) => r.s === null || v.shop === undefined || (r.s === v.shop && !kindsClash(r.sk, v.shopKind)) || sameShop(ref(r.s, r.sk), ref(v.shop, v.shopKind)));
    /**
     * One text recorded as an 店铺Id and as a 店铺名称 (a shop named "1001" beside shop 1001): not
     * the same shop for being the same text (shopRelation).
     */
    const kindsClash = (a: string | null | undefined, b: string | null | undefined) => a != null && b != null && a !== b;
    // A buyer's recorded vouchers (schema 11): a voucher a run held again as another buyer's (the
    // same orders; `buyer_now`) is that buyer's while this run's exports show none of its orders (it
    // is not seen: its orders lacking, docs/rules.md §1.7); shown, its money follows its orders to
    // the vouchers holding them, and it is taken as the buyer it was recorded for, as before.
    const lastSeen = (r: { b: string; bn: string | null; ids: string }): string =>
      r.bn !== null && !parseIds(r.ids, this.path).some((id) => shown.has(id)) ? r.bn : r.b;
    const group0 = db.prepare(
      `SELECT voucher_key AS k, window_start AS t, recorded_at AS at, shop AS s, shop_kind AS sk, buyer AS b, buyer_now AS bn, order_ids AS ids FROM vouchers WHERE kind = ? AND buyer = ? AND rules = ? AND (window_start BETWEEN ? AND ? OR window_start IS NULL)
       AND instr(voucher_key, '+') = 0
       UNION ALL
       SELECT voucher_key AS k, window_start AS t, recorded_at AS at, shop AS s, shop_kind AS sk, buyer AS b, buyer_now AS bn, order_ids AS ids FROM vouchers WHERE kind = ? AND buyer_now = ? AND buyer <> buyer_now AND rules = ? AND (window_start BETWEEN ? AND ? OR window_start IS NULL)
       AND instr(voucher_key, '+') = 0 ORDER BY at, k`,
    );
    const group = {
      all: (kind: string, buyer: string, rules: string, from: number, to: number) =>
        (group0.all(kind, buyer, rules, from, to, kind, buyer, rules, from, to) as { b: string; bn: string | null; ids: string }[]).filter((r) => lastSeen(r) === buyer) as unknown[],
    };
    const starts0 = db.prepare(
      `SELECT voucher_key AS k, window_start AS t, shop AS s, shop_kind AS sk, buyer AS b, buyer_now AS bn, order_ids AS ids FROM vouchers WHERE kind = ? AND buyer = ? AND rules = ? AND window_start IS NOT NULL
       AND instr(voucher_key, '+') = 0
       UNION ALL
       SELECT voucher_key AS k, window_start AS t, shop AS s, shop_kind AS sk, buyer AS b, buyer_now AS bn, order_ids AS ids FROM vouchers WHERE kind = ? AND buyer_now = ? AND buyer <> buyer_now AND rules = ? AND window_start IS NOT NULL
       AND instr(voucher_key, '+') = 0`,
    );
    const starts = {
      all: (kind: string, buyer: string, rules: string) => (starts0.all(kind, buyer, rules, kind, buyer, rules) as { b: string; bn: string | null; ids: string }[]).filter((r) => lastSeen(r) === buyer) as unknown[],
    };
    const recordedOf0 = db.prepare('SELECT kind, buyer AS b, buyer_now AS bn, order_ids AS ids, rules, recorded_at, shop, shop_kind FROM vouchers WHERE voucher_key = ?');
    const recordedOf = {
      get: (k: string) => {
        const r = recordedOf0.get(k) as { b: string; bn: string | null; ids: string } | undefined;
        return r === undefined ? undefined : { ...r, buyer: lastSeen(r) };
      },
    };
    const shopOf = db.prepare('SELECT shop AS s, shop_kind AS sk FROM vouchers WHERE voucher_key = ?');
    /**
     * `s`: the shop as caps compare it (a 店铺名称 linked to one 店铺Id is that 店铺Id); `k`: how it
     * was named (null: not known); `linked`: an 店铺Id some row showed with its 店铺名称, or a
     * 店铺名称 some row showed with its 店铺Id (`ids`: those, when several).
     */
    type ShopRef = { s: string; k: 'id' | 'name' | null; raw: string; named: 'id' | 'name' | null; linked: boolean; ids?: string[] } | null;
    const canonCache = new Map<string, ShopRef>();
    // How this call's vouchers name their shops: a text recorded before schema 10 that this run
    // names is named the same way (a text is an 店铺Id or a 店铺名称, not both).
    // (callLists, callAt: above, with the indexes by key and buyer.)
    const callKinds = new Map<string, 'id' | 'name'>();
    for (const list of callLists) for (const v of list) if (v.shop !== undefined && v.shopKind !== undefined && !callKinds.has(v.shop)) callKinds.set(v.shop, v.shopKind);
    /**
     * A shop as caps compare it. A shop text recorded before schema 10 (its kind unknown) is an
     * 店铺Id or a 店铺名称 when shop_names has it as one, when this run names it, or when a voucher
     * recorded since says so; otherwise its kind stays unknown (never guessed from how it looks).
     */
    const ref = (shop: string | null | undefined, kind: string | null | undefined): ShopRef => {
      if (shop == null) return null;
      const key = `${kind ?? ''}|${shop}`;
      const hit = canonCache.get(key);
      if (hit !== undefined) return hit;
      let k: 'id' | 'name' | null = kind === 'id' || kind === 'name' ? kind : null;
      let out: ShopRef;
      const ids = k !== 'id' ? (idsOfName.all(shop) as string[]) : [];
      if (ids.length === 1) out = { s: ids[0]!, k: 'id', raw: shop, named: 'name', linked: true };
      else if (ids.length > 1) out = { s: shop, k: 'name', raw: shop, named: 'name', linked: true, ids };
      else {
        const asId = k !== 'name' && isId.get(shop) !== undefined;
        if (asId) k = 'id';
        k ??= callKinds.get(shop) ?? ((kindOfText.get(shop) as 'id' | 'name' | undefined) ?? null);
        out = { s: shop, k, raw: shop, named: k, linked: asId };
      }
      canonCache.set(key, out);
      return out;
    };
    /**
     * How two vouchers' shops stand: `same` (the same shop, or either unknown: schema 9 shares
     * those), `apart` (told apart), or `maybe` (they may be one shop named both ways, and
     * nothing tells: they share a cap, short, never twice).
     */
    const shopRelation = (a: ShopRef, b: ShopRef): 'same' | 'apart' | 'maybe' => {
      if (a === null || b === null) return 'same';
      // One text, an 店铺Id one way and a 店铺名称 the other (a shop named "1001" beside shop 1001):
      // one shop only if its name is its own id, which no row can link (a pair is two texts). So
      // apart when either is linked to its other name, else maybe (short, never twice, said).
      if (a.raw === b.raw && a.named !== null && b.named !== null && a.named !== b.named) return a.linked || b.linked ? 'apart' : 'maybe';
      if (a.s === b.s) return 'same';
      if (callShops.has(a.raw) && callShops.has(b.raw)) return a.raw === b.raw ? 'same' : 'apart';
      // A 店铺名称 linked to several 店铺Id (two shops once had one name) may be either of them.
      if ((a.ids?.includes(b.s) ?? false) || (b.ids?.includes(a.s) ?? false)) return 'maybe';
      // Both 店铺Id, both 店铺名称, or both recorded before schema 10 of kinds not known (schema 9's reading).
      if (a.k === b.k) return 'apart';
      // One is linked to its other name: a text that is neither is another shop's.
      if (a.linked || b.linked) return 'apart';
      return 'maybe';
    };
    /** Whether two vouchers' shops let them share a cap: the same shop, either unknown, or maybe the same. */
    const sameShop = (a: ShopRef, b: ShopRef) => shopRelation(a, b) !== 'apart';
    /**
     * Told apart only because one of them is linked to its other name (an 店铺Id and a 店铺名称, or a
     * text of unknown kind): a renamed shop's old 店铺名称 is told apart from its 店铺Id the same way.
     */
    const apartByLink = (a: ShopRef, b: ShopRef): boolean =>
      a !== null && b !== null && a.raw !== b.raw && a.k !== b.k && !(callShops.has(a.raw) && callShops.has(b.raw)) && shopRelation(a, b) === 'apart';
    // The shops this call's exports name: the run told them apart already (compensate refuses one
    // holding a shop that may be named both ways), so two of them are the same shop only when equal.
    const callShops = new Set<string>();
    for (const list of callLists) for (const v of list) if (v.shop !== undefined) callShops.add(v.shop);
    // Where each voucher of this call opens now: a recorded voucher seen again with another window
    // start (its first order's paid time corrected since) is grouped by where it opens now, not
    // where the export it was recorded from said ({04} recorded opening 21 h after {00}, truly 25 h:
    // capped with {00}, nothing owed for a window owing 500.00).
    // Read from the record itself (the first of its key with a window start), not a copy of its start,
    // shop and shop kind: the records are held for the call anyway (issue 21: a tuple and a boxed
    // number a voucher here, and a second map of them by buyer, were ~64 MB at a 1M-row export).
    // Nothing changes a record's key, window start, shop or shop kind while the call records.
    // (Shops as text and kind: compared once this run's pairs are learned, in the transaction.)
    /** The index (callAt) of the first record of key `k` with a window start, or −1. */
    const startAt = (k: string): number => {
      let i = byKey.first(k);
      while (i !== -1 && callAt(i).windowStart === null) i = byKey.after(i);
      return i;
    };
    // Which records are those (1: the first of their key with a window start), by index.
    const isStart = new Uint8Array(nCall);
    for (let i = 0; i < nCall; i++) {
      const v = callAt(i);
      if (v.windowStart !== null && startAt(v.voucherKey) === i) isStart[i] = 1;
    }
    /** This call's vouchers with a window start of `kind`, rule set `rules` and buyer `buyer`, in call order. */
    const startsOf = (kind: string, rules: string, buyer: string): VoucherRecord[] => {
      const out: VoucherRecord[] = [];
      const chains = byBuyerText();
      for (let i = chains.first(buyer); i !== -1; i = chains.after(i)) {
        if (isStart[i] === 0) continue;
        const c = callAt(i);
        if ((c.kind ?? 'voucher') === kind && c.rules === rules) out.push(c);
      }
      return out;
    };
    const startNow = {
      get: (k: string): number | undefined => {
        const i = startAt(k);
        return i === -1 ? undefined : (callAt(i).windowStart ?? undefined);
      },
    };
    const startOf = (k: string, stored: number) => startNow.get(k) ?? stored;
    /** This call's window starts of `v`'s buyer, kind and rule set whose shop may share `v`'s cap. */
    const callStarts = (v: VoucherRecord, kind: string): [string, number][] =>
      startsOf(kind, v.rules, v.buyer).filter((c) => c.shop === undefined || v.shop === undefined || (c.shop === v.shop && !kindsClash(c.shopKind, v.shopKind)) || sameShop(ref(c.shop, c.shopKind), ref(v.shop, v.shopKind))).map((c) => [c.voucherKey, c.windowStart as number]);
    /** The keys of the vouchers sharing `v`'s cap (none without a cap group). */
    const capKeys = (v: VoucherRecord): string[] => {
      const range = capRange(v);
      if (!range) return [];
      const { from, to } = range;
      const kind = v.kind ?? 'voucher';
      const inRange = (t: number) => t >= from && t <= to;
      // A voucher recorded without a window start (storeops 0.0.x, schema 1; filled in once the same
      // voucher is seen again) may be in any window of its buyer: it shares every one's cap (short,
      // never past a cap), as a voucher without a shop shares every shop's.
      const keys = shopRows(group.all(kind, v.buyer, v.rules, from, to) as { k: string; t: number | null; at: number; s: string | null; sk: string | null }[], v).filter((r) => {
        const t = startNow.get(r.k) ?? r.t;
        return t === null || inRange(t);
      });
      for (const [k, t] of callStarts(v, kind)) {
        if (!inRange(t) || keys.some((r) => r.k === k)) continue;
        const r = recordedOf.get(k) as { kind: string; buyer: string; rules: string; recorded_at: number; shop: string | null; shop_kind: string | null } | undefined;
        if (r && r.kind === kind && r.buyer === v.buyer && r.rules === v.rules && sameShop(ref(r.shop, r.shop_kind), ref(v.shop, v.shopKind)) && !k.includes('+')) keys.push({ k, t, at: r.recorded_at, s: null, sk: null });
      }
      // A recorded voucher this call holds again as another buyer's (its orders moved to that buyer:
      // the same orders, the same key) is that buyer's now: in no cap group of `v`'s buyer, and what
      // a voucher of the group took over from it is its orders' money, not this cap's (tmall-2023,
      // seed 1143: {04} 500.00 recorded for Q and taken over by {30,04}; o04 is now P's and {04} reads
      // 'already recorded' for P; {05}, in {30,04}'s window, counted that 500.00 toward Q's cap: o04's
      // one payment paid two buyers' windows, and --reissue all paid 1000.00 where one at a time
      // topped {04} up to 1500.00).
      const moved = (k: string) => {
        const now = inCallByKey.get(k);
        return now !== undefined && (now.buyer !== v.buyer || now.rules !== v.rules);
      };
      return keys
        .filter((r) => r.k === v.voucherKey || !moved(r.k))
        .sort((a, b) => a.at - b.at || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
        .map((r) => r.k);
    };
    /** The window starts sharing `v`'s cap: its day, or its rebuilt 24-hour window (none without a cap group). */
    function capRange(v: VoucherRecord): { from: number; to: number } | undefined {
      if (!v.cap || v.buyer === '' || v.windowStart === null) return undefined;
      let { from, to } = v.cap;
      if (v.cap.rolling !== undefined) {
        // 24-hour windows (RULES 1.2, our reading): rebuilt from where the buyer's recorded windows
        // opened, with where this export's open (this one's among them): the first opens a window,
        // every start within 24 h of it joins, the next after that opens the next. A recorded start
        // inside an earlier window (a voucher from an export that lacked the earlier orders) is not
        // a window of its own. The export's openings count even for vouchers not recorded (a
        // conflict, a provisional one): without them a recorded window opening after one of them
        // is taken to hold later orders the export puts in the next (seed 610155: {o02,o03,o10}
        // recorded from an export without o09; {o04}, 25 h 41 min after o09, was capped with it, and
        // the true {o09,o02,o03} found its money gone: 1500.00 paid of 1000.00).
        const rows = shopRows(starts.all(v.kind ?? 'voucher', v.buyer, v.rules) as { k: string; t: number; s: string | null; sk: string | null }[], v);
        const inExport = callStarts(v, v.kind ?? 'voucher').map(([, t]) => t);
        const all = [...new Set([...rows.map((r) => startOf(r.k, r.t)), ...inExport, v.windowStart])].sort((a, b) => a - b);
        let open = -Infinity;
        for (const t of all) {
          if (t > open + v.cap.rolling) open = t;
          if (t === v.windowStart) break;
        }
        from = open;
        to = open + v.cap.rolling;
      }
      return { from, to };
    }
    /**
     * RULES 1.2 / 1.3: one buyer's combined vouchers never pass the cap together. When what the
     * vouchers of the cap group still hold plus `value` (what `v` is worth, covers included) passes
     * the cap, the excess is taken from them (as a cover), at most `most`. Returns what was taken,
     * added to `from`.
     */
    /**
     * What a voucher of a cap group holds toward that cap, for a voucher holding `ids`: what it still
     * holds, less what it took over from vouchers outside the group none of whose orders are in
     * `ids` (paid for orders of another day or window: {a,k} took {k}'s money; counted toward
     * {p,a}'s window it was taken twice, once for each).
     */
    const inGroupOf = (keys: string[], k: string, ids: string[]): Decimal => {
      const has = left.get(k) ?? available(k);
      let own = (amounts.all(k, `${k}+`, `${k},`) as string[]).reduce((t, a) => t.plus(a), new Decimal(0));
      const mine = new Set(ids);
      // The orders of the vouchers left out so, and how much of their money it holds.
      const elsewhere = new Set<string>();
      let outside = new Decimal(0);
      for (const c of coveredOf.all(k, `${k}+`, `${k},`) as string[]) {
        for (const [j, a] of Object.entries(parseCovered(c, this.path))) {
          // Taken over from a voucher of another day or window that paid none of `ids`.
          const jIds = parseIds((idsOf.get(j) as string | undefined) ?? '[]', this.path);
          if (!keys.includes(j) && !jIds.some((id) => mine.has(id))) {
            let out = new Decimal(a).minus(Decimal.min(a, forLacking(k, j, a, 'cap')));
            // Not what `j`, seen again as recorded, does not need of it (asIsPaid: its own window
            // pays it): that money stays where it is, in this group, and counts toward its cap.
            const jv = recordedAsIs.has(j) ? inCallByKey.get(j) : undefined;
            if (jv) out = Decimal.min(out, Decimal.max(0, new Decimal(jv.amount).minus(asIsPaid.get(j) ?? 0)));
            if (!out.gt(0)) continue;
            own = own.minus(out);
            outside = outside.plus(out);
            for (const id of jIds) elsewhere.add(id);
          }
        }
      }
      // What was taken from it before is taken to have come out of its own part (what it took over
      // for other days' orders is for their vouchers): {00,05} 55.00 (5.00 of it {00}'s) gave 50.00
      // to {05}; its last 5.00 counted toward {05}'s cap left {00} short 5.00. Except what vouchers
      // holding those other days' orders took: that is the money taken over for them, going on to
      // them (tmall-2023, three exports, reissue-paths3 seed 1157: Q {06,04} held o04's 300.00, taken
      // over from Q {02,04}; Q {04} re-issued first took 100.00 of it, and Q {01}'s cap then counted
      // 100.00 less of Q {06,04}'s money than with Q {01} first: one at a time 1700.00, --reissue all 1600.00).
      const total = (amounts.all(k, `${k}+`, `${k},`) as string[]).reduce((t, a) => t.plus(a), new Decimal(0));
      let forThem = new Decimal(0);
      if (elsewhere.size > 0) {
        for (const r of takersOf(k)) {
          const a = parseCovered(r.covered, this.path)[k];
          if (a !== undefined && parseIds((idsOf.get(r.voucher_key) as string | undefined) ?? '[]', this.path).some((id) => elsewhere.has(id))) forThem = forThem.plus(a);
        }
        // And what this call's conflicts not recorded took so, gone from `left` as a recorded
        // taker's is from the ledger (money60, a variant of reissue-paths3 seed 9221, tmall-2023,
        // reissue-9221-outside-counted-once.test.ts: P {06,00}, said before Q {30}, took o06's 30.00
        // of Q {06,30}; counted as taken from Q {06,30}'s own part as well, Q {30}'s cap counted
        // 440.00, not 470.00, and the run said Q {30} owed 60.00, where --reissue all records 30.00).
        for (const t of callTaken) {
          const a = t.from[k];
          if (a !== undefined && t.ids.some((id) => elsewhere.has(id))) forThem = forThem.plus(a);
        }
      }
      const taken = total.minus(has);
      return Decimal.max(0, Decimal.min(has, own.minus(Decimal.max(0, taken.minus(Decimal.max(0, Decimal.min(outside, forThem)))))));
    };
    /**
     * What `v`'s cap group will count toward its cap whatever the vouchers holding its orders give
     * it (as capCover counts it, from what the group holds now): only the group's vouchers holding
     * none of its orders nor `not` (the orders of the voucher taking over now, whose money is what
     * is being kept back), so none of that money is counted twice.
     */
    // What group voucher `k`, every order of which the export shows judged not late (in no voucher of
    // this call), counted toward its cap of money of vouchers holding none of its orders: a cap share
    // with nothing left to count toward, which cover's giveStale gives back to those vouchers'
    // orders; not money staying in the group for a later voucher (reissue-paths3 FUZZ_S=3000 seed
    // 3139: Q {30}'s 500.00 of Q {05,01,04}, o30 on time, o01 in P {01}: counted as staying for Q {31},
    // nothing of o31's 300.00 in P {01,31,00} was kept back for it, P {01} took it, Q {31} counted
    // Q {30}'s money and P {00} was topped up 30.00 for o00's 30.00, taken too).
    const staleEntries = (k: string, shared = false): [string, Decimal, boolean][] => {
      const kIds = parseIds((idsOf.get(k) as string | undefined) ?? '[]', this.path);
      if (kIds.length === 0) return [];
      const notLateOut = (id: string) => !inCall.has(id) && (opts.notLate?.has(id) ?? false);
      const allNotLate = kIds.every(notLateOut);
      if (!allNotLate && !shared) return [];
      const rows = coveredOf.all(k, `${k}+`, `${k},`) as string[];
      if (rows.length === 0) return [];
      // `shared` (staleGivenOf only; giveStale's `sharedWorth`): from a voucher `j` sharing some of
      // `k`'s orders, `k`'s orders each judged not late or held by another voucher of this call: what
      // `k` took of `j` beyond what those orders came to in `k` was a cap share, stale now. Asked only
      // of such a `j` (shareNow is made at its first use: issue 21).
      const kindK = (kindOf.get(k) as string | undefined) ?? 'voucher';
      const kSet = new Set(kIds);
      let moved: boolean | undefined;
      let kSh: Map<string, Decimal> | undefined;
      const out: [string, Decimal, boolean][] = [];
      for (const c of rows) {
        for (const [j, a] of Object.entries(parseCovered(c, this.path))) {
          const amount = new Decimal(a);
          if (!amount.gt(0)) continue;
          const jIds = parseIds((idsOf.get(j) as string | undefined) ?? '[]', this.path);
          const common = [...kSet].filter((id) => jIds.includes(id));
          if (allNotLate && common.length === 0) out.push([j, amount, false]);
          else if (shared && common.length > 0 && common.length < kSet.size) {
            moved ??= kIds.every((id) => notLateOut(id) || ((o) => o !== undefined && o.key !== k)(shareNow.get(`${kindK}|${id}`)));
            if (!moved) continue;
            kSh ??= recordedShares(k);
            if (!kSh) continue;
            const over = amount.minus(common.reduce((t, id) => t.plus(kSh!.get(id) ?? 0), new Decimal(0)));
            if (over.gt(0)) out.push([j, over, true]);
          }
        }
      }
      return out;
    };
    const staleShareOf = (k: string): Decimal => staleEntries(k).reduce((t, [, a]) => t.plus(a), new Decimal(0));
    // Of staleShareOf(k): the part giveStale has given back to the orders of the vouchers it was
    // counted from (in this call: staleUsed; recorded: what was taken from such a voucher beyond its
    // own amount). That money pays those orders now and counts toward no cap of `k`'s window too.
    const staleGivenOf = (k: string, v?: VoucherRecord): Decimal => {
      let t = new Decimal(0);
      for (const [j, a, sharing] of staleEntries(k, true)) {
        available(j);
        const jAll = (amounts.all(j, `${j}+`, `${j},`) as string[]).reduce((s, x) => s.plus(x), new Decimal(0));
        const over = Decimal.max(0, (taken?.get(j) ?? new Decimal(0)).minus(jAll));
        // Given in this call: to a voucher recorded in it (a conflict left unrecorded gives nothing;
        // owedAfter, as --reissue all, records the conflicts).
        const inCallGiven = Decimal.max(0, new Decimal(staleUsed.get(j) ?? 0).minus(asAll ? 0 : (conflictStale.get(j) ?? 0)));
        t = t.plus(Decimal.min(a, over.plus(inCallGiven).plus(v && sharing ? staleClaimOf(v, k, j) : 0)));
      }
      return t;
    };
    // What the vouchers of this call still to take (not settled, outside `v`'s cap group, holding
    // none of `v`'s orders, holding `j`'s orders outside `k`) will be given by giveStale of the money
    // of `j` that group voucher `k` counted as a cap share, stale now (worked out as cover gives it,
    // with their own cap group, nothing taken): their orders' money, not `v`'s cap's too, whether they
    // are re-issued before `v`, after it or with it. Without it the cap of `k`'s window counted all
    // of it before the voucher it follows was given its part (money45: seed 9449 with o07 in Q {05}'s
    // window, reissue-takeover-orders-gone: Q {05,07} counted all of Q {30,05}'s 500.00, o03's 470.00
    // with it, and P {03} was given 300.00 of that too: 1000.00 paid, 1300.00 owed). Only for a share
    // taken from a voucher sharing some of `k`'s orders (staleEntries' `shared` kind): of a share
    // whose voucher's orders are all judged not late, what a voucher of `k`'s window takes as its cap
    // cover is that voucher's (docs/rules.md §1.7); claimed there too, reissue-paths3 seed 3139 step 2
    // paid 1030.00 one at a time ({31} first), 1000.00 owed.
    const staleClaimOf = (v: VoucherRecord, k: string, j: string): Decimal => {
      const kIds = new Set(parseIds((idsOf.get(k) as string | undefined) ?? '[]', this.path));
      const kind = (kindOf.get(j) as string | undefined) ?? 'voucher';
      const keys = capKeys(v);
      const mineV = new Set(v.orderIds);
      const us = new Set<string>();
      for (const id of parseIds((idsOf.get(j) as string | undefined) ?? '[]', this.path)) {
        if (kIds.has(id)) continue;
        const o = shareNow.get(`${kind}|${id}`);
        if (o) us.add(o.key);
      }
      let got = new Decimal(0);
      for (const uk of us) {
        const u = inCallByKey.get(uk);
        if (!u || uk === v.voucherKey || settled(uk) || keys.includes(uk) || u.orderIds.some((id) => mineV.has(id))) continue;
        const uIds = [...new Set(u.orderIds)];
        const uHeldBy = [...new Set((held.all(kind, JSON.stringify(uIds)) as ClashRow[]).map((r) => r.voucher_key))].sort();
        if (!uHeldBy.includes(j)) continue;
        const leftBefore = new Map(left);
        const staleBefore = new Map(staleUsed);
        const was = capFor;
        capFor = v.voucherKey;
        try {
          const c = cover(uHeldBy, Decimal.max(0, new Decimal(u.amount).minus(capStays(u, []))), uIds, recordShares(u), capKeys(u));
          got = got.plus(c.staleGave.get(j) ?? 0);
        } finally {
          capFor = was;
          left.clear();
          for (const [x, a] of leftBefore) left.set(x, a);
          staleUsed.clear();
          for (const [x, a] of staleBefore) staleUsed.set(x, a);
        }
      }
      return got;
    };
    // `holding`: the group's vouchers holding some of `v`'s orders counted too (staysOf: what they
    // hold beyond what later vouchers of other windows or buyers take), for a keep-back, not a cover.
    // `taken`: less all that the later vouchers of the call take of them (staysOf `taken`).
    const capStays = (v: VoucherRecord, not: string[], holding = false, taken = false): Decimal => {
      if (!v.cap) return new Decimal(0);
      const keys = capKeys(v);
      const ids = [...new Set(v.orderIds)];
      const skip = new Set(holding ? not : [...ids, ...not]);
      const held = keys
        .filter((k) => k !== v.voucherKey && !parseIds((idsOf.get(k) as string | undefined) ?? '[]', this.path).some((id) => skip.has(id)))
        .reduce((s, k) => s.plus(staysOf(v, keys, k, ids, taken)), new Decimal(0));
      return Decimal.max(0, held.plus(v.amount).minus(v.cap.amount));
    };
    // The voucher coverOf is working out: settled while it does, but what it takes is still to come,
    // so staysOf counts it among the later vouchers (reissue-cap-stays-moved: Q {05,04} re-issued).
    let covering: string | undefined;
    // Inside staysOf's own laterTake: group vouchers count whole there (worked out one level deep).
    let staysDeep = false;
    // What group voucher `k` holds toward `v`'s cap (capStays: what is kept back for `v`), less what
    // another buyer's vouchers of this call take of it for the orders of `k` when every order of `k` is
    // now under other buyers (capCover's pendingOther, docs/rules.md §1.7: that money follows its
    // orders and never counts toward the old buyer's cap). Counted as staying, nothing was kept back
    // for `v` and `v` issued anew money that was its own (tmall-2023, three exports, reissue-paths3
    // seed 2340: P {04} 500.00 recorded, o04 now in Q {60,04}, which takes all of it; P {03}'s cap
    // counted it, P {02,30,01,05,00} took o03's 30.00 of P {01,05,02,00,03} too, and P {03} issued
    // 30.00 anew: --reissue all 1530.00, Q {60,04} re-issued first 1500.00; reduced in
    // reissue-cap-stays-moved.test.ts, 1330.00 to 1300.00).
    // `taken` (laterTake's bound on what a later voucher takes elsewhere): less all the later vouchers
    // of other windows or buyers take of `k`, whoever they are.
    const staysOf = (v: VoucherRecord, keys: string[], k: string, ids: string[], taken = false): Decimal => {
      const g = Decimal.max(0, inGroupOf(keys, k, ids).minus(staleShareOf(k)));
      if (staysDeep || !g.gt(0)) return g;
      const [outsideWas, otherWas, perWas] = [laterOutside, laterOther, laterPer];
      const outside = new Map<string, Decimal>();
      const other = new Map<string, Decimal>();
      const per = new Map<string, Decimal>();
      laterOutside = outside;
      laterOther = other;
      laterPer = per;
      staysDeep = true;
      try {
        const later = laterTake(v, keys, k, true);
        const p = Decimal.min(g, Decimal.max(0, later.minus(outside.get(k) ?? 0)));
        if (taken) return Decimal.max(0, g.minus(p));
        // Less what the buyer's vouchers of another day or window that the call takes before `v` take
        // of it (worked out as coverOf does, `whole`): that money is gone by the time `v`'s cap counts
        // it. Counted as staying, `v` looked as if its cap paid it and it needed none of the money of
        // its own orders, so another window's cap counted that money as well (money59, reissue-paths3
        // FUZZ_S=5000 seed 5417, tmall-2023, reissue-5417-one-at-a-time.test.ts: G = P {05}'s cap
        // counted all 500.00 of B = P {04}, though F = P {00,04,02}, taken before it, takes 200.00 of
        // it; H = Q {01}'s cap then counted all 500.00 of E = Q {01,04,02,05}, o02's and o05's money,
        // of which G takes 470.00, and H issued nothing: said and --reissue all 1500.00, G and F
        // re-issued first 1530.00, as owed).
        const at = vouchers.indexOf(v);
        let before = new Decimal(0);
        for (const [u, got] of per) {
          const uv = inCallByKey.get(u);
          if (uv && uv.buyer === v.buyer && vouchers.indexOf(uv) < at) before = before.plus(got);
        }
        return Decimal.max(0, g.minus(Decimal.min(p, (other.get(k) ?? new Decimal(0)).plus(before))));
      } finally {
        laterOutside = outsideWas;
        laterOther = otherWas;
        laterPer = perWas;
        staysDeep = false;
      }
    };
    /**
     * What the vouchers of this call not seen yet (or conflicts not recorded), of `v`'s buyer, rule
     * set, kind and shop but of another day or window, would take over of cap-group voucher `k`'s
     * money for the orders of `k` they hold (as cover gives it them now, nothing taken): that money
     * follows its orders there, and is not `v`'s cap's (tmall-2023, three exports, seed 436: {00,01,30}
     * 500.00 recorded opening in {31,00}'s 24-hour window; o30, now in a window of its own, takes
     * 440.00 of it; {31,00} counted that 440.00 toward its cap as well: --reissue all 1090.00, one at
     * a time 1120.00).
     */
    let asAll = false;
    // The voucher whose cap laterTake works out: what a later voucher takes is worked out as cover
    // takes it, with that voucher's cap among those counting money (its money goes last there).
    let capFor: string | undefined;
    const kStart = db.prepare('SELECT window_start FROM vouchers WHERE voucher_key = ?').pluck();
    // Filled by laterTake when set: of what later vouchers take from `k`, the part that is money `k`
    // took over for their orders from vouchers outside the cap group (by `k`).
    let laterOutside: Map<string, Decimal> | undefined;
    // Filled by laterTake when set: of what later vouchers take from `k`, the part another buyer's
    // (or rule set's, or shop's) vouchers take (by `k`).
    let laterOther: Map<string, Decimal> | undefined;
    // Filled by laterTake when set: what each later voucher it works out takes from `k` (0.00 too).
    let laterPer: Map<string, Decimal> | undefined;
    // `whole` (staysOf): a later voucher the call takes before `v` is worked out as coverOf does (its
    // own cap counting first what its window holds, `v`'s cap keeping the money it counts: capTook);
    // one taken after `v` by cover alone (`v` recorded by then, its cap keeps nothing). All by cover
    // alone, seed 1616 said 1700.00 (1500.00 owed): P {02,04,01}, taken before Q {05,00}, was counted
    // as taking 200.00 of Q {01,04} (whose money Q {05,00}'s cap counts) where it takes P {02,06}'s
    // spare money of its own window. All as coverOf, seed 2340 stayed at 1530.00: Q {60,04}, taken
    // after P {03}, was counted as leaving P {04}'s money to P {03}'s cap, then took it.
    // (laterOutside and laterOther are the caller's: coverOf's own capCover sets and clears them.)
    // The places in `vouchers` of the vouchers of this call holding each order (read when first
    // needed). laterTake looks only at the vouchers holding one of `k`'s orders: it went through the
    // whole call for each voucher and recorded voucher it asked about, a time growing with the
    // square of the export (1M-row bench export, tmall-2023, windows grown since the first run: 5.8 s
    // in that loop's first test alone).
    let placesOfOrder: Map<string, number[]> | undefined;
    const callHolding = (ids: ReadonlySet<string>): VoucherRecord[] => {
      if (!placesOfOrder) {
        placesOfOrder = new Map();
        for (const [i, u] of vouchers.entries()) {
          for (const id of new Set(u.orderIds)) {
            const at = placesOfOrder.get(id);
            if (at) at.push(i);
            else placesOfOrder.set(id, [i]);
          }
        }
      }
      const at = new Set<number>();
      for (const id of ids) for (const i of placesOfOrder.get(id) ?? []) at.add(i);
      // In the call's order, as the loop over the whole call met them.
      return [...at].sort((a, b) => a - b).map((i) => vouchers[i]!);
    };
    const laterTake = (v: VoucherRecord, keys: string[], k: string, whole = false): Decimal => {
      const outsideOf = laterOutside;
      const otherOf = laterOther;
      const perOf = laterPer;
      const range = capRange(v);
      if (!range) return new Decimal(0);
      const kIds = new Set(parseIds((idsOf.get(k) as string | undefined) ?? '[]', this.path));
      const mineV = new Set(v.orderIds);
      const kind = v.kind ?? 'voucher';
      let t = new Decimal(0);
      // Those holding none of `k`'s orders are passed over below before anything is done.
      for (const u of callHolding(kIds)) {
        if ((u.kind ?? 'voucher') !== kind) continue;
        if (u.voucherKey === v.voucherKey || (settled(u.voucherKey) && !(staysDeep && u.voucherKey === covering)) || keys.includes(u.voucherKey)) continue;
        if (!u.orderIds.some((id) => kIds.has(id)) || u.orderIds.some((id) => mineV.has(id))) continue;
        // Another buyer's (or rule set's, or shop's) voucher is in no cap group of `v`'s: the orders
        // it takes over have left `v`'s window as surely as those another day's voucher holds.
        const mates = u.buyer === v.buyer && u.rules === v.rules && sameShop(ref(u.shop, u.shopKind), ref(v.shop, v.shopKind));
        const tu = startNow.get(u.voucherKey);
        if (mates && (tu === undefined || (tu >= range.from && tu <= range.to))) continue;
        const uIds = [...new Set(u.orderIds)];
        const rows = held.all(kind, JSON.stringify(uIds)) as ClashRow[];
        const uHeldBy = [...new Set(rows.map((r) => r.voucher_key))].sort();
        if (!uHeldBy.includes(k)) continue;
        // A conflict this call does not record takes that money when it is re-issued (what the run
        // says it owes is worked out after: owedAfter, which takes the conflicts in turn as --reissue
        // all records them): it is left out of `v`'s cap here too, whether `v` is new or re-issued.
        // Counted toward a new voucher's cap, the conflict then took it as well: one payment filled
        // two windows for good (tmall-2023, held-known-on-time: {a,b} 500.00 recorded, a on time now,
        // b in {b,c}; the new {x}, in the window {a,b} opened, counted b's 30.00 toward its cap and
        // issued nothing, {b,c} took b's 30.00 too: 800.00 paid, 830.00 owed).
        // In a run re-issuing `v` it is left out as well when `u` is not re-issued yet (the conflict
        // takes that money when it is, as --reissue all records it; counted toward `v`'s cap now, it
        // paid both windows, and re-issuing `v` first paid 30.00 less: seed 1128) — unless `v`'s
        // 24-hour window cannot be told (unclearWindow: --reissue all holds `v`): the ledger's window
        // then stands until `u` moves `k`'s orders (its cap is paid: reissue-takeover-held). It was
        // kept whenever `v`'s rebuilt window opened at `k`'s recorded start, a window that can be
        // told as well (seed 1082: {01,05} re-issued first counted P {04}'s 300.00, o04's money that
        // Q {04,00} takes over, toward its cap and issued nothing: 900.00, --reissue all 930.00).
        // Not inside staysOf (`staysDeep`): there `v` is a later voucher of the call worked out for
        // another voucher's sake, not re-issued in this run, and what the vouchers before it take is
        // gone whichever window the ledger holds for it (seed 5417: H = Q {01} re-issued first
        // counted all of E toward its cap, since G = P {05}, whose window cannot be told, looked as
        // if its cap held B's 500.00: 1500.00, --reissue all 1530.00).
        if (!asAll && !(opts.reissue && rows.every((r) => opts.reissue!(r.order_id)))) {
          if (unclearWindow(v).length > 0 && !staysDeep) continue;
        }
        const leftBefore = new Map(left);
        const staleBefore = new Map(staleUsed);
        const was = capFor;
        capFor = v.voucherKey;
        const cw = whole && vouchers.indexOf(u) < vouchers.indexOf(v) ? coverOf(u, uHeldBy, uIds) : undefined;
        // By cover alone (capCover asking), `u` takes of `k` only what its own cap leaves owed: what its
        // window holds that no later voucher of the call takes (capStays: money paid there for an order
        // now on time, say) counts toward its cap first (docs/rules.md §1.7). Counted as `u`'s to take
        // in full, `k`'s money was left out of `v`'s cap and `v` issued it anew, though `u`, re-issued
        // after, took none of it (reissue-later-cap-own-window, reissue-paths3 FUZZ_S=9000 seed 9217:
        // P {30,02} re-issued first left o01's 470.00 of P {01,02} to Q {01}, whose window holds Q
        // {04,06}'s 500.00, and issued 30.00 anew: 1530.00, --reissue all 1500.00).
        // Another buyer's `u`: what its cap would count of a group voucher holding `v`'s own orders is
        // not left out of what it needs here: that money is `v`'s orders' and follows them into `v`
        // (docs/rules.md §1.7, "the money follows the order … never also toward its old buyer's
        // window"). Counted as staying in `u`'s window, `u` looked as if it needed less of `k`, `v`'s
        // cap counted the rest of `k` (the other buyer's order's money) and `v` then took its own
        // orders' money too (reissue-paths3 FUZZ_S=6000 seed 6485, tmall-2023, reissue-6485-follows-
        // other-buyer.test.ts: E = Q {04,03} counted 130.00 of o02's money in C = Q {02,03} toward its
        // cap, P {02}'s need cut by B = P {04}'s 500.00, o04's, which E takes; P {02} issued 130.00
        // anew: said and --reissue all 1460.00, P {02} first 1330.00, as owed).
        const uNeed = cw || whole ? new Decimal(u.amount) : Decimal.max(0, new Decimal(u.amount).minus(capStays(u, mates ? [] : [...mineV])));
        const c = cw ? cw.covered : cover(uHeldBy, uNeed, uIds, recordShares(u));
        capFor = was;
        left.clear();
        for (const [x, a] of leftBefore) left.set(x, a);
        staleUsed.clear();
        for (const [x, a] of staleBefore) staleUsed.set(x, a);
        let got = new Decimal(c.from[k] ?? 0);
        // By cover alone, `u` is not told what its own cap counts of the vouchers of its window that
        // hold its orders (uNeed's capStays leaves them out): that money, as its orders' or as its
        // cap's, pays it before `k`'s, which `v`'s cap counts (docs/rules.md §1.7: the money nothing
        // else can use or count goes first). So `u` takes of `k` at most what its window's money
        // leaves it owing: what the vouchers of its window hold beyond what the other later vouchers
        // of the call take of them (capStays `holding`, `taken`), over its cap. Counted as taking its
        // orders' share of `k` in full, `k`'s money was left out of `v`'s cap and `v` issued it anew
        // (money62, reissue-paths3 FUZZ_S=3000 seed 3003, tmall-2023, reissue-3003-others-part.test.ts:
        // H = Q {01,02}, conflict not recorded, was counted as taking o02's 200.00 of B = P {02,06};
        // D = Q {01,04}'s 500.00 in H's window pays H in full, so B's 200.00 fills G = P {06,05}'s cap.
        // G re-issued before H issued 30.00: 1530.00, --reissue all 1500.00). Only the other later
        // vouchers' takes are left out of what stays (not only another buyer's of a voucher all of
        // whose orders moved, as staysOf counts for a keep-back): counted as staying, o02's 30.00 of
        // Q {00,02}, which P {02} takes, cut what Q {30,00,04} takes of P {04} for o04 in seed 306's
        // second export (reissue-keepback-cap), P {06}'s cap counted that 30.00 too, and the third
        // export paid it twice: 1390.00, 1360.00 owed.
        if (got.gt(0) && !cw && !whole && !staysDeep && u.cap) {
          const holdsOwn = capKeys(u).some((x) => x !== u.voucherKey && parseIds((idsOf.get(x) as string | undefined) ?? '[]', this.path).some((id) => uIds.includes(id)));
          if (holdsOwn) got = Decimal.min(got, Decimal.max(0, new Decimal(u.amount).minus(capStays(u, [...mineV], true, true))));
        }
        t = t.plus(got);
        perOf?.set(u.voucherKey, (perOf.get(u.voucherKey) ?? new Decimal(0)).plus(got));
        // Another buyer's voucher taking over money of `k` when this call puts every order of `k` in
        // vouchers of buyers other than `v`'s (all its orders moved to other buyers: its money
        // follows them, §1.7; capCover's pendingOther).
        const allMoved = () =>
          [...kIds].every((id) => {
            const o = shareNow.get(`${kind}|${id}`);
            const ov = o === undefined ? undefined : inCallByKey.get(o.key);
            return ov !== undefined && ov.buyer !== v.buyer;
          });
        if (got.gt(0) && otherOf && !mates && allMoved()) otherOf.set(k, (otherOf.get(k) ?? new Decimal(0)).plus(got));
        if (got.gt(0) && outsideOf) {
          // What `k` holds of vouchers outside `v`'s cap group holding `u`'s orders (money `k` took
          // over for them, which inGroupOf leaves out of `v`'s cap already): taken from there first.
          const uSet = new Set(uIds);
          for (const c2 of coveredOf.all(k, `${k}+`, `${k},`) as string[]) {
            for (const [j, a] of Object.entries(parseCovered(c2, this.path))) {
              const jIds = parseIds((idsOf.get(j) as string | undefined) ?? '[]', this.path);
              if (!keys.includes(j) && !jIds.some((id) => mineV.has(id)) && jIds.some((id) => uSet.has(id))) outsideOf.set(k, (outsideOf.get(k) ?? new Decimal(0)).plus(Decimal.min(got, a)));
            }
          }
        }
      }
      return t;
    };
    // `spareOnly`: counting only money the later vouchers of this call do not take (coverOf, capTook).
    const capCover = (v: VoucherRecord, value: Decimal, most: Decimal, from: Record<string, string>, kept?: Map<string, Decimal>, spareOnly = false, keptBy?: Map<string, Map<string, Decimal>>): Decimal => {
      if (!v.cap || !most.gt(0)) return new Decimal(0);
      const keys = capKeys(v);
      const ids = [...new Set(v.orderIds)];
      // What the later vouchers of this call in another of the buyer's days or windows (or another
      // buyer's) take of each group voucher `k`, as cover gives it them now (laterTake), and of that
      // what `k` took over for their orders from outside the group, and what other buyers take.
      const laterOf = new Map<string, { later: Decimal; fromOutside: Decimal; byOther: Decimal }>();
      // What cover kept back in `k` for such a later voucher beyond what that voucher is worked out
      // to take of `k`: kept for nobody, so not left out of what this cap counts (docs/rules.md §1.7:
      // "a cap may count first what the moved orders' vouchers can do without"). reissue-paths3
      // FUZZ_S=6000 seed 6495 (tmall-2023, reissue-6495-spare-first.test.ts): G = Q {06,04} kept
      // D = Q {03,04}'s 300.00 (o03's share) back for F = P {01,03,05}, which takes C's 500.00 (o05's
      // money, which nothing else can count) and none of D; G's cap counted only D's 200.00 and G
      // issued 270.00 anew: 1800.00 where 1530.00 is owed (F re-issued first: 1530.00).
      const keptCut = new Map<string, Decimal>();
      for (const k of keys) {
        const [outside, other, per] = [new Map<string, Decimal>(), new Map<string, Decimal>(), new Map<string, Decimal>()];
        laterOutside = outside;
        laterOther = other;
        laterPer = per;
        const later = laterTake(v, keys, k);
        laterOf.set(k, { later, fromOutside: outside.get(k) ?? new Decimal(0), byOther: other.get(k) ?? new Decimal(0) });
        let cut = new Decimal(0);
        for (const [u, c] of keptBy?.get(k) ?? []) {
          const got = per.get(u);
          if (got !== undefined) cut = cut.plus(Decimal.max(0, c.minus(got)));
        }
        if (cut.gt(0)) keptCut.set(k, cut);
        laterOutside = undefined;
        laterOther = undefined;
        laterPer = undefined;
      }
      // Less what cover kept back there for the later vouchers of this call, and less what the later
      // vouchers of this call in another of the buyer's days or windows will take of it for their
      // orders (a corrected paid time: the money follows the order; counted here as well, it paid
      // two windows).
      // What this cap takes of that money itself it does not count twice: only what it would count
      // without taking it is left out.
      const inGroup = (k: string) => Decimal.max(0, inGroupOf(keys, k, ids).minus(staleGivenOf(k, v)).minus(Decimal.max(0, (kept?.get(k) ?? new Decimal(0)).minus(keptCut.get(k) ?? 0))));
      const all = keys.reduce((s, k) => s.plus(inGroup(k)), new Decimal(0));
      let pending = new Decimal(0);
      // The part of `pending` another buyer's vouchers of this call take for the orders of a group
      // voucher all of whose orders the call puts under other buyers (moved there): never counted
      // toward this cap, not even what this cap could take of it itself (docs/rules.md §1.7: the
      // money counts toward the cap of the buyer and window the order is in now, never also toward
      // its old buyer's window). Counted so, the other buyer's voucher found it gone and issued it
      // anew, one payment filled two buyers' windows, and a later export paid twice:
      // reissue-paths3 seed 158: Q {03} counted 100.00 of Q {01}'s 500.00 (o01's, all of it needed
      // by P {30,01} now), P {30,01} issued 100.00 for it, and once o03 and o30 moved on to P {03,30}
      // that 100.00 paid o30 and o03 held 200.00 of its 300.00: 1900.00 paid, 1830.00 owed; seed 306
      // (reissue-keepback-cap): P {06} counted all of P {04}'s 500.00, o04's, while Q {30,00,04} needed
      // 200.00 of it and issued 200.00: 1390.00 paid, 1360.00 owed. A group voucher with an order
      // still the buyer's (or in another window of the buyer) keeps the rule above.
      let pendingOther = new Decimal(0);
      // What this cap can take of the group's money and still leave the later vouchers what they take
      // (money of a voucher beyond what its orders elsewhere take: {a,b} 500.00, b's 30.00 taken by
      // {b,c} in another window, 470.00 left for a, on time now): taking it does not cut theirs.
      let spare = new Decimal(0);
      const spareOf = new Map<string, Decimal>();
      for (const k of keys) {
        const g = inGroup(k);
        // What they take of the money `k` took over for their orders from outside the group is not
        // in `g` (inGroupOf leaves it out): only the rest comes out of what counts here (tmall-2023,
        // three exports, reissue-paths3 seed 1003: P {00,01} held 200.00 of Q's money for o00/o01;
        // Q {01} takes o01's 30.00 of it, and P {04}'s cap counted 30.00 less of P {00,01}'s own
        // money: 230.00 issued, 200.00 owed).
        const { later, fromOutside, byOther } = laterOf.get(k)!;
        const p = Decimal.min(g, Decimal.max(0, later.minus(fromOutside)));
        pending = pending.plus(p);
        pendingOther = pendingOther.plus(Decimal.min(p, byOther));
        const sk = Decimal.max(0, Decimal.min(left.get(k) ?? available(k), g).minus(p));
        spareOf.set(k, sk);
        spare = spare.plus(sk);
      }
      const held = spareOnly ? spare : all.minus(pendingOther).minus(Decimal.max(0, pending.minus(pendingOther).minus(Decimal.max(0, Decimal.min(most, all.plus(value).minus(v.cap.amount)).minus(spare)))));
      const over = Decimal.min(most, held.plus(value).minus(v.cap.amount));
      if (!over.gt(0)) return new Decimal(0);
      let rest = over;
      // The money the later vouchers of this call do not take (spare) is taken first, from every
      // group voucher, and only then what they take (docs/rules.md §1.7: of two ways to pay a voucher,
      // the money nothing else can use or count goes first). Taken in the group's order alone, a
      // voucher recorded in the same run (the same recorded time, the keys' order) gave its money a
      // later voucher of the call takes, and that voucher issued it anew (reissue-paths3 FUZZ_S=3216,
      // tmall-2023: P {00,03}'s cap took 300.00 of P {03,00,30}, o30's, not P {02}'s 300.00, o02's,
      // on time now; Q {30} issued 300.00 anew: --reissue all 2100.00, one at a time 1800.00;
      // reissue-cap-spare-first.test.ts).
      // Pass 2's bound, inGroup(k), is not cut by hand by what pass 1 took from `k`, and need not be
      // (rev29; rev28 asked): inGroupOf reads `left`, which pass 1 lowered by its take t, and counts
      // what was taken from `k` (its recorded total less `left`) as gone from its own part. So between
      // the passes both sides of its min (`has`, and its own part less that taken) fall by t, the
      // staleGivenOf and `kept` it is cut by do not change, and inGroup(k) in pass 2 is pass 1's less
      // t exactly: together the passes take at most what pass 1 said `k` holds in the group. The one
      // exception is a `k` holding more than its recorded amounts less what takers of the orders
      // elsewhere took (the max(0, …) in inGroupOf): money given back to `k` since (a negative entry
      // under its key) or a top-up of it owedAfter counts as recorded (toppedUpLater). That money
      // pays `k`'s own orders in this window and pass 1 left it out of `k`'s own part; pass 2 may
      // count up to t of it, never more than `k` then holds. Instrumented (taken over both passes
      // above pass 1's inGroup), no run of test/state nor 150 seeds each of reissue-paths and
      // runs-hourly nor 250 of reissue-paths3 (FUZZ_S=9000) took more.
      for (const spareFirst of spareOnly ? [true] : [true, false]) {
        for (const k of keys) {
          if (!rest.gt(0)) break;
          const has = left.get(k) ?? available(k);
          const take = Decimal.max(0, Decimal.min(has, inGroup(k), rest, spareFirst ? (spareOf.get(k) ?? 0) : rest));
          left.set(k, has.minus(take));
          rest = rest.minus(take);
          if (take.gt(0)) from[k] = (from[k] ? new Decimal(from[k]).plus(take) : take).toFixed(2);
        }
      }
      return over.minus(rest);
    };
    /** What a recorded voucher (its record and top-ups) issued of its own: its amounts less its covers. */
    const issuedOwn = (k: string): Decimal => {
      let t = (amounts.all(k, `${k}+`, `${k},`) as string[]).reduce((s, a) => s.plus(a), new Decimal(0));
      for (const c of coveredOf.all(k, `${k}+`, `${k},`) as string[]) for (const a of Object.values(parseCovered(c, this.path))) t = t.minus(a);
      return t;
    };
    const sharesOf = db.prepare('SELECT shares FROM vouchers WHERE voucher_key = ? OR (voucher_key >= ? AND voucher_key < ?)').pluck();
    /**
     * At most how much of the money recorded voucher `r` (its record and top-ups) issued of its own
     * paid again the orders `ids` it took over from voucher `j`: what those orders came to in it
     * (the most any of its rows recorded, schema 8) less what it took from `j`, and never more than
     * it issued of its own. The rest of its money paid its other orders ({b,c} took b over with
     * {a,b}'s 300.00, b's whole share, and issued 100.00 for c: it paid b again with none of it).
     * Null when a row of it was recorded without the shares (before schema 8) and it issued money
     * of its own: all of that may have paid them again.
     */
    const paidAgain = (r: string, j: string, ids: string[]): Decimal | null => {
      const own = issuedOwn(r);
      if (!own.gt(0)) return new Decimal(0);
      let worth = new Decimal(0);
      for (const t of sharesOf.all(r, `${r}+`, `${r},`) as (string | null)[]) {
        if (t === null) return null;
        const sh = parseAmounts(t, this.path, 'shares');
        worth = Decimal.max(worth, ids.reduce((sum, id) => sum.plus(sh[id] ?? 0), new Decimal(0)));
      }
      let fromJ = new Decimal(0);
      for (const c of coveredOf.all(r, `${r}+`, `${r},`) as string[]) fromJ = fromJ.plus(parseCovered(c, this.path)[j] ?? 0);
      return Decimal.min(own, Decimal.max(0, worth.minus(Decimal.max(0, fromJ))));
    };
    /**
     * What a recorded voucher (its record and top-ups) counted toward its cap as paid by other
     * vouchers that hold none of its orders and are no longer in its cap group (a paid time
     * corrected since: {o04} recorded 20 h after {o00}, truly 31 h, was capped with {o00}'s 30.00
     * and issued 470.00; seen in its own window it read 'already recorded': 500.00 paid of 530.00),
     * by voucher. That money paid their own orders: it does not stand behind this voucher. Less
     * what another voucher that took their orders over since (re-issuing them) paid them again with
     * money of its own (paidAgain): that part does stand behind this voucher (giving it back would
     * pay it twice).
     */
    const staleCap = (v: VoucherRecord, ids: string[]): Map<string, Decimal> => {
      const out = new Map<string, Decimal>();
      if (!v.cap || v.buyer === '' || v.windowStart === null) return out;
      const key = v.voucherKey;
      const net = new Map<string, Decimal>();
      for (const c of coveredOf.all(key, `${key}+`, `${key},`) as string[]) {
        for (const [j, a] of Object.entries(parseCovered(c, this.path))) net.set(j, (net.get(j) ?? new Decimal(0)).plus(a));
      }
      if (![...net.values()].some((a) => a.gt(0))) return out;
      const mine = new Set(ids);
      const group = new Set(capKeys(v));
      const otherSide = new Set<string>();
      for (const [j, a] of [...net].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
        if (a.gt(0) && group.has(j)) {
          // The other side: `j` is in the cap group, but orders of `j` that the share counted where
          // they were (cap_share_orders) are now in vouchers of this call outside the group (another
          // buyer's or window's): the share is stale for their part of `j`'s money (§1.7, "a cap
          // share ... is stale once the export puts that voucher's orders out of the window"). Only
          // a move since: a holder the counting run knew (a conflict it said) is not one, nor a row
          // migrated from schema 15 ('?', not known: the ledger pays as before).
          for (const r of capShare().rows(key, j)) {
            if (r.holder === '?') continue;
            const now = inCallHolder(v.kind ?? 'voucher', r.order_id);
            if (now !== '' && !group.has(now) && now !== r.holder) {
              otherSide.add(r.order_id);
            }
          }
          if (otherSide.size > 0) {
            // `j`'s money to its orders in its order ids' (paid) order, each at most its share in `j`.
            const jShares = recordedShares(j);
            let money = (amounts.all(j, `${j}+`, `${j},`) as string[]).reduce((t, x) => t.plus(x), new Decimal(0));
            let back = new Decimal(0);
            const movedParts: [string, Decimal][] = [];
            for (const o of [...new Set(parseIds((idsOf.get(j) as string | undefined) ?? '[]', this.path))]) {
              const part = Decimal.min(money, jShares?.get(o) ?? 0);
              money = money.minus(part);
              if (otherSide.has(o)) {
                back = back.plus(part);
                movedParts.push([o, part]);
              }
            }
            back = Decimal.min(a, back);
            if (back.gt(0)) {
              out.set(j, back);
              // The part given back, order by order (moved orders in `j`'s order): earmarked for the
              // voucher of the call now holding each order (cover takes it first, `earmark`).
              let rest = back;
              for (const [o, part] of movedParts) {
                const e = Decimal.min(rest, part);
                rest = rest.minus(e);
                const ek = `${j}#${o}`;
                if (e.gt(earmarkInit.get(ek) ?? 0)) earmarkInit.set(ek, e);
              }
            }
            otherSide.clear();
          }
        }
        if (!a.gt(0) || group.has(j)) continue;
        const theirs = [...new Set(parseIds((idsOf.get(j) as string | undefined) ?? '[]', this.path))];
        if (theirs.length === 0 || theirs.some((id) => mine.has(id))) continue;
        // Taken over by a voucher holding none of `v`'s orders: it may have paid them anew. One
        // holding `v`'s orders too (a window {00,04} from an export with the wrong paid time again)
        // took `v`'s money, share and all: that is not paying them anew ({04} read 'already
        // recorded' with the true export: 500.00 paid of 530.00). Nor is a voucher `j` itself took
        // over (it holds `j`'s orders from before), nor one that issued nothing of its own (all it
        // comes to was taken from the vouchers it re-issues): FUZZ_SHIFT seed 500165, {o04,o07}
        // 500.00, {o07} taking o07's 300.00 of it, then {o09} capped with both to 0.00 by a wrong
        // paid time; its true window is its own, and neither paid o07 anew: 800.00 paid of 1000.00.
        // Nor the money of its own it issued for its other orders (paidAgain): {b,c} took b over
        // from {a,b} and issued 100.00 for c; {x} had counted 100.00 of {a,b}'s money toward its
        // day, and was given back only {b,c}'s share: 700.00 paid of 800.00.
        const theirSet = new Set(theirs);
        let again = new Decimal(0);
        let unknown = false;
        for (const r of [...new Set((held.all(v.kind ?? 'voucher', JSON.stringify(theirs)) as ClashRow[]).map((x) => x.voucher_key))].sort()) {
          if (r === j) continue;
          const rIds = [...new Set(parseIds((idsOf.get(r) as string | undefined) ?? '[]', this.path))];
          if (rIds.some((id) => mine.has(id))) continue;
          if (!parseIds((reissuesOf.get(r) as string | null | undefined) ?? '[]', this.path).includes(j)) continue;
          const p = paidAgain(r, j, rIds.filter((id) => theirSet.has(id)));
          if (p === null) {
            unknown = true;
            break;
          }
          again = again.plus(p);
        }
        if (unknown) continue;
        const back = a.minus(again);
        if (back.gt(0)) out.set(j, back);
      }
      return out;
    };
    /**
     * The money cap-group voucher `k` holds for its orders this export puts in another day or window
     * (held here by a voucher of this call outside `v`'s cap group): not toward `v`'s cap. At least
     * what it still holds beyond what its other orders came to in it (the most any of its rows
     * recorded, schema 8), at most what the moved orders come to now; 0 when a row of it has no
     * shares (before schema 8: counted toward the cap, short, never twice). For 24-hour windows the
     * other window is one outside the rebuilt window (capRange: where the ledger's and the export's
     * windows open) ({o03} 30.00 recorded from an export with a wrong postage, then {o03,o02} 330.00
     * with o02's paid time wrong (03-01 12:00, truly 03-02 12:00); the true {o03} at 500.00 had room
     * for only 170.00, o02's 300.00 counted toward o03's window, and {o02} issued 270.00 of it again:
     * 770.00 paid of 800.00, for good). The room then counts of `k` the least of what inGroupOf
     * counts (which may leave that money out already) and what it holds less this. {o03} 50.00 recorded,
     * then {o03,o02} 100.00 with o02's paid time wrong (05-30, truly 05-31): the true {o03} at
     * 500.00 had room for only 400.00 (o02's 50.00 counted toward 05-30): 500.00 paid of 550.00.
     */
    const movedOut = (v: VoucherRecord, group: string[], k: string): Decimal => {
      const range = capRange(v);
      if (!range) return new Decimal(0);
      const { from, to } = range;
      const kIds = [...new Set(parseIds((idsOf.get(k) as string | undefined) ?? '[]', this.path))];
      const kind = v.kind ?? 'voucher';
      const own = new Set(v.orderIds);
      let now = new Decimal(0);
      const moved = new Set<string>();
      for (const id of kIds) {
        const o = shareNow.get(`${kind}|${id}`);
        if (own.has(id) || !o || o.key === v.voucherKey || group.includes(o.key)) continue;
        const c = inCallByKey.get(o.key);
        const t = c ? startNow.get(c.voucherKey) : undefined;
        // Held by a voucher of this call of another day (or rule set, or kind: never this cap).
        if (!c || t === undefined || (c.rules === v.rules && (c.kind ?? 'voucher') === kind && c.buyer === v.buyer && sameShop(ref(c.shop, c.shopKind), ref(v.shop, v.shopKind)) && t >= from && t <= to)) continue;
        moved.add(id);
        now = now.plus(o.share);
      }
      if (moved.size === 0) return new Decimal(0);
      const rows = sharesOf.all(k, `${k}+`, `${k},`) as (string | null)[];
      if (rows.length === 0 || rows.some((t) => t === null)) return new Decimal(0);
      const most = new Map<string, Decimal>();
      for (const t of rows) {
        for (const [id, a] of Object.entries(parseAmounts(t!, this.path, 'shares'))) most.set(id, Decimal.max(most.get(id) ?? new Decimal(0), new Decimal(a)));
      }
      const stays = kIds.filter((id) => !moved.has(id)).reduce((sum, id) => sum.plus(most.get(id) ?? 0), new Decimal(0));
      const has = left.get(k) ?? available(k);
      return Decimal.min(now, Decimal.max(0, has.minus(stays)));
    };
    /**
     * A recorded voucher (`was`, top-ups included) that now comes to more (`now`), or whose cap
     * shares taken from vouchers of another day or window are given back (`stale`): what is still
     * owed, and what its top-up (amount now − was) takes over, so that it issues only that.
     * What stands behind its orders is what the voucher itself still holds (less what later
     * vouchers took over from it, less the stale shares) and what the other vouchers holding its
     * orders hold (a voucher taking it over may already pay the change); the buyer's cap group may
     * leave less room still. Never more than now − was plus the stale shares: a top-up cannot issue
     * more than it records and gives back. The shares given back are negative entries of its cover
     * (`from`), so later runs find them given back once; `released` says how much of each.
     */
    const topUp = (v: VoucherRecord, now: Decimal, was: Decimal, ids: string[], stale = new Map<string, Decimal>()): { owed: Decimal; from: Record<string, string>; released: Map<string, Decimal> } => {
      const key = v.voucherKey;
      const gone = [...stale.values()].reduce((s, a) => s.plus(a), new Decimal(0));
      const groupNow = new Set(capKeys(v));
      const otherGone = [...stale].filter(([j]) => groupNow.has(j)).reduce((s, [, a]) => s.plus(a), new Decimal(0));
      const selfAll = left.get(key) ?? available(key);
      const self = Decimal.max(0, selfAll.minus(gone));
      // What of the shares given back left with this voucher's money, to the vouchers that took it
      // over since: their cover below counts it as standing behind its orders, which it does not.
      const lost = Decimal.max(0, gone.minus(selfAll));
      const others = [...new Set((held.all(v.kind ?? 'voucher', JSON.stringify(ids)) as ClashRow[]).map((r) => r.voucher_key))].filter((k) => k !== key).sort();
      // The cap room, from what the group holds before this voucher takes anything.
      const group = capKeys(v);
      const room = v.cap ? new Decimal(v.cap.amount).minus(group.reduce((s, k) => s.plus(Decimal.max(0, Decimal.min(inGroupOf(group, k, ids), Decimal.max(0, (left.get(k) ?? available(k)).minus(movedOut(v, group, k)))).minus(k === key ? otherGone : 0))), new Decimal(0))) : null;
      const before = new Map([...others, ...group].map((k) => [k, left.get(k) ?? available(k)]));
      const need = Decimal.max(0, now.minus(self));
      const c = cover(others, need, ids, recordShares(v), otherGone.gt(0) ? group : undefined);
      let tookMine = new Decimal(0);
      if (lost.gt(0)) {
        for (const k of others) {
          for (const cv of coveredOf.all(k, `${k}+`, `${k},`) as string[]) tookMine = tookMine.plus(parseCovered(cv, this.path)[key] ?? 0);
        }
      }
      let owed = need.minus(c.total).plus(Decimal.min(lost, Decimal.max(0, tookMine), c.total));
      if (room !== null) owed = Decimal.min(owed, Decimal.max(0, room));
      owed = Decimal.max(0, Decimal.min(owed, Decimal.max(0, now.minus(was)).plus(gone)));
      // The top-up's cover: now − was + what is given back − owed, from what this call took (cover
      // first, then the cap group).
      let want = Decimal.max(0, now.minus(was)).plus(gone).minus(owed);
      const from: Record<string, string> = {};
      const takenNow = [...Object.entries(c.from).map(([k, a]) => [k, new Decimal(a)] as const)];
      const capLeft = room !== null ? group.map((k) => [k, before.get(k)!.minus(c.from[k] ?? 0)] as const) : [];
      for (const [k, a] of [...takenNow, ...capLeft]) {
        if (!want.gt(0)) break;
        const already = new Decimal(from[k] ?? 0);
        const can = Decimal.min(a.minus(k === key ? a : 0), want);
        if (!can.gt(0)) continue;
        from[k] = already.plus(can).toFixed(2);
        want = want.minus(can);
      }
      // What this run holds as taken: exactly the top-up's cover.
      for (const [k, a] of before) left.set(k, a.minus(from[k] ?? 0));
      // Given back, less any of the cover nothing here could take (so the top-up pays only `owed`).
      const released = new Map<string, Decimal>();
      for (const [j, a] of stale) {
        const back = Decimal.max(0, a.minus(want));
        want = Decimal.max(0, want.minus(a));
        if (!back.gt(0)) continue;
        released.set(j, back);
        from[j] = back.neg().toFixed(2);
      }
      return { owed, from, released };
    };
    /**
     * A recorded voucher seen again at the same amount, part of whose money later vouchers took over
     * (holding its orders: a window that grew) and then gave to other orders (vouchers holding none
     * of its orders took it from them, as a cover or toward a cap, when the windows split again):
     * that part no longer stands behind its orders and is owed again (tmall-2023, FUZZ_SHIFT seed
     * 140131: {o01} 500.00 recorded from an export with a wrong paid time; {o02,o01} took its 500.00,
     * {o02} then counted 30.00 of it toward its cap; the true {o01} read 'already recorded': 500.00
     * paid of 530.00). Counted at its least: what such a voucher T gave away is taken to be first T's
     * own money and what it took from others, this voucher's last; less what earlier top-ups gave
     * back. Null when nothing is owed. The top-up records 0.00; its cover gives the part back to the
     * voucher itself (a negative entry under its own key), so later runs find it given back once.
     */
    const movedAway = (v: VoucherRecord, was: Decimal, ids: string[], also: readonly Taking[] = []): { owed: Decimal; from: Record<string, string>; takers: string[]; before: Map<string, Decimal> } | null => {
      const key = v.voucherKey;
      const self = left.get(key) ?? available(key);
      if (!self.lt(was)) return null;
      const mine = new Set(ids);
      const baseOf = (k: string) => k.replace(/\+\d+$/, '');
      const idsOfKey = (k: string) => also.find((x) => x.key === k)?.ids ?? parseIds((idsOf.get(k) as string | undefined) ?? '[]', this.path);
      /** What each voucher (by base key) took from `k`, net of what it gave back (and what `also` would take). */
      const takenFrom = (k: string): Map<string, Decimal> => {
        const by = new Map<string, Decimal>();
        for (const r of takersOf(k)) {
          const a = parseCovered(r.covered, this.path)[k];
          if (a === undefined) continue;
          const t = baseOf(r.voucher_key);
          by.set(t, (by.get(t) ?? new Decimal(0)).plus(a));
        }
        for (const x of also) {
          const a = x.from[k];
          if (a !== undefined) by.set(x.key, (by.get(x.key) ?? new Decimal(0)).plus(a));
        }
        return by;
      };
      /** The stale cap shares of `u` (staleCap) when it is a voucher of this call, which gives them back when seen. */
      const staleOf = (u: string): Map<string, Decimal> => {
        const uv = inCallByKey.get(u);
        return uv ? staleCap(uv, [...new Set(uv.orderIds)]) : new Map();
      };
      const fromMe = takenFrom(key);
      // Given back before by its own top-ups (negative entries under its own key).
      const restored = Decimal.max(0, (fromMe.get(key) ?? new Decimal(0)).neg());
      let lost = new Decimal(0);
      const takers: string[] = [];
      for (const [t, a] of [...fromMe].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
        if (t === key || !a.gt(0) || !idsOfKey(t).some((id) => mine.has(id))) continue;
        const tTotal = (amounts.all(t, `${t}+`, `${t},`) as string[]).reduce((s2, x) => s2.plus(x), new Decimal(0));
        let out = new Decimal(0);
        for (const [u, b] of takenFrom(t)) {
          if (u === t || u === key || !b.gt(0) || idsOfKey(u).some((id) => mine.has(id))) continue;
          // A cap share `u` counted of T's money toward a window the export no longer puts T in:
          // `u` gives it back itself (staleCap), T's money still stands behind T's orders. Given
          // here too it was paid twice (FUZZ_SHIFT seed 500165: {o07} took o07's 300.00 of
          // {o04,o07}, {o09} counted it toward a wrong window; both got it back: 1300.00 of 1000.00).
          // Only the part given back: the rest another voucher paid again (staleCap).
          out = out.plus(Decimal.max(0, b.minus(staleOf(u).get(t) ?? 0)));
        }
        const part = Decimal.min(a, Decimal.max(0, out.minus(Decimal.max(0, tTotal.minus(a)))));
        if (part.gt(0)) {
          lost = lost.plus(part);
          takers.push(t);
        }
      }
      lost = lost.minus(restored);
      if (!lost.gt(0)) return null;
      const before = new Map(left);
      const group = capKeys(v);
      let owed = lost;
      // What its own window pays it anyway (asIsPaid) it is not owed again: only what that and its
      // money still standing behind it (taken over by vouchers holding its orders, not taken on)
      // leave short.
      const paidHere = asIsPaid.get(key);
      if (paidHere) owed = Decimal.min(owed, Decimal.max(0, new Decimal(v.amount).minus(paidHere).minus(Decimal.max(0, was.minus(lost)))));
      if (v.cap) owed = Decimal.min(owed, Decimal.max(0, new Decimal(v.cap.amount).minus(group.reduce((s2, k) => s2.plus(inGroupOf(group, k, ids)), new Decimal(0)))));
      if (!owed.gt(0)) return null;
      left.set(key, self.plus(owed));
      return { owed, from: { [key]: owed.neg().toFixed(2) }, takers, before };
    };
    // The orders of this call's vouchers (those the export shows late).
    // Added record by record: a flatMap's list of every id (~250k at a 1M-row export, 2 MB) was
    // garbage made at the recording's largest (issue 21).
    const inCall = new Set<string>();
    for (const list of callLists) for (const v of list) for (const id of v.orderIds) inCall.add(id);
    /**
     * 24-hour windows (RULES 1.2, our reading) the export and the ledger disagree on. A recorded
     * voucher R opened its window at t with an order (its first) this export lacks. The export's
     * windows of the buyer are then built without that opening, and the ledger keeps no other paid
     * time: whether R's order opens a window turns on the buyer's earlier orders, which neither
     * shows. This voucher (opening at s) cannot be told when
     * - R opened within the 24 h before s and the rebuild puts R in an earlier window (so this one
     *   opens its own): had R opened its own, this voucher's orders would join it (seed 130215: {o03}
     *   recorded; an export of {o01} and {o02} put {o03} in {o01}'s window and paid {o02} 300.00 in a
     *   window of its own; truly o03 opened the window o02 joins, already paid: 1300.00 of 1000.00);
     * - or an export window of the buyer opening at e ≤ s falls within R's 24 h (t < e ≤ t + 24 h)
     *   and this one opens after them (s > t + 24 h): the export chained its windows from e, where
     *   R's window ends at t + 24 h, so its orders after that open another window, which this one's
     *   may join (seed 130215, run 5: {o04,o05} recorded opening at o04; an export without o04 put o01
     *   to o09 in {o01}'s window and paid {o02} 200.00 in one of its own: 2560.00 of 2530.00).
     * Their keys; none when the window is certain.
     */
    const unclearWindow = (v: VoucherRecord): string[] => {
      if (v.cap?.rolling === undefined || v.buyer === '' || v.windowStart === null) return [];
      const s = v.windowStart;
      const day = v.cap.rolling;
      const kind = v.kind ?? 'voucher';
      const missing = shopRows(starts.all(kind, v.buyer, v.rules) as { k: string; t: number; s: string | null; sk: string | null }[], v).filter((r) => {
        const first = parseIds((idsOf.get(r.k) as string | undefined) ?? '[]', this.path)[0];
        return first !== undefined && !inCall.has(first) && !(opts.notLate?.has(first) ?? false) && startOf(r.k, r.t) < s;
      });
      if (missing.length === 0) return [];
      const exportStarts = callStarts(v, kind).map(([, t]) => t).filter((t) => t <= s);
      let group: Set<string> | undefined;
      const out: string[] = [];
      for (const r of missing) {
        const t = startOf(r.k, r.t);
        if (t >= s - day) {
          group ??= new Set(capKeys(v));
          if (!group.has(r.k)) out.push(r.k);
        } else if (s > t + day && exportStarts.some((e) => e > t && e <= t + day)) out.push(r.k);
      }
      return out.sort();
    };
    /**
     * Whether every recorded voucher the cap took money from (the entries capCover added to `after`
     * beyond `before`) holds no order of this run's exports, where a shop is unknown (`v` has none,
     * or one of them has none: schema 9 shares those caps): an export with none of them may be
     * another shop's, recorded into the same file. Vouchers of the same named shop are that shop's
     * (an export covering part of its days), and another named shop's never cap `v`.
     */
    const capElsewhere = (v: VoucherRecord, before: Record<string, string>, after: Record<string, string>): boolean => {
      const takers = Object.keys(after).filter((k) => new Decimal(after[k]!).gt(before[k] ?? 0));
      if (v.shop !== undefined && takers.every((k) => ((shopOf.get(k) as { s: string | null } | undefined)?.s ?? null) !== null)) return false;
      return takers.length > 0 && takers.every((k) => !parseIds((idsOf.get(k) as string | undefined) ?? '[]', this.path).some((id) => inCall.has(id)));
    };
    const claim = db.prepare('INSERT INTO voucher_orders (voucher_key, order_id, kind, claim) VALUES (?, ?, ?, ?)');
    /**
     * Whether a recorded voucher the cap took money from (as capElsewhere) is of a shop named the
     * other way that no row has linked to `v`'s (schema 10): counted, as it may be `v`'s shop.
     */
    const capUnlinked = (v: VoucherRecord, before: Record<string, string>, after: Record<string, string>): boolean =>
      Object.keys(after)
        .filter((k) => new Decimal(after[k]!).gt(before[k] ?? 0))
        .some((k) => {
          const r = shopOf.get(k) as { s: string | null; sk: string | null } | undefined;
          return r !== undefined && shopRelation(ref(r.s, r.sk), ref(v.shop, v.shopKind)) === 'maybe';
        });
    const backfillShop = db.prepare('UPDATE vouchers SET shop = ?, shop_kind = ? WHERE (voucher_key = ? OR (voucher_key >= ? AND voucher_key < ?)) AND shop IS NULL');
    const backfillStart = db.prepare('UPDATE vouchers SET window_start = ? WHERE (voucher_key = ? OR (voucher_key >= ? AND voucher_key < ?)) AND window_start IS NULL');
    /**
     * What is paid of `v` already: by the recorded vouchers holding its orders (`heldBy`, a window
     * that grew after they were recorded), and by the other vouchers of its buyer's day or 24-hour
     * window toward its cap; with its Cover entry (what the run says of it).
     */
    const coverOf = (v: VoucherRecord, heldBy: string[], ids: string[]): { covered: { total: Decimal; from: Record<string, string> }; byCap: Decimal; entry: Cover } => {
      const was = covering;
      covering = v.voucherKey;
      try {
        return coverOfNow(v, heldBy, ids);
      } finally {
        covering = was;
      }
    };
    const coverOfNow = (v: VoucherRecord, heldBy: string[], ids: string[]): { covered: { total: Decimal; from: Record<string, string> }; byCap: Decimal; entry: Cover } => {
      const amount = new Decimal(v.amount);
      const covered = heldBy.length > 0 ? cover(heldBy, amount, ids, recordShares(v), capKeys(v)) : { total: new Decimal(0), from: {} as Record<string, string>, kept: undefined, keptBy: undefined, capTook: undefined, giveStale: undefined, staleGave: undefined };
      // Money it took of an earlier voucher that another voucher of this call counts toward its cap
      // is put back first, for this voucher's own cap to count what its group holds (money nothing
      // else can use: §1.7, "the money nothing else can use or count goes first"); then taken again
      // as far as the cap leaves it owed (tmall-2023, reissue-paths3 seed 588, reduced in
      // reissue-all-588.test.ts: Q {01} took all of P {01,05}'s 500.00 for o01, and Q {30,00}'s
      // 200.00 for o30, on time now, counted in Q's window where nothing needs it; P {00,04}, whose
      // cap counts P {01,05}'s money, issued 200.00 anew: --reissue all 1200.00, P {00,04} first and
      // a fresh ledger 1000.00).
      const back = [...(covered.capTook ?? [])];
      if (v.cap && back.length > 0) {
        for (const [k, a] of back) {
          left.set(k, (left.get(k) ?? available(k)).plus(a));
          const f = new Decimal(covered.from[k]!).minus(a);
          if (f.gt(0)) covered.from[k] = f.toFixed(2);
          else delete covered.from[k];
          covered.total = covered.total.minus(a);
        }
      }
      const coverFrom = { ...covered.from };
      let byCap = new Decimal(0);
      if (v.cap && back.length > 0) {
        // Only what no later voucher of this call takes: taking money a later voucher needs (as
        // capCover may) moves what is owed there (reissue-paths3 seed 382: P {61,04}'s cap took
        // o00's 300.00 of P {00}, which Q {00,02} takes for o00: one at a time 2000.00 of 1800.00).
        byCap = capCover(v, amount, amount.minus(covered.total), covered.from, covered.kept, true, covered.keptBy);
        let need = amount.minus(covered.total).minus(byCap);
        // Then a cap share gone stale (money nothing else counts any more) before the money put back,
        // which another voucher's cap counts (reissue-paths3 FUZZ_S=2100 seed 2319: P {03,01} took
        // o03's 470.00 of P {06,03}, which P {60,06}'s cap counts, before o01's 500.00 of Q {01}, a
        // share Q {30} counted toward a cap o30 has left, and P {60,06} issued 470.00 anew).
        const staleMore = covered.giveStale?.(need) ?? new Decimal(0);
        covered.total = covered.total.plus(staleMore);
        need = need.minus(staleMore);
        for (const [k, a] of back) {
          const t = Decimal.max(0, Decimal.min(a, need));
          if (!t.gt(0)) continue;
          left.set(k, (left.get(k) ?? available(k)).minus(t));
          covered.from[k] = new Decimal(covered.from[k] ?? 0).plus(t).toFixed(2);
          coverFrom[k] = new Decimal(coverFrom[k] ?? 0).plus(t).toFixed(2);
          covered.total = covered.total.plus(t);
          need = need.minus(t);
        }
      }
      byCap = byCap.plus(capCover(v, amount, amount.minus(covered.total).minus(byCap), covered.from, covered.kept, false, covered.keptBy));
      covered.total = covered.total.plus(byCap);
      const entry: Cover = { voucherKey: v.voucherKey, covered: covered.total.toFixed(2), byCap: byCap.toFixed(2), inexact: byCap.gt(0) && !v.cap!.exact };
      if (byCap.gt(0) && capElsewhere(v, coverFrom, covered.from)) entry.capElsewhere = true;
      if (byCap.gt(0) && capUnlinked(v, coverFrom, covered.from)) entry.capUnlinked = true;
      return { covered, byCap, entry };
    };
    /**
     * What the conflicts of this call still owe, said as --reissue all then pays them: once every
     * voucher recorded in this call has taken its part (the recorded ones are already recorded in
     * that run, and take nothing again), each conflict in turn taking what it would take, with what
     * the ones before it took (never restored: that run records them one after another). Worked out
     * in the call, a conflict could not see a voucher recorded after it take money it counted on:
     * {o62,o63} 500.00 recorded, then {o62} (paid earlier in truth) counted 200.00 of it as paid, and
     * the new {o64} sharing its cap counted all 500.00 toward that cap: 100.00 + 0.00 + 300.00 said,
     * 600.00 then paid. Nothing is recorded here: only the conflicts' Cover entries change (what is
     * recorded, and what the vouchers recorded in this call count, are as before).
     */
    const owedAfter = (out: Map<string, RecordStatus>): void => {
      if (blockedConflicts.length === 0) return;
      asAll = true;
      callTaken = [];
      for (const [k, a] of conflictStale) staleUsed.set(k, Decimal.max(0, (staleUsed.get(k) ?? new Decimal(0)).minus(a)));
      for (const [k, d] of toppedUpLater) left.set(k, Decimal.max(0, (left.get(k) ?? available(k)).plus(d)));
      // The vouchers of this call before each (and itself) are seen, as in the run re-issuing it.
      done.clear();
      blockedKeys.clear();
      let upTo = 0;
      for (const { v, ids, heldBy, at, entry } of blockedConflicts) {
        for (; upTo < at; upTo++) done.add(vouchers[upTo]!.voucherKey);
        const before = new Map(left);
        const staleBefore = new Map(staleUsed);
        const c = coverOf(v, heldBy, ids);
        callTaken.push({ key: v.voucherKey, ids, from: { ...c.covered.from } });
        if (opts.covers && entry >= 0) opts.covers[entry] = c.entry;
        // One --reissue all holds (its 24-hour window cannot be told, and it is not paid in full)
        // is held here too: what the run says is owed is what --reissue all then records. Said
        // `conflict` and counted as owed, it was then held and not paid (tmall-2023, two exports:
        // {02} 300.00 "still owed", then held by --reissue all: 2100.00 said, 1800.00 paid).
        const unclear = c.covered.total.lt(v.amount) ? unclearWindow(v) : [];
        if (unclear.length > 0) {
          out.set(v.voucherKey, 'held');
          const missing = [...new Set(unclear.flatMap((k) => parseIds((idsOf.get(k) as string | undefined) ?? '[]', this.path)))].filter((id) => !inCall.has(id)).sort();
          opts.held?.push({ voucherKey: v.voucherKey, owed: new Decimal(v.amount).minus(c.covered.total).toFixed(2), between: unclear, missing });
          // Not recorded: it takes nothing, and what it needs is kept for it, as for a conflict.
          left.clear();
          for (const [k, a] of before) left.set(k, a);
          staleUsed.clear();
          for (const [k, a] of staleBefore) staleUsed.set(k, a);
          blockedKeys.add(v.voucherKey);
          callTaken.pop();
        }
      }
      callTaken = [];
    };
    // IMMEDIATE: the write lock is taken before the first read, so "is this order already paid?"
    // and the insert see one state of the ledger; a second run waits, then sees this one's vouchers.
    const body = () => {
          for (const [id, name] of opts.shopPairs ?? []) if (id !== name) addPair.run(id, name);
          // Recorded vouchers of a text this run names (before schema 10 its kind was not kept): named so.
          for (const [shop, kind] of callKinds) learnKind.run(kind, shop);
          canonCache.clear();
          takersIndex = undefined;
          const out = new Map<string, RecordStatus>();
          done.clear();
          takings.length = 0;
          asAll = false;
          blockedKeys.clear();
          toppedUpLater.clear();
          recordedAsIs.clear();
          // Already recorded (an earlier run re-issued it on its own, say): what it took from the
          // vouchers it took over is taken, and kept back for it again a conflict re-issued after it
          // found that money gone (tmall-2023: {03,01} 500.00 and {02} 300.00 recorded, then o03 and
          // o02 swapped buyers: --reissue 02,01 took 200.00 of {03,01}, and --reissue 03 then kept
          // back 500.00 more of it for {02,01} and issued 500.00: 1800.00 paid of 1500.00).
          for (const v of vouchers) {
            if (!exists.get(v.voucherKey)) continue;
            const was = (amounts.all(v.voucherKey, `${v.voucherKey}+`, `${v.voucherKey},`) as string[]).reduce((t, a) => t.plus(a), new Decimal(0));
            if (was.eq(v.amount)) recordedAsIs.add(v.voucherKey);
          }
          // The other side's given-back parts (earmarkInit), worked out before anything is taken:
          // only vouchers whose cap shares have rows of schema 16 can have any.
          earmarkInit.clear();
          for (const v of vouchers) if (v.cap && exists.get(v.voucherKey) && capShare().has(v.voucherKey)) staleCap(v, [...new Set(v.orderIds)]);
          // A voucher seen again as recorded holds money it took over from an earlier voucher for its
          // orders; when its cap group now holds, of vouchers holding none of its orders, enough to
          // fill its cap (capStays: money of an order the export lacks, in the window it opened, say),
          // that money is not needed there, and another voucher of this call holding that earlier
          // voucher's orders and taking in this call (a top-up, a cap share given back, a new one) may
          // take it: of two ways to pay a voucher, the money nothing else can use or count goes first
          // (docs/rules.md §1.7). Only in this call's reckoning: nothing is recorded for the voucher
          // seen again. Reissue-paths3 FUZZ_S=1150 seed 1202 (tmall-2023): {00} held as Q's kept
          // o00's 30.00 of P {00,02} in a Q window filled by lacking o03's 500.00, and P {02} (the
          // recorded {02}, its 30.00 cap share of that Q window given back) issued 30.00 anew: 1060.00
          // paid, 1030.00 owed (reissue-held-full-cap.test.ts).
          // (Worked out once: the vouchers of this call holding each order, the stale cap shares of
          // those seen again as recorded, and what those give back to each voucher they counted.)
          let holders: Map<string, VoucherRecord[]> | undefined;
          const staleOf = new Map<string, ReadonlyMap<string, Decimal>>();
          // An empty answer is kept as the one shared NO_STALE: asked of every voucher seen again as
          // recorded (asIsPaid below), a Map each held ~50 MB at a 1M-row export's second --record run.
          const staleFor = (w: VoucherRecord): ReadonlyMap<string, Decimal> => {
            let m: ReadonlyMap<string, Decimal> | undefined = staleOf.get(w.voucherKey);
            if (!m) {
              const found = staleCap(w, [...new Set(w.orderIds)]);
              staleOf.set(w.voucherKey, (m = found.size === 0 ? NO_STALE : found));
            }
            return m;
          };
          let givenBack: Map<string, Decimal> | undefined;
          asIsPaid.clear();
          for (const u of vouchers) {
            if (!recordedAsIs.has(u.voucherKey) || !u.cap || staleFor(u).size > 0) continue;
            const keys = capKeys(u);
            if (!keys.some((k) => k !== u.voucherKey)) {
              // Alone in its cap group: no other voucher's money (own and stays are 0), so nothing
              // of the call's orders need be looked up (the holders index is built only when asked).
              const alone = Decimal.min(u.amount, Decimal.max(0, new Decimal(u.amount).minus(u.cap.amount)));
              if (alone.gt(0)) asIsPaid.set(u.voucherKey, alone);
              continue;
            }
            if (!holders) {
              holders = new Map();
              for (const w of vouchers) for (const id of new Set(w.orderIds)) holders.set(id, [...(holders.get(id) ?? []), w]);
            }
            if (!givenBack) {
              givenBack = new Map();
              for (const w of vouchers) if (recordedAsIs.has(w.voucherKey)) for (const [k, b] of staleFor(w)) givenBack.set(k, (givenBack.get(k) ?? new Decimal(0)).plus(b));
            }
            const uIds = new Set(u.orderIds);
            const ids = [...uIds];
            let own = new Decimal(0);
            let stays = new Decimal(0);
            for (const k of keys) {
              if (k === u.voucherKey) continue;
              const kIds = parseIds((idsOf.get(k) as string | undefined) ?? '[]', this.path);
              if (kIds.length > 0 && kIds.every((id) => uIds.has(id) && (holders!.get(id) ?? []).every((w) => w === u))) own = own.plus(inGroupOf(keys, k, ids));
              else if (!kIds.some((id) => holders!.has(id))) stays = stays.plus(inGroupOf(keys, k, ids)).plus(givenBack.get(k) ?? 0);
            }
            const paid = Decimal.min(u.amount, own.plus(Decimal.max(0, stays.plus(u.amount).minus(u.cap.amount))));
            if (paid.gt(0)) asIsPaid.set(u.voucherKey, paid);
          }
          for (const u of vouchers) {
            if (!recordedAsIs.has(u.voucherKey) || !u.cap) continue;
            const uIds = new Set(u.orderIds);
            const net = new Map<string, Decimal>();
            for (const c of coveredOf.all(u.voucherKey, `${u.voucherKey}+`, `${u.voucherKey},`) as string[]) {
              for (const [j, a] of Object.entries(parseCovered(c, this.path))) net.set(j, (net.get(j) ?? new Decimal(0)).plus(a));
            }
            const took = [...net]
              .filter(([j, a]) => a.gt(0) && j !== u.voucherKey && parseIds((idsOf.get(j) as string | undefined) ?? '[]', this.path).some((id) => uIds.has(id)))
              .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
            // One giving a cap share back is no voucher seen as it was (topUp works it out).
            if (took.length === 0 || staleFor(u).size > 0) continue;
            if (!holders) {
              holders = new Map();
              for (const w of vouchers) for (const id of new Set(w.orderIds)) holders.set(id, [...(holders.get(id) ?? []), w]);
            }
            let room: Decimal | undefined;
            for (const [j, a] of took) {
              const wanted = parseIds((idsOf.get(j) as string | undefined) ?? '[]', this.path).some(
                (id) => !uIds.has(id) && (holders!.get(id) ?? []).some((w) => w !== u && w.voucherKey !== j && (!recordedAsIs.has(w.voucherKey) || staleFor(w).size > 0)),
              );
              if (!wanted) continue;
              if (room === undefined) {
                // What the cap group holds of vouchers holding none of the orders of this call's
                // vouchers (money that follows its orders to another voucher of the call is not this
                // cap's: reissue-paths3 seed 53, Q {01}'s 30.00, o01's, taken by P {01,60}), with the
                // cap shares vouchers of this call give back to them (counted toward a cap of a window
                // they are no longer in: staleCap), which stand in the group again.
                if (!givenBack) {
                  givenBack = new Map();
                  for (const w of vouchers) if (recordedAsIs.has(w.voucherKey)) for (const [k, b] of staleFor(w)) givenBack.set(k, (givenBack.get(k) ?? new Decimal(0)).plus(b));
                }
                const keys = capKeys(u);
                const ids = [...uIds];
                const stays = keys
                  .filter((k) => k !== u.voucherKey && !parseIds((idsOf.get(k) as string | undefined) ?? '[]', this.path).some((id) => holders!.has(id)))
                  .reduce((t, k) => t.plus(inGroupOf(keys, k, ids)).plus(givenBack!.get(k) ?? 0), new Decimal(0));
                room = Decimal.max(0, stays.plus(u.amount).minus(u.cap.amount));
              }
              const r = Decimal.min(a, room);
              if (!r.gt(0)) break;
              left.set(j, (left.get(j) ?? available(j)).plus(r));
              room = room.minus(r);
            }
          }
          for (const [at, v] of vouchers.entries()) {
            done.add(v.voucherKey);
            // A key given twice in one call is recorded once; its first answer stands.
            if (out.has(v.voucherKey)) continue;
            const kind = v.kind ?? 'voucher';
            const ids = [...new Set(v.orderIds)];
            if (exists.get(v.voucherKey)) {
              // Recorded before schema 9 (no shop) or by storeops 0.0.x (no window start): the very
              // voucher seen again (the same orders, so the same shop and first paid time) fills
              // them in, never guessed. Without its shop it counted toward every shop's cap of its
              // buyer (another shop's buyer was paid short of that shop's own cap); without its
              // window start it was in no cap group at all.
              if (v.shop !== undefined) backfillShop.run(v.shop, v.shopKind ?? null, v.voucherKey, `${v.voucherKey}+`, `${v.voucherKey},`);
              if (v.windowStart !== null) backfillStart.run(v.windowStart, v.voucherKey, `${v.voucherKey}+`, `${v.voucherKey},`);
              const parts = amounts.all(v.voucherKey, `${v.voucherKey}+`, `${v.voucherKey},`) as string[];
              const was = parts.reduce((s, a) => s.plus(a), new Decimal(0));
              const now = new Decimal(v.amount);
              // Cap shares counted as paid by vouchers of what is now another day or window.
              const stale = staleCap(v, ids);
              if (was.eq(now) && stale.size === 0) {
                // The conflicts before it in this call are not recorded, but --reissue all records
                // them first: what they would take from the vouchers that took this one over counts
                // here as taken, so the run says what --reissue all then tops up (tmall-2023, three
                // exports, seed 2005: {60,01} would take o01's 30.00 of {02,01}, which had taken all
                // of {02}'s 500.00 over; {02} read 'already recorded': said 1300.00, --reissue all
                // 1330.00). Only said: not topped up until those conflicts are recorded.
                const recorded = movedAway(v, was, ids);
                const moved = recorded ?? (takings.length > 0 ? movedAway(v, was, ids, takings) : null);
                if (!moved) {
                  out.set(v.voucherKey, 'already_recorded');
                  continue;
                }
                const toppedUp = recorded !== null && opts.reissue !== undefined && ids.every((id) => opts.reissue!(id));
                opts.changes?.push({ voucherKey: v.voucherKey, orderIds: ids, recorded: was.toFixed(2), now: now.toFixed(2), owed: moved.owed.toFixed(2), toppedUp, movedTo: moved.takers });
                if (toppedUp) {
                  insertVoucher(`${v.voucherKey}+${parts.length}`, v.buyer, v.rules, JSON.stringify(v.orderIds), '0.00', v.windowStart, recordedAt, kind, JSON.stringify([v.voucherKey]), JSON.stringify(moved.from), sharesText(v), v.shop ?? null, v.shop !== undefined ? (v.shopKind ?? null) : null);
                } else {
                  left.clear();
                  for (const [k, a] of moved.before) left.set(k, a);
                }
                out.set(v.voucherKey, toppedUp ? 'topped_up' : 'amount_changed');
                continue;
              }
              // What was paid stands. More is owed: recorded only as a deliberate top-up (--reissue
              // naming its orders); less: nothing can be taken back. Either way it is reported.
              const more = Decimal.max(0, now.minus(was));
              const before = new Map(left);
              const { owed, from, released } = more.gt(0) || stale.size > 0 ? topUp(v, now, was, ids, stale) : { owed: new Decimal(0), from: {}, released: new Map<string, Decimal>() };
              const toppedUp = owed.gt(0) && opts.reissue !== undefined && ids.every((id) => opts.reissue!(id));
              // What `left` would be with the top-up recorded (the shares it gives back theirs again).
              const asToppedUp = new Map(left);
              const vGroup = new Set(capKeys(v));
              for (const [j, a] of released) if (!vGroup.has(j)) asToppedUp.set(j, (asToppedUp.get(j) ?? available(j)).plus(a));
              if (!toppedUp && more.isZero()) {
                // Only a cap share to give back, and not recorded: nothing is taken in this call.
                left.clear();
                for (const [k, a] of before) left.set(k, a);
                // EXPERIMENT (m58): a share stale from the other side stays given back in the run.
                if (was.eq(now) && !owed.gt(0)) {
                  // The same amount and nothing owed (its cap group now is full): as it was.
                  out.set(v.voucherKey, 'already_recorded');
                  continue;
                }
              }
              const change: AmountChange = { voucherKey: v.voucherKey, orderIds: ids, recorded: was.toFixed(2), now: now.toFixed(2), owed: owed.toFixed(2), toppedUp };
              if (owed.gt(0) && released.size > 0) {
                change.released = [...released.values()].reduce((s, a) => s.plus(a), new Decimal(0)).toFixed(2);
                change.releasedFrom = [...released.keys()];
                change.inexact = !v.cap!.exact;
                // Given back because the voucher it was counted for is now known to be another
                // shop's (its shop filled in, or 店铺Id and 店铺名称 linked since), not another day.
                const vShop = ref(v.shop, v.shopKind);
                const apartFrom = vShop === null ? [] : change.releasedFrom.map((j) => shopOf.get(j) as { s: string | null; sk: string | null } | undefined).filter((r) => r !== undefined && shopRelation(ref(r.s, r.sk), vShop) === 'apart');
                if (apartFrom.length > 0) change.releasedShop = true;
                // Only a row linking one of them to another name tells them apart: a renamed shop too.
                if (apartFrom.length > 0 && apartFrom.every((r) => apartByLink(ref(r!.s, r!.sk), vShop))) change.releasedByLink = true;
              }
              opts.changes?.push(change);
              // Not topped up now, but --reissue all would: the conflicts said after (owedAfter) see
              // it recorded, as that run records it before them. Said without, a conflict the shares
              // it gives back pay was owed them again (tmall-2023, three exports: {06} owed 330.00
              // given back to {04}, whose money {30,04} then takes: said 630.00, --reissue all 330.00).
              if (!toppedUp && owed.gt(0)) {
                for (const [k, a] of asToppedUp) {
                  const d = a.minus(left.get(k) ?? available(k));
                  if (!d.isZero()) toppedUpLater.set(k, (toppedUpLater.get(k) ?? new Decimal(0)).plus(d));
                }
              }
              if (toppedUp) {
                const key = `${v.voucherKey}+${parts.length}`;
                // The shares given back are theirs again: later vouchers of their day or window count them.
                for (const [j, a] of released) if (!vGroup.has(j)) left.set(j, (left.get(j) ?? available(j)).plus(a));
                insertVoucher(key, v.buyer, v.rules, JSON.stringify(v.orderIds), more.toFixed(2), v.windowStart, recordedAt, kind, JSON.stringify([v.voucherKey]), Object.keys(from).length === 0 ? null : JSON.stringify(from), sharesText(v), v.shop ?? null, v.shop !== undefined ? (v.shopKind ?? null) : null);
              }
              out.set(v.voucherKey, toppedUp ? 'topped_up' : 'amount_changed');
              continue;
            }
            const clashes = (held.all(kind, JSON.stringify(ids)) as ClashRow[]).map(
              (r): Clash => ({ voucherKey: v.voucherKey, orderId: r.order_id, heldBy: r.voucher_key, heldByRules: r.rules, heldSince: r.recorded_at }),
            );
            if (clashes.length > 0) opts.clashes?.push(...clashes);
            const reissued = new Set(clashes.map((c) => c.orderId));
            // The part of this voucher the vouchers already holding its orders paid (a window that
            // grew after it was recorded): the shop owes only the rest, and never more than the cap.
            const heldBy = [...new Set(clashes.map((c) => c.heldBy))].sort();
            // A conflict is not recorded: what it would take is shown, not taken from the vouchers
            // that later ones in this call may need (a cap already full for them).
            const was = new Map(left);
            // A conflict sees what the conflicts before it in this call would take (as --reissue all
            // records them, one after another), never what it restores for the vouchers recorded:
            // {o62,o63} 500.00 recorded, then a window {o61,o62} took o62's share and counted o63's
            // toward its cap, and {o63} found o63's share there again: both "fully paid", 800.00
            // owed of 500.00 paid, and the 300.00 --reissue all then issues said by nobody.
            const blocked = clashes.length > 0 && !(opts.reissue && [...reissued].every((id) => opts.reissue!(id)));
            if (blocked) for (const [k, t] of conflictTook) left.set(k, Decimal.max(0, (left.get(k) ?? available(k)).minus(t)));
            const seen = new Map(left);
            const staleBefore = new Map(staleUsed);
            // The buyer's day (or 24-hour window) paid in other recorded vouchers counts toward its cap.
            callTaken = blocked ? [...takings] : [];
            const { covered, byCap, entry } = coverOf(v, heldBy, ids);
            callTaken = [];
            if (clashes.length > 0 || byCap.gt(0)) opts.covers?.push(entry);
            if (blocked) {
              takings.push({ key: v.voucherKey, ids, from: { ...covered.from } });
              blockedConflicts.push({ v, ids, heldBy, at: at + 1, entry: opts.covers && clashes.length > 0 ? opts.covers.length - 1 : -1 });
              blockedKeys.add(v.voucherKey);
              for (const [k, a] of staleUsed) {
                const d = a.minus(staleBefore.get(k) ?? 0);
                if (d.gt(0)) conflictStale.set(k, (conflictStale.get(k) ?? new Decimal(0)).plus(d));
              }
              out.set(v.voucherKey, 'conflict');
              for (const [k, a] of left) {
                const d = (seen.get(k) ?? available(k)).minus(a);
                if (d.gt(0)) conflictTook.set(k, (conflictTook.get(k) ?? new Decimal(0)).plus(d));
              }
              left.clear();
              for (const [k, a] of was) left.set(k, a);
              continue;
            }
            const unclear = covered.total.lt(v.amount) ? unclearWindow(v) : [];
            if (unclear.length > 0) {
              out.set(v.voucherKey, 'held');
              const missing = [...new Set(unclear.flatMap((k) => parseIds((idsOf.get(k) as string | undefined) ?? '[]', this.path)))].filter((id) => !inCall.has(id)).sort();
              opts.held?.push({ voucherKey: v.voucherKey, owed: new Decimal(v.amount).minus(covered.total).toFixed(2), between: unclear, missing });
              left.clear();
              for (const [k, a] of was) left.set(k, a);
              // Not recorded: it takes nothing (no stale cap share either), and the later vouchers of
              // this call keep what it needs for it (as for a conflict).
              staleUsed.clear();
              for (const [k, a] of staleBefore) staleUsed.set(k, a);
              blockedKeys.add(v.voucherKey);
              continue;
            }
            const reissueOf = clashes.length > 0 ? JSON.stringify(heldBy) : null;
            insertVoucher(v.voucherKey, v.buyer, v.rules, JSON.stringify(v.orderIds), v.amount, v.windowStart, recordedAt, kind, reissueOf, covered.total.isZero() ? null : JSON.stringify(covered.from), sharesText(v), v.shop ?? null, v.shop !== undefined ? (v.shopKind ?? null) : null);
            for (const id of ids) claim.run(v.voucherKey, id, kind, reissued.has(id) ? 'reissue' : 'paid');
            out.set(v.voucherKey, clashes.length > 0 ? 'reissued' : 'new');
          }
          for (const v of opts.coverOnly ?? []) {
            checkVoucher(v);
            if ((opts.recordedProvisional || opts.changedProvisional) && exists.get(v.voucherKey)) {
              // At the amount recorded (top-ups included): the voucher as recorded; at another: changed
              // since, as a final voucher at another amount is (amount_changed; money43: one that shrank
              // showed already_recorded).
              const was = (amounts.all(v.voucherKey, `${v.voucherKey}+`, `${v.voucherKey},`) as string[]).reduce((t, a) => t.plus(a), new Decimal(0));
              (was.eq(v.amount) ? opts.recordedProvisional : opts.changedProvisional)?.push(v.voucherKey);
            }
            const heldBy = [...new Set((held.all(v.kind ?? 'voucher', JSON.stringify([...new Set(v.orderIds)])) as ClashRow[]).map((r) => r.voucher_key))].sort();
            const c = heldBy.length > 0 ? cover(heldBy, new Decimal(v.amount), [...new Set(v.orderIds)], recordShares(v)) : { total: new Decimal(0), from: {}, kept: undefined };
            const rest = new Decimal(v.amount).minus(c.total);
            const coverFrom = { ...c.from };
            const byCap = capCover(v, new Decimal(v.amount), rest, c.from, c.kept);
            if (heldBy.length === 0 && byCap.isZero()) continue;
            const entry: Cover = { voucherKey: v.voucherKey, covered: c.total.plus(byCap).toFixed(2), byCap: byCap.toFixed(2), inexact: byCap.gt(0) && !v.cap!.exact };
            if (byCap.gt(0) && capElsewhere(v, coverFrom, c.from)) entry.capElsewhere = true;
            if (byCap.gt(0) && capUnlinked(v, coverFrom, c.from)) entry.capUnlinked = true;
            opts.covers?.push(entry);
          }
          const reported = db.prepare('SELECT 1 FROM notified WHERE target = ? AND item_key = ?').pluck();
          const remember = db.prepare('INSERT INTO notified (target, item_key, sent_at) VALUES (?, ?, ?) ON CONFLICT (target, item_key) DO NOTHING');
          for (const v of opts.platformPaid ?? []) {
            checkVoucher(v);
            for (const r of held.all(v.kind ?? 'voucher', JSON.stringify([...new Set(v.orderIds)])) as ClashRow[]) {
              // Remembered with this run's commit: later runs still list it, without asking again (exit 1).
              const item = `${r.voucher_key}|${r.order_id}`;
              const before = Boolean(reported.get(PLATFORM_CLASH_TARGET, item));
              if (!before) remember.run(PLATFORM_CLASH_TARGET, item, recordedAt);
              opts.platformClashes?.push({ voucherKey: v.voucherKey, orderId: r.order_id, heldBy: r.voucher_key, heldByRules: r.rules, heldSince: r.recorded_at, reportedBefore: before });
              if (r.voucher_key === v.voucherKey && !out.has(v.voucherKey)) out.set(v.voucherKey, 'already_recorded');
            }
          }
          // Where each recorded voucher of this call opens now, when a later export moved its first
          // order's paid time: kept beside the record (which stays as recorded: caps of runs that do
          // not see the voucher go by it), for ledger list's windowStartNow. `ledger list` kept
          // showing the old start while compensate showed the new one.
          const setNow = db.prepare('INSERT INTO notified (target, item_key, sent_at) VALUES (?, ?, ?) ON CONFLICT (target, item_key) DO UPDATE SET sent_at = excluded.sent_at');
          const dropNow = db.prepare('DELETE FROM notified WHERE target = ? AND item_key = ?');
          for (const list of callLists) for (const v of list) {
            if (v.windowStart === null) continue;
            const stored = kStart.get(v.voucherKey) as number | null | undefined;
            if (stored === undefined || stored === null) continue;
            if (stored !== v.windowStart) setNow.run(WINDOW_NOW_TARGET, v.voucherKey, v.windowStart);
            else dropNow.run(WINDOW_NOW_TARGET, v.voucherKey);
          }
          // The buyer each recorded voucher of this call is held under now, when another than the
          // one it was recorded for (schema 11): a later run that does not see it counts its money
          // toward that buyer's cap, as this run does (capKeys). Its top-ups (`<key>+n`) with it.
          const buyerWas = db.prepare('SELECT buyer FROM vouchers WHERE voucher_key = ?').pluck();
          const setBuyerNow = db.prepare('UPDATE vouchers SET buyer_now = ? WHERE voucher_key = ? OR (voucher_key >= ? AND voucher_key < ?)');
          // The first record of each key with a buyer (byKey: no set of the 208k keys seen, issue 21).
          for (let i = 0; i < nCall; i++) {
            const v = callAt(i);
            if (v.buyer === '') continue;
            let j = byKey.first(v.voucherKey);
            while (j !== i && callAt(j).buyer === '') j = byKey.after(j);
            if (j !== i) continue;
            const was = buyerWas.get(v.voucherKey) as string | undefined;
            if (was === undefined) continue;
            setBuyerNow.run(was === v.buyer ? null : v.buyer, v.voucherKey, `${v.voucherKey}+`, `${v.voucherKey},`);
          }
          // What this run saw of late orders (schema 12) and lines (schema 13, line_id; '' is the
          // order as one) still open and unshipped: the latest sighting kept.
          if (opts.sightings && opts.sightings.length > 0) {
            const saw = db.prepare(
              `INSERT INTO sightings (order_id, platform, line_id, shop, deadline, seen_at) VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (order_id, platform, line_id) DO UPDATE SET shop = excluded.shop, deadline = excluded.deadline, seen_at = excluded.seen_at WHERE excluded.seen_at > sightings.seen_at`,
            );
            for (const x of opts.sightings) saw.run(x.orderId, x.platform, x.lineId ?? '', x.shop ?? null, x.deadline, x.seenAt);
          }
          // Sightings of orders (or lines) since shipped are never read again: the table keeps only what may be.
          if (opts.shippedSighted && opts.shippedSighted.length > 0) {
            const gone = db.prepare('DELETE FROM sightings WHERE order_id = ? AND platform = ? AND line_id = ?');
            for (const x of opts.shippedSighted) gone.run(x.orderId, x.platform, x.lineId ?? '');
          }
          // Late orders shipped in a provisional voucher (schema 14): what a run read and found otherwise
          // goes, unless a voucher of this call holding it was not recorded (conflict, held: still owed);
          // this run's rows are set; an order a recorded voucher pays (this run's or an earlier one's) goes.
          if (opts.provisionalLate) {
            // A conflict the vouchers recorded before paid in full owes nothing (conflicts.ts paidInFull): not kept.
            const keep = new Set<string>();
            const coveredOf = new Map((opts.covers ?? []).map((c) => [c.voucherKey, c.covered]));
            for (const v of vouchers) {
              const st = out.get(v.voucherKey);
              const paidInFull = st === 'conflict' && coveredOf.has(v.voucherKey) && new Decimal(coveredOf.get(v.voucherKey)!).gte(v.amount);
              if (st === 'held' || (st === 'conflict' && !paidInFull)) for (const id of v.orderIds) keep.add(id);
            }
            const drop = db.prepare('DELETE FROM provisional_late WHERE order_id = ? AND platform = ?');
            for (const x of opts.provisionalLate.met) if (!keep.has(x.orderId)) drop.run(x.orderId, x.platform);
            const put = db.prepare(
              `INSERT INTO provisional_late (order_id, platform, shop, rules, deadline, shipped_at, share, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (order_id, platform) DO UPDATE SET shop = excluded.shop, rules = excluded.rules, deadline = excluded.deadline, shipped_at = excluded.shipped_at, share = excluded.share, seen_at = excluded.seen_at`,
            );
            for (const x of opts.provisionalLate.write) put.run(x.orderId, x.platform, x.shop ?? null, x.rules, x.deadline, x.shippedAt, x.share, x.seenAt);
            db.prepare("DELETE FROM provisional_late WHERE EXISTS (SELECT 1 FROM voucher_orders vo WHERE vo.order_id = provisional_late.order_id AND vo.kind = 'voucher')").run();
          }
          owedAfter(out);
          asAll = false;
          return out;
    };
    if (!opts.hold) return this.guard(() => db.transaction(body).immediate());
    this.recordingAt = recordedAt;
    // Held open: the caller commits once the run's output is in place (endRecording), so a run
    // killed while writing it records nothing; the lock is held until then.
    return this.guard(() => {
      db.exec('BEGIN IMMEDIATE');
      try {
        return body();
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      }
    });
  }

  endRecording(commit: boolean, pending?: string, drop?: readonly string[], notes?: readonly NotedItems[]): void {
    this.guard(() => {
      if (!this.db.inTransaction) return;
      if (commit) {
        const del = this.db.prepare('DELETE FROM notified WHERE target = ? AND item_key = ?');
        const add = this.db.prepare('INSERT INTO notified (target, item_key, sent_at) VALUES (?, ?, ?) ON CONFLICT (target, item_key) DO NOTHING');
        const at = this.recordingAt ?? Date.now();
        for (const k of drop ?? []) del.run(OUTPUT_PENDING_TARGET, k);
        for (const n of notes ?? []) {
          for (const k of n.clear ?? []) del.run(n.target, k);
          for (const k of n.add ?? []) add.run(n.target, k, at);
        }
        if (pending !== undefined) add.run(OUTPUT_PENDING_TARGET, pending, at);
      }
      this.db.exec(commit ? 'COMMIT' : 'ROLLBACK');
    });
  }

  pendingOutputs(): PendingOutput[] {
    return this.guard(() => {
      const marks = this.db.prepare('SELECT item_key AS key, sent_at AS at FROM notified WHERE target = ? ORDER BY sent_at, item_key').all(OUTPUT_PENDING_TARGET) as { key: string; at: number }[];
      const of = this.db.prepare('SELECT voucher_key AS voucherKey, amount FROM vouchers WHERE recorded_at = ? ORDER BY voucher_key');
      return marks.map((m) => ({ ...m, vouchers: of.all(m.at) as { voucherKey: string; amount: string }[] }));
    });
  }

  async clearPendingWaiting(key: string, waitMs: number, onWait?: () => void): Promise<void> {
    const del = this.db.prepare('DELETE FROM notified WHERE target = ? AND item_key = ?');
    await this.untilFree(() => del.run(OUTPUT_PENDING_TARGET, key), waitMs, onWait);
  }

  /**
   * `step` (one statement that needs the write lock) run once the lock is free, waiting up to waitMs
   * (at least the busy timeout). Polled with busy_timeout 0 and short sleeps, not one long busy wait:
   * the event loop stays free, so a signal (cron's SIGTERM) still ends the run at once (the CLI's
   * handlers). onWait is told once the usual busy timeout has passed: the run is not hung, it waits
   * for the other one.
   */
  private async untilFree(step: () => unknown, waitMs: number, onWait?: () => void): Promise<void> {
    const db = this.db;
    const waited = Math.max(waitMs, this.busyMs);
    const deadline = Date.now() + waited;
    let sayAt: number | undefined = Date.now() + this.busyMs;
    db.pragma('busy_timeout = 0');
    try {
      for (;;) {
        try {
          step();
          return;
        } catch (e) {
          const code = String((e as { code?: unknown }).code ?? '');
          if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED')) throw stateFailure(e, this.path, this.busyMs);
        }
        if (Date.now() >= deadline) throw busyError(this.path, waited);
        if (sayAt !== undefined && Date.now() >= sayAt) {
          sayAt = undefined;
          onWait?.();
        }
        await sleep(Math.min(50, Math.max(1, deadline - Date.now())));
      }
    } finally {
      if (db.open) db.pragma(`busy_timeout = ${this.busyMs}`);
    }
  }

  hasVouchers(): boolean {
    return this.guard(() => this.db.prepare('SELECT 1 FROM vouchers LIMIT 1').get() !== undefined);
  }

  recordedKeys(keys: string[]): Set<string> {
    if (keys.length === 0) return new Set();
    const select = 'SELECT voucher_key AS k FROM vouchers WHERE voucher_key IN (SELECT value FROM json_each(?))';
    return this.guard(() => new Set(this.db.prepare(select).pluck().all(JSON.stringify(keys)) as string[]));
  }

  logContact(c: ContactEntry, check?: () => ContactEntry | void): void {
    this.writable();
    checkContact(c);
    this.guard(() =>
      this.db
        .transaction(() => {
          const e = check?.() ?? c;
          checkContact(e);
          this.db.prepare(CONTACT_INSERT).run(...contactValues(e));
        })
        .immediate(),
    );
  }

  async logContactWaiting(c: ContactEntry, check?: () => ContactEntry | void): Promise<void> {
    return this.logWaiting([c], () => {
      const e = check?.() ?? c;
      checkContact(e);
      this.db.prepare(CONTACT_INSERT).run(...contactValues(e));
    });
  }

  async logContactsWaiting(entries: ContactEntry[], check?: () => ConversationToLog | void): Promise<void> {
    return this.logWaiting(entries, () => {
      const db = this.db;
      const insert = db.prepare(CONTACT_INSERT_IN);
      const setConversation = db.prepare('UPDATE contacts SET conversation = ? WHERE id = ?');
      // The attempt entry to join, as summarise reads it back: its order, its time, latest row first.
      const joinRow = db.prepare(
        `SELECT id, conversation FROM contacts WHERE order_id = ? AND at = ? AND status IN ('contacted', 'awaiting_reply') ORDER BY id DESC LIMIT 1`,
      );
      const r = check?.() ?? { entries };
      for (const e of r.entries) checkContact(e);
      if (r.entries.length === 0) return;
      let conversation: number | null = null;
      if (r.join) {
        const row = joinRow.get(r.join.orderId, r.join.at) as { id: number; conversation: number | null } | undefined;
        if (!row) throw new TypeError(`no contact of order ${r.join.orderId} at ${r.join.at} to join`);
        conversation = row.conversation ?? row.id;
        if (row.conversation === null) setConversation.run(conversation, row.id);
      }
      for (const e of r.entries) {
        const id = Number(insert.run(...contactValues(e), r.entries.length > 1 || conversation !== null ? conversation : null).lastInsertRowid);
        // The first row of a new conversation about several orders names it.
        if (conversation === null && r.entries.length > 1) {
          conversation = id;
          setConversation.run(id, id);
        }
      }
    });
  }

  /**
   * Waits for the write lock without blocking the event loop (see logContactWaiting), then runs
   * `write` (which checks and inserts) in that one transaction: committed whole or rolled back.
   */
  private async logWaiting(entries: ContactEntry[], write: () => void): Promise<void> {
    this.writable();
    for (const c of entries) checkContact(c);
    const db = this.db;
    // A signal while waiting: stop trying for the lock; the CLI's handler ends the run (SPEC: a
    // signal ends the run with 128 + its number) before anything is written.
    let signalled = false;
    const onSignal = () => {
      signalled = true;
    };
    const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT'];
    for (const sig of signals) process.on(sig, onSignal);
    const deadline = Date.now() + this.busyMs;
    db.pragma('busy_timeout = 0');
    try {
      for (;;) {
        if (signalled) {
          // Nobody ends the run (a library caller): give up as busy, having written nothing.
          await sleep(2000);
          throw busyError(this.path, this.busyMs);
        }
        try {
          db.exec('BEGIN IMMEDIATE');
          break;
        } catch (e) {
          const code = String((e as { code?: unknown }).code ?? '');
          if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED')) throw stateFailure(e, this.path, this.busyMs);
        }
        if (Date.now() >= deadline) throw busyError(this.path, this.busyMs);
        await sleep(Math.min(25, Math.max(1, deadline - Date.now())));
      }
      try {
        write();
        db.exec('COMMIT');
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw stateFailure(e, this.path, this.busyMs);
      }
    } finally {
      for (const sig of signals) process.removeListener(sig, onSignal);
      if (db.open) db.pragma(`busy_timeout = ${this.busyMs}`);
    }
  }

  contactHistory(orderIds?: string[]): Map<string, ContactSummary> {
    if (orderIds && orderIds.length === 0) return new Map();
    // A handle reading an older schema as it is (openState readOnly) has no conversation column.
    this.conversationCol ??= this.guard(() => (this.db.prepare("SELECT count(*) FROM pragma_table_info('contacts') WHERE name = 'conversation'").pluck().get() as number) > 0);
    const cols = `order_id, at, status, channel, note, who, buyer${this.conversationCol ? ', conversation' : ''}`;
    const rows = this.guard(() =>
      orderIds
        ? this.db.prepare(`SELECT ${cols} FROM contacts WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, at, id`).all(JSON.stringify(orderIds))
        : this.db.prepare(`SELECT ${cols} FROM contacts ORDER BY order_id, at, id`).all(),
    ) as ContactRow[];
    return summarise(rows);
  }

  conversationOrders(conversations: number[]): Map<number, string[]> {
    return this.ordersBy('SELECT DISTINCT conversation AS k, order_id FROM contacts WHERE conversation IN (SELECT value FROM json_each(?)) ORDER BY conversation, order_id', conversations);
  }

  ordersOfBuyers(buyers: string[]): Map<string, string[]> {
    return this.ordersBy('SELECT DISTINCT buyer AS k, order_id FROM contacts WHERE buyer IN (SELECT value FROM json_each(?)) ORDER BY buyer, order_id', buyers);
  }

  /** The contacts' order ids by `k` (a conversation, a buyer): `select` takes the keys as one JSON list. */
  private ordersBy<K extends number | string>(select: string, keys: K[]): Map<K, string[]> {
    const out = new Map<K, string[]>();
    if (keys.length === 0) return out;
    const rows = this.guard(() => this.db.prepare(select).all(JSON.stringify(keys))) as { k: K; order_id: string }[];
    for (const r of rows) out.set(r.k, [...(out.get(r.k) ?? []), r.order_id]);
    return out;
  }

  listVouchers(): ListedVoucher[] {
    const rows = this.guard(() => this.db.prepare('SELECT * FROM vouchers ORDER BY recorded_at, voucher_key').all()) as VoucherRow[];
    // A top-up row (`key+n`) opens where its voucher does.
    const nowRows = this.guard(() => this.db.prepare('SELECT item_key AS k, sent_at AS t FROM notified WHERE target = ?').all(WINDOW_NOW_TARGET)) as { k: string; t: number }[];
    const now = new Map(nowRows.map((r) => [r.k, r.t] as const));
    return rows.map((r) => ({
      ...((): { windowStartNow?: number } => {
        const t = now.get(r.voucher_key) ?? now.get(r.voucher_key.split('+')[0]!);
        return t !== undefined && t !== r.window_start ? { windowStartNow: t } : {};
      })(),
      ...(r.buyer_now != null && r.buyer_now !== r.buyer ? { buyerNow: r.buyer_now } : {}),
      voucherKey: r.voucher_key,
      kind: r.kind,
      buyer: r.buyer,
      ...(r.shop != null ? { shop: r.shop } : {}),
      rules: r.rules,
      orderIds: parseIds(r.order_ids, this.path),
      amount: r.amount,
      windowStart: r.window_start,
      recordedAt: r.recorded_at,
      reissueOf: r.reissue_of === null ? [] : parseIds(r.reissue_of, this.path),
      covered: r.covered === null ? '0.00' : Object.values(parseCovered(r.covered, this.path)).reduce((s, a) => s.plus(a), new Decimal(0)).toFixed(2),
    }));
  }

  paidOrderIds(kind: 'voucher' | 'delivery_promise' = 'voucher'): Set<string> {
    const out = new Set<string>();
    const select = this.db.prepare(`SELECT order_id FROM voucher_orders WHERE kind = ? AND claim = 'paid'`).pluck();
    this.guard(() => {
      for (const id of select.iterate(kind) as IterableIterator<string>) out.add(id);
    });
    return out;
  }

  paidAmong(orderIds: Iterable<string>, count: number, kind: 'voucher' | 'delivery_promise' = 'voucher'): Set<string> {
    // A lookup by the index costs about 2.5 times a row of the whole read (400k paid rows: 200k ids
    // looked up 0.5 s, the whole read 0.4 s): past a third of the rows, read it whole. max(rowid) is
    // one step down the table's b-tree, not a count.
    const rows = this.guard(() => this.db.prepare('SELECT max(rowid) FROM voucher_orders').pluck().get() as number | null) ?? 0;
    if (count * 3 >= rows) return this.paidOrderIds(kind);
    const out = new Set<string>();
    // The index voucher_orders_paid_once (order_id, kind) WHERE claim = 'paid' answers each id; a
    // batch of ids a query (one JSON text), never the whole table read.
    const select = this.db.prepare(`SELECT order_id FROM voucher_orders WHERE kind = ? AND claim = 'paid' AND order_id IN (SELECT value FROM json_each(?))`).pluck();
    const batch: string[] = [];
    const flush = () => {
      this.guard(() => {
        for (const id of select.iterate(kind, JSON.stringify(batch)) as IterableIterator<string>) out.add(id);
      });
      batch.length = 0;
    };
    for (const id of orderIds) if (batch.push(id) >= PAID_BATCH) flush();
    if (batch.length > 0) flush();
    return out;
  }

  paidOrders(orderIds: string[]): Map<string, PaidOrder> {
    const out = new Map<string, PaidOrder>();
    if (orderIds.length === 0) return out;
    const select = `SELECT o.order_id AS id, v.voucher_key AS k, v.shares AS shares, v.recorded_at AS at FROM voucher_orders o JOIN vouchers v ON v.voucher_key = o.voucher_key
       WHERE o.kind = 'voucher' AND o.claim = 'paid' AND v.kind = 'voucher' AND o.order_id IN (SELECT value FROM json_each(?))`;
    const rows = this.guard(() => this.db.prepare(select).all(JSON.stringify(orderIds))) as { id: string; k: string; shares: string | null; at: number }[];
    // Each voucher's shares parsed once (a voucher of 40 orders is one JSON text, not 40).
    const parsed = new Map<string, Record<string, string> | null>();
    for (const r of rows) {
      let shares = parsed.get(r.k);
      if (shares === undefined) parsed.set(r.k, (shares = r.shares === null ? null : parseAmounts(r.shares, this.path, 'shares')));
      const share = shares?.[r.id];
      out.set(r.id, { voucherKey: r.k, share: share === undefined ? null : new Decimal(share).toFixed(2), recordedAt: r.at });
    }
    return out;
  }

  sightingsOf(orderIds: readonly string[]): Sighting[] {
    return this.guard(() => {
      if (this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sightings'").get() === undefined) return [];
      const lines = this.db.prepare("SELECT 1 FROM pragma_table_info('sightings') WHERE name = 'line_id'").get() !== undefined;
      const q = this.db.prepare(`SELECT order_id AS id, platform AS p, ${lines ? 'line_id' : "''"} AS line, shop, deadline, seen_at AS at FROM sightings WHERE order_id = ?`);
      const out: Sighting[] = [];
      for (const orderId of orderIds) {
        for (const r of q.all(orderId) as Array<{ id: string; p: string; line: string; shop: string | null; deadline: number; at: number }>) {
          out.push({ orderId: r.id, platform: r.p, ...(r.line ? { lineId: r.line } : {}), ...(r.shop !== null ? { shop: r.shop } : {}), deadline: r.deadline, seenAt: r.at });
        }
      }
      return out;
    });
  }

  provisionalLateKeys(): Set<string> {
    return this.guard(() => {
      const out = new Set<string>();
      if (this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'provisional_late'").get() === undefined) return out;
      for (const [id, p] of this.db.prepare('SELECT order_id, platform FROM provisional_late').raw().iterate() as IterableIterator<[string, string]>) out.add(`${p}\u0000${id}`);
      return out;
    });
  }

  provisionalLateOf(orderIds: readonly string[]): ProvisionalLate[] {
    return this.guard(() => {
      if (this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'provisional_late'").get() === undefined) return [];
      const q = this.db.prepare('SELECT order_id AS id, platform AS p, shop, rules, deadline, shipped_at AS shipped, share, seen_at AS at FROM provisional_late WHERE order_id = ?');
      const out: ProvisionalLate[] = [];
      for (const orderId of orderIds) {
        for (const r of q.all(orderId) as Array<{ id: string; p: string; shop: string | null; rules: string; deadline: number; shipped: number; share: string; at: number }>) {
          out.push({ orderId: r.id, platform: r.p, ...(r.shop !== null ? { shop: r.shop } : {}), rules: r.rules, deadline: r.deadline, shippedAt: r.shipped, share: r.share, seenAt: r.at });
        }
      }
      return out;
    });
  }

  sightings(): Map<string, number> {
    const out = new Map<string, number>();
    return this.guard(() => {
      // A ledger read as it is (compensate without --record) may be older than schema 12: none then;
      // or than schema 13: orders only (no line_id column).
      if (this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sightings'").get() === undefined) return out;
      const lines = this.db.prepare("SELECT 1 FROM pragma_table_info('sightings') WHERE name = 'line_id'").get() !== undefined;
      const rows = this.db.prepare(`SELECT order_id AS id, platform AS p, seen_at AS at, ${lines ? 'line_id' : "''"} AS line FROM sightings`).raw().iterate() as IterableIterator<[string, string, number, string]>;
      for (const [id, p, at, line] of rows) out.set(line === '' ? `${p}\u0000${id}` : `${p}\u0000${id}\u0000${line}`, at);
      return out;
    });
  }

  notifiedItems(target: string): string[] {
    return this.guard(() => this.db.prepare('SELECT item_key FROM notified WHERE target = ? ORDER BY item_key').pluck().all(target) as string[]);
  }

  notifiedKeys(target: string, keys: string[]): Set<string> {
    if (keys.length === 0) return new Set();
    const select = 'SELECT item_key FROM notified WHERE target = ? AND item_key IN (SELECT value FROM json_each(?))';
    return this.guard(() => new Set(this.db.prepare(select).pluck().all(target, JSON.stringify(keys)) as string[]));
  }

  recordNotified(target: string, keys: string[], at: number): void {
    this.writable();
    checkTime(at, 'at');
    if (keys.length === 0) return;
    const insert = 'INSERT INTO notified (target, item_key, sent_at) VALUES (?, ?, ?) ON CONFLICT (target, item_key) DO NOTHING';
    this.guard(() =>
      this.db
        .transaction(() => {
          const stmt = this.db.prepare(insert);
          for (const k of keys) stmt.run(target, k, at);
        })
        .immediate(),
    );
  }

  heldNotices(target: string): HeldNotice[] {
    const rows = this.guard(() => this.db.prepare('SELECT item_key AS item, sent_at AS since FROM notified WHERE target = ? ORDER BY sent_at, item_key').all(heldTarget(target)) as { item: string; since: number }[]);
    const out: HeldNotice[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      let v: unknown;
      try {
        v = JSON.parse(r.item);
      } catch {
        continue;
      }
      const o = v as Partial<HeldNotice>;
      if (!o || typeof o.key !== 'string' || typeof o.text !== 'string' || seen.has(o.key)) continue;
      seen.add(o.key);
      out.push({ key: o.key, text: o.text, ...(typeof o.amount === 'string' ? { amount: o.amount } : {}), since: r.since, ...(typeof o.by === 'string' ? { by: o.by } : {}) });
    }
    return out;
  }

  holdNotices(target: string, items: Omit<HeldNotice, 'since'>[], at: number): void {
    this.writable();
    checkTime(at, 'at');
    if (items.length === 0) return;
    const held = new Set(this.heldNotices(target).map((h) => h.key));
    const insert = 'INSERT INTO notified (target, item_key, sent_at) VALUES (?, ?, ?) ON CONFLICT (target, item_key) DO NOTHING';
    this.guard(() =>
      this.db
        .transaction(() => {
          const stmt = this.db.prepare(insert);
          for (const i of items) {
            if (held.has(i.key)) continue;
            stmt.run(heldTarget(target), heldItem(i), at);
          }
        })
        .immediate(),
    );
  }

  heldPlatforms(): { platforms: Set<string>; rules: Set<string> } {
    const platforms = this.guard(() => this.db.prepare('SELECT platform FROM sightings UNION SELECT platform FROM provisional_late UNION SELECT item_key FROM notified WHERE target = ?').pluck().all(PLATFORM_RECORDED_TARGET) as string[]);
    const rules = this.guard(() => this.db.prepare('SELECT DISTINCT rules FROM vouchers').pluck().all() as string[]);
    return { platforms: new Set(platforms), rules: new Set(rules) };
  }

  heldShops(): { texts: Set<string>; pairs: [string, string][]; kinds: Map<string, 'id' | 'name'> } {
    const texts = this.guard(
      () =>
        this.db
          .prepare(
            `SELECT shop FROM vouchers WHERE shop IS NOT NULL AND shop <> ''
             UNION SELECT shop FROM sightings WHERE shop IS NOT NULL AND shop <> ''
             UNION SELECT shop FROM provisional_late WHERE shop IS NOT NULL AND shop <> ''
             UNION SELECT item_key FROM notified WHERE target = ?`,
          )
          .pluck()
          .all(SHOP_RECORDED_TARGET) as string[],
    );
    const pairs = this.guard(() => this.db.prepare('SELECT shop_id AS i, shop_name AS n FROM shop_names ORDER BY shop_id, shop_name').all() as { i: string; n: string }[]);
    const all = new Set(texts);
    for (const p of pairs) {
      all.add(p.i);
      all.add(p.n);
    }
    // How each text was named where that is known: a voucher's shop_kind (schema 10), a kept run's
    // record (SHOP_NAME_RECORDED_TARGET); a sighting's or an older voucher's: not known.
    const kinds = new Map<string, 'id' | 'name'>();
    const kindRows = this.guard(() => this.db.prepare("SELECT DISTINCT shop AS s, shop_kind AS k FROM vouchers WHERE shop IS NOT NULL AND shop_kind IN ('id', 'name')").all() as { s: string; k: 'id' | 'name' }[]);
    for (const r of kindRows) kinds.set(r.s, r.k);
    const names = new Set(this.guard(() => this.db.prepare('SELECT item_key FROM notified WHERE target = ?').pluck().all(SHOP_NAME_RECORDED_TARGET) as string[]));
    for (const t of this.guard(() => this.db.prepare('SELECT item_key FROM notified WHERE target = ?').pluck().all(SHOP_RECORDED_TARGET) as string[])) if (!kinds.has(t)) kinds.set(t, names.has(t) ? 'name' : 'id');
    return { texts: all, pairs: pairs.map((p): [string, string] => [p.i, p.n]), kinds };
  }

  voucherShops(voucherKeys: readonly string[]): Map<string, string | null> {
    const out = new Map<string, string | null>();
    if (voucherKeys.length === 0) return out;
    const select = 'SELECT voucher_key AS k, shop FROM vouchers WHERE voucher_key IN (SELECT value FROM json_each(?))';
    const rows = this.guard(() => this.db.prepare(select).all(JSON.stringify(voucherKeys))) as { k: string; shop: string | null }[];
    for (const r of rows) out.set(r.k, r.shop ?? null);
    return out;
  }

  heldTargets(): string[] {
    const rows = this.guard(() => this.db.prepare("SELECT DISTINCT target FROM notified WHERE target LIKE 'held:%' ORDER BY target").pluck().all() as string[]);
    return rows.map((t) => t.slice('held:'.length));
  }

  adoptNotices(from: string, to: readonly string[], items: readonly HeldNotice[]): void {
    this.writable();
    if (items.length === 0) return;
    const moving = new Set(items.map((i) => i.key));
    const insert = 'INSERT INTO notified (target, item_key, sent_at) VALUES (?, ?, ?) ON CONFLICT (target, item_key) DO NOTHING';
    this.guard(() =>
      this.db
        .transaction(() => {
          const stmt = this.db.prepare(insert);
          for (const t of to) {
            const held = new Set(this.heldNotices(t).map((h) => h.key));
            for (const i of items) if (!held.has(i.key)) stmt.run(heldTarget(t), heldItem(i), i.since);
          }
          this.dropHeld(from, moving);
        })
        .immediate(),
    );
  }

  async deliveredWaiting(target: string, keys: string[], at: number, waitMs: number, onWait?: () => void): Promise<void> {
    this.writable();
    checkTime(at, 'at');
    if (keys.length === 0) return;
    const db = this.db;
    await this.untilFree(() => db.exec('BEGIN IMMEDIATE'), waitMs, onWait);
    try {
      const insert = db.prepare('INSERT INTO notified (target, item_key, sent_at) VALUES (?, ?, ?) ON CONFLICT (target, item_key) DO NOTHING');
      for (const k of keys) insert.run(target, k, at);
      this.dropHeld(target, new Set(keys));
      db.exec('COMMIT');
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw stateFailure(e, this.path, this.busyMs);
    }
  }

  releaseNotices(target: string, keys: string[]): void {
    this.writable();
    if (keys.length === 0) return;
    const gone = new Set(keys);
    if (this.guard(() => this.heldItems(target, gone)).length === 0) return;
    this.guard(() => this.db.transaction(() => this.dropHeld(target, gone)).immediate());
  }

  /** The stored items held for `target` whose notice key is among `keys` (an item not JSON: none). */
  private heldItems(target: string, keys: ReadonlySet<string>): string[] {
    const rows = this.db.prepare('SELECT item_key FROM notified WHERE target = ?').pluck().all(heldTarget(target)) as string[];
    return rows.filter((item) => {
      try {
        return keys.has((JSON.parse(item) as { key?: string }).key ?? '');
      } catch {
        return false;
      }
    });
  }

  /** Release the notices held for `target` whose key is among `keys`; inside the caller's transaction. */
  private dropHeld(target: string, keys: ReadonlySet<string>): void {
    const del = this.db.prepare('DELETE FROM notified WHERE target = ? AND item_key = ?');
    for (const item of this.heldItems(target, keys)) del.run(heldTarget(target), item);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const CONTACT_INSERT = 'INSERT INTO contacts (order_id, at, status, channel, note, who, buyer) VALUES (?, ?, ?, ?, ?, ?, ?)';
const CONTACT_INSERT_IN = 'INSERT INTO contacts (order_id, at, status, channel, note, who, buyer, conversation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
function contactValues(e: ContactEntry): [string, number, ReviewStatus, string | null, string | null, string | null, string | null] {
  return [e.orderId, e.at, e.status, e.channel ?? null, e.note ?? null, e.who ?? null, e.buyer ?? null];
}

function parseIds(text: string, file: string): string[] {
  try {
    const v = JSON.parse(text) as unknown;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  } catch {
    // fall through
  }
  throw damagedError(file, `order_ids is not a JSON list of ids: ${text.slice(0, 60)}`);
}

/** Entries come sorted by order id, then time, then insertion order. */
export function summarise(rows: ContactRow[]): Map<string, ContactSummary> {
  const out = new Map<string, ContactSummary>();
  for (const r of rows) {
    let s = out.get(r.order_id);
    if (!s) {
      s = { orderId: r.order_id, status: r.status, attempts: 0, lastContactAt: null, stoppedAt: null, resolvedAt: null, complaintFiled: false, buyer: null, entries: [] };
      out.set(r.order_id, s);
    }
    const e: ContactEntry = { orderId: r.order_id, at: r.at, status: r.status };
    if (r.channel !== null) e.channel = r.channel;
    if (r.note !== null) e.note = r.note;
    if (r.who !== null) e.who = r.who;
    if (r.buyer !== null) {
      e.buyer = r.buyer;
      s.buyer = r.buyer;
    }
    if (r.conversation != null) e.conversation = r.conversation;
    s.entries.push(e);
    s.status = r.status;
    if (r.status === 'do_not_contact' && s.stoppedAt === null) s.stoppedAt = r.at;
    if (r.status === 'resolved') s.resolvedAt = r.at;
    if (r.status === 'complaint_filed') s.complaintFiled = true;
    if (ATTEMPT_STATUSES.has(r.status)) {
      s.attempts++;
      // The time of the last actual attempt (a 'resolved' entry is not a contact).
      s.lastContactAt = r.at;
    }
  }
  return out;
}

/**
 * A voucher's `covered` column: what it took over from each earlier voucher, `{"<key>": "100.00"}`.
 * Anything else is a damaged row: reported, never guessed at.
 */
function parseCovered(text: string, file: string): Record<string, string> {
  return parseAmounts(text, file, 'covered');
}

/** A JSON object of exact decimal texts (`covered` by voucher key, `shares` by order id); anything else is a damaged row. */
function parseAmounts(text: string, file: string, column: string): Record<string, string> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    v = null;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.values(v).every((a) => typeof a === 'string' && AMOUNT_RE.test(a))) {
    throw damagedError(file, `${column} is not a JSON object of amounts: ${text.slice(0, 60)}`);
  }
  return v as Record<string, string>;
}

function checkVoucher(v: VoucherRecord): void {
  if (typeof v.voucherKey !== 'string' || v.voucherKey === '') throw new TypeError('voucherKey must be a non-empty string');
  if (!AMOUNT_RE.test(v.amount)) throw new TypeError(`voucher ${v.voucherKey}: amount must be exact decimal text, got ${JSON.stringify(v.amount)}`);
  if (!Array.isArray(v.orderIds) || !v.orderIds.every((x) => typeof x === 'string' && x !== '')) throw new TypeError(`voucher ${v.voucherKey}: orderIds must be non-empty strings`);
  if (v.kind !== undefined && !(VOUCHER_KINDS as readonly string[]).includes(v.kind)) throw new TypeError(`voucher ${v.voucherKey}: unknown kind ${JSON.stringify(v.kind)}`);
  if (v.windowStart !== null) checkTime(v.windowStart, 'windowStart');
  if (v.sharesJson !== undefined) {
    let parsed: unknown;
    try {
      parsed = v.shares === undefined && typeof v.sharesJson === 'string' ? JSON.parse(v.sharesJson) : null;
    } catch {
      parsed = null;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || !Object.values(parsed).every((a) => typeof a === 'string' && AMOUNT_RE.test(a))) {
      throw new TypeError(`voucher ${v.voucherKey}: sharesJson must be the JSON text of exact decimal texts by order id, given without shares`);
    }
  }
  if (v.shareIsAmount !== undefined && (v.shareIsAmount !== true || v.shares !== undefined || v.sharesJson !== undefined || v.orderIds.length !== 1)) {
    throw new TypeError(`voucher ${v.voucherKey}: shareIsAmount is true, for a voucher of one order given without shares or sharesJson`);
  }
  if (v.shares !== undefined && (v.shares === null || typeof v.shares !== 'object' || Array.isArray(v.shares) || !Object.values(v.shares).every((a) => typeof a === 'string' && AMOUNT_RE.test(a)))) {
    throw new TypeError(`voucher ${v.voucherKey}: shares must be exact decimal texts by order id`);
  }
}

function checkContact(c: ContactEntry): void {
  if (typeof c.orderId !== 'string' || c.orderId === '') throw new TypeError('orderId must be a non-empty string');
  if (!(REVIEW_STATUSES as readonly string[]).includes(c.status)) throw new TypeError(`unknown review status ${JSON.stringify(c.status)}`);
  checkTime(c.at, 'at');
}

function checkTime(t: number, what: string): void {
  if (!Number.isSafeInteger(t)) throw new TypeError(`${what} must be epoch milliseconds, got ${t}`);
}

/** A database that does not exist yet, opened read-only: everything reads as empty. */
function emptyState(file: string): StateDb {
  return {
    path: file,
    recordVouchers: () => {
      throw missingError(file);
    },
    endRecording: () => undefined,
    pendingOutputs: () => [],
    clearPendingWaiting: async () => undefined,
    recordedKeys: () => new Set(),
    hasVouchers: () => false,
    logContact: () => {
      throw missingError(file);
    },
    logContactWaiting: () => Promise.reject(missingError(file)),
    logContactsWaiting: () => Promise.reject(missingError(file)),
    contactHistory: () => new Map(),
    ordersOfBuyers: () => new Map(),
    conversationOrders: () => new Map(),
    listVouchers: () => [],
    paidOrderIds: () => new Set(),
    paidAmong: () => new Set(),
    paidOrders: () => new Map(),
    sightings: () => new Map(),
    sightingsOf: () => [],
    provisionalLateKeys: () => new Set(),
    provisionalLateOf: () => [],
    notifiedItems: () => [],
    notifiedKeys: () => new Set(),
    recordNotified: () => {
      throw missingError(file);
    },
    heldNotices: () => [],
    holdNotices: () => {
      throw missingError(file);
    },
    heldTargets: () => [],
    voucherShops: () => new Map(),
    heldShops: () => ({ texts: new Set<string>(), pairs: [], kinds: new Map() }),
    heldPlatforms: () => ({ platforms: new Set<string>(), rules: new Set<string>() }),
    adoptNotices: () => {
      throw missingError(file);
    },
    releaseNotices: () => {
      throw missingError(file);
    },
    deliveredWaiting: () => Promise.reject(missingError(file)),
    close: () => undefined,
  };
}
