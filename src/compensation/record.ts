// Stage 5 of the pipeline (record): which vouchers go into the state database. The plan is pure;
// recordVouchers() is the one step that touches the ledger (src/state), which refuses a voucher
// holding an order already paid in another recorded voucher (any rule set, any run, checked under
// its write lock) unless --reissue names that order; src/state/conflicts.ts reports both.
import fs from 'node:fs';
import type { Ctx } from '../context.js';
import { type Msg, UsageError, msg, plural } from '../errors.js';
import { shownNick } from '../io/pii.js';
import { ZERO, fenToMoney, fmtMoney } from '../money.js';
import { KEPT_OUTPUT_TARGET, ledgerTag, markerRunning, markerTemp, pendingWarning } from '../state/pending.js';
import { isSqliteFile } from '../state/fail.js';
import { sweepUnrecorded } from '../io/sink.js';
import type { RuleSet } from '../rules/ruleset.js';
import type { AmountChange, CapGroup, Clash, Cover, HeldVoucher, NotedItems, PlatformClash, ProvisionalLate, RecordStatus, Sighting, VoucherRecord } from '../state/ledger.js';
import { DAY_MS, HOUR_MS, PLATFORM_TZ } from '../time.js';
import type { PromiseVoucher } from './promise.js';
import type { Reconciled } from './reconcile.js';
import { SIGHTING_SETTLED_TARGET } from './codes.js';
import { orderIdsOf } from './vouchers.js';
import { noteLine } from './summary.js';

/**
 * Provisional vouchers are not recorded: their amount or orders may still change. Nor is a voucher
 * with nothing to issue (paid by the platform, or deducted by it): the ledger holds what the shop
 * itself paid out.
 */
export function planRecording(vouchers: Iterable<Reconciled>, promises: PromiseVoucher[], rulesOf?: (id: string) => RuleSet): VoucherRecord[] {
  return splitRecording(vouchers, promises, rulesOf).plan;
}

/**
 * planRecording's records, and in the same pass the provisional vouchers' (what earlier vouchers
 * paid of them is not owed again) and those the platform paid (RULES 1.4: not recorded, but the shop
 * may have issued it already), each list in the vouchers' order. One pass over an iterable: the run
 * builds each voucher as it is asked for and keeps none (issue 21: all of a 1M-row export's vouchers
 * held for the recording were ~185 MB of the --record run's peak). `shopKinds`: how each shop was
 * named (店铺Id or 店铺名称), set on each record as `shopKind`.
 */
export function splitRecording(
  vouchers: Iterable<Reconciled>,
  promises: PromiseVoucher[],
  rulesOf?: (id: string) => RuleSet,
  shopKinds?: ReadonlyMap<string, 'id' | 'name'>,
  lateAt?: number,
): { plan: VoucherRecord[]; coverOnly: VoucherRecord[]; platformPaid: VoucherRecord[]; platformAmounts: Map<string, string>; late: ProvisionalLate[]; settled: string[]; unsettled: string[] } {
  const plan: VoucherRecord[] = [];
  const late: ProvisionalLate[] = [];
  // Closed never-shipped orders judged from their sighting (seen_open) in a voucher the shop owes
  // nothing for (paid by the platform, or final with nothing to issue: platform-deducts): settled, so
  // not named once their export is pruned (SIGHTING_SETTLED_TARGET); in a voucher still owing: not.
  const settled: string[] = [];
  const unsettled: string[] = [];
  const coverOnly: VoucherRecord[] = [];
  const platformPaid: VoucherRecord[] = [];
  const platformAmounts = new Map<string, string>();
  const make = recordMaker(rulesOf, shopKinds);
  for (const v of vouchers) {
    if (lateAt !== undefined) {
      const owesNothing = v.state === 'paid_by_platform' || (v.state === 'final' && !v.toIssue.gt(0));
      if (owesNothing || v.toIssue.gt(0)) seenOpenKeys(v, rulesOf, owesNothing ? settled : unsettled);
    }
    if (v.state === 'final' && v.toIssue.gt(0)) plan.push(make(v, true));
    else if (v.state === 'provisional' && v.toIssue.gt(0)) {
      coverOnly.push(make(v, true));
      if (lateAt !== undefined) shippedLate(v, rulesOf, lateAt, late);
    }
    else if (v.state === 'paid_by_platform') {
      // Its full amount in place of what the shop would issue (a MadeRecord: not spread, which would
      // drop its orders, read through a getter).
      const r = make(v, false, true);
      r.amount = fmtMoney(v.amount);
      platformPaid.push(r);
      platformAmounts.set(v.voucherKey, fmtMoney(v.platformPaid!));
    }
  }
  for (const p of promises) {
    const r: VoucherRecord = { voucherKey: p.voucherKey, kind: 'delivery_promise', buyer: p.buyer, ...(p.shop ? { shop: p.shop } : {}), rules: p.rules, orderIds: p.orderIds, amount: fmtMoney(p.amount), windowStart: p.windowStart };
    const kind = r.shop !== undefined ? shopKinds?.get(r.shop) : undefined;
    if (kind) r.shopKind = kind;
    plan.push(r);
  }
  return { plan, coverOnly, platformPaid, platformAmounts, late, settled, unsettled };
}

/** An order's platform as its rule set names it (天猫国际's orders are Taobao's); undefined when unknown. */
function platformOf(v: Reconciled, rulesOf: ((id: string) => RuleSet) | undefined): string | undefined {
  const rp = rulesOf?.(v.rules)?.platform;
  return rp === 'tmall-global' ? 'taobao' : rp;
}

/** The keys (`<platform>` U+0000 order id) of the voucher's orders judged from a sighting (seen_open). */
function seenOpenKeys(v: Reconciled, rulesOf: ((id: string) => RuleSet) | undefined, out: string[]): void {
  let platform: string | undefined;
  for (const l of v.orders) {
    if (l.shipSource !== 'seen_open') continue;
    platform ??= platformOf(v, rulesOf);
    if (platform === undefined) return;
    const k = `${platform}\u0000${l.orderId}`;
    if (out[out.length - 1] !== k) out.push(k);
  }
}

/**
 * The late orders of a provisional voucher that shipped (schema 14, `provisional_late`): nothing of
 * them is recorded while the voucher is provisional, and no sighting names one no run saw unshipped
 * past its deadline (README "Pruning the exports folder"). An order of lines (tmall-2026 with the item
 * report): its shipped late lines' shares summed, its latest ship time; a line unshipped has a sighting
 * of its own. The platform is the rule set's (天猫国际's orders are Taobao's); none known: not kept.
 */
function shippedLate(v: Reconciled, rulesOf: ((id: string) => RuleSet) | undefined, at: number, out: ProvisionalLate[]): void {
  const platform = platformOf(v, rulesOf);
  if (platform === undefined) return;
  let byOrder: Map<string, { fen: number; shipped: number; deadline: number }> | undefined;
  for (const l of v.orders) {
    if (l.shippedAt === null) continue;
    byOrder ??= new Map();
    const had = byOrder.get(l.orderId);
    if (had === undefined) byOrder.set(l.orderId, { fen: l.payout.afterFen, shipped: l.shippedAt, deadline: l.deadline });
    else {
      had.fen += l.payout.afterFen;
      if (l.shippedAt > had.shipped) had.shipped = l.shippedAt;
      if (l.deadline < had.deadline) had.deadline = l.deadline;
    }
  }
  if (byOrder === undefined) return;
  for (const [orderId, x] of byOrder) {
    out.push({ orderId, platform, ...(v.shop !== undefined ? { shop: v.shop } : {}), rules: v.rules, deadline: x.deadline, shippedAt: x.shipped, share: fmtMoney(fenToMoney(x.fen)), seenAt: at });
  }
}

/**
 * The recorded vouchers a voucher shares its cap with (RULES 1.2 / 1.3 第十二条): the buyer's same
 * Beijing calendar day, or for 24-hour windows the recorded windows opening in the same window as
 * this one (rebuilt from where they and the export's windows opened: the ledger keeps no other paid
 * time, so this is not exact).
 * None when the rule set does not combine or has no cap, or the buyer is unknown (never combined).
 */
export function capGroup(rules: RuleSet | undefined, buyer: string, windowStart: number): CapGroup | undefined {
  if (!rules || !rules.combine.cap || buyer === '') return undefined;
  const amount = fmtMoney(rules.combine.cap);
  if (rules.combine.by === 'calendar-day') {
    const from = PLATFORM_TZ.startOfDay(windowStart);
    // The last millisecond of that day (+2 h keeps it right across a 23/25 h day), as window.ts.
    return { amount, from, to: PLATFORM_TZ.startOfDay(from + DAY_MS + 2 * HOUR_MS) - 1, exact: true };
  }
  if (rules.combine.by === 'rolling-24h') return { amount, from: windowStart - DAY_MS, to: windowStart + DAY_MS, exact: false, rolling: DAY_MS };
  return undefined;
}

/**
 * A record recordMaker makes: its orders held as the order id itself when the voucher has one
 * (nearly every voucher: 208k records at a 1M-row export), `orderIds` making its one-element list
 * each time it is read. A list a record (56 bytes: the array and its elements' store) was ~11 MB of
 * a --record run's live heap at its largest, the recording's end; the ledger reads the list a few
 * times a record and never changes it, nor keeps one it was given (issue 21, forty-fifth round).
 * Its fields are set in one order by the constructor (one hidden class for all).
 *
 * Seven fields (issue 21, forty-seventh round: 12 fields and a boxed window start, 136 bytes a
 * record, were ~28 MB of the recording's end at a 1M-row export; 80 bytes now): `kind` and
 * `shareIsAmount` are the prototype's (every record's kind is 'voucher'; its shares are its one
 * order's whole amount exactly when it has no `sharesJson`), the shop, its kind and the rule set one
 * object shared by the records naming them (`place`), the window start in whole seconds (a small
 * integer, not a boxed number) unless it is not one, and the rare order lists, shares texts and
 * window starts not in whole seconds in one object (`more`) of the few records having one.
 */
class MadeRecord implements VoucherRecord {
  constructor(
    readonly voucherKey: string,
    readonly buyer: string,
    private readonly place: RecordPlace,
    /** The one order id, or what else the record holds (its order list, shares, window start). */
    private readonly more: string | RecordMore,
    public amount: string,
    /** The window start in seconds (a small integer), or −1: in `more`. */
    private readonly at: number,
    readonly cap: CapGroup | undefined,
  ) {}

  get kind(): 'voucher' {
    return 'voucher';
  }

  get shop(): string | undefined {
    return this.place.shop;
  }

  get rules(): string {
    return this.place.rules;
  }

  get shopKind(): 'id' | 'name' | undefined {
    return this.place.shopKind;
  }

  get windowStart(): number {
    const at = this.at;
    return at >= 0 ? at * 1000 : (this.more as RecordMore).windowStart;
  }

  get orderIds(): string[] {
    const m = this.more;
    if (typeof m === 'string') return [m];
    const ids = m.ids;
    return typeof ids === 'string' ? [ids] : ids;
  }

  get sharesJson(): string | undefined {
    const m = this.more;
    return typeof m === 'string' ? undefined : m.sharesJson;
  }

  /** The shares in the place of both (VoucherRecord.shareIsAmount): exactly when there is no sharesJson. */
  get shareIsAmount(): true | undefined {
    return this.sharesJson === undefined ? true : undefined;
  }
}

/**
 * The same text as one flat string. An order id the run's stores give back is two texts joined
 * (idset.ts wordsId: a ConsString), which V8 flattens in place when the id is first hashed: the join
 * (32 bytes) then stays in front of the flat copy (40) for as long as the record holds the id. Joined
 * by Array.prototype.join, the text is made flat at once (issue 21, forty-seventh round: ~3.5 MB of
 * a 1M-row --record run's live heap, half of its 208k records' ids).
 */
function flatText(s: string): string {
  return s.length < 2 ? s : [s.charAt(0), s.slice(1)].join('');
}

/** What the records of one shop, shop kind and rule set share (MadeRecord.place). */
interface RecordPlace {
  readonly shop: string | undefined;
  readonly rules: string;
  readonly shopKind: 'id' | 'name' | undefined;
}

/** What few records hold (MadeRecord.more): several orders, shares not the one order's whole amount, a window start not in whole seconds. */
interface RecordMore {
  readonly ids: string | string[];
  readonly sharesJson: string | undefined;
  readonly windowStart: number;
}

/**
 * The records of one recording (issue 21: a 1M-row export's ~208k records are held for the whole
 * recording, so each is kept small): every record a MadeRecord with all its seven fields (one
 * undefined when absent; nothing reads a record's keys), so none grows a second property store;
 * the shop, its kind and the rule set one object per shop and rule set;
 * its amount's text one string per distinct amount; the shop's text one string for all (it was a
 * copy a record); a calendar-day cap group one object per rule set and day, and a cap's amount one
 * string per rule set (nothing changes a record's cap). Nothing of it outlives the recording.
 */
function recordMaker(rulesOf: ((id: string) => RuleSet) | undefined, shopKinds: ReadonlyMap<string, 'id' | 'name'> | undefined): (v: Reconciled, withCap: boolean, otherAmount?: boolean) => MadeRecord {
  const shops = new Map<string, string>();
  // One object per shop text and rule set (the shop's kind follows from its text): MadeRecord.place.
  const places = new Map<string | undefined, Map<string, RecordPlace>>();
  const placeOf = (shop: string | undefined, rules: string): RecordPlace => {
    let byRules = places.get(shop);
    if (byRules === undefined) places.set(shop, (byRules = new Map()));
    let p = byRules.get(rules);
    if (p === undefined) byRules.set(rules, (p = { shop, rules, shopKind: shop !== undefined ? shopKinds?.get(shop) : undefined }));
    return p;
  };
  // One string per distinct amount text: amounts repeat (a 1M-row export's 208k vouchers come to
  // 1,703 amounts), and each record's was a string of its own (~24 bytes each, issue 21).
  const amounts = new Map<string, string>();
  const caps = new Map<RuleSet, { amount: string; days: Map<number, CapGroup> }>();
  const capOf = (rules: RuleSet | undefined, buyer: string, windowStart: number): CapGroup | undefined => {
    const g = capGroup(rules, buyer, windowStart);
    if (g === undefined) return undefined;
    let c = caps.get(rules!);
    if (c === undefined) caps.set(rules!, (c = { amount: g.amount, days: new Map() }));
    g.amount = c.amount; // the same text, one string
    if (rules!.combine.by !== 'calendar-day') return g;
    // A calendar-day group is its day's whatever the buyer (capGroup: from the day's start).
    const had = c.days.get(g.from);
    if (had !== undefined) return had;
    c.days.set(g.from, g);
    return g;
  };
  return (v, withCap, otherAmount = false) => {
    let shop = v.shop;
    if (shop !== undefined) {
      const had = shops.get(shop);
      if (had === undefined) shops.set(shop, shop);
      else shop = had;
    }
    // What each order comes to on its own (its lines' payouts after the minimum, before the cap).
    const fen = new Map<string, number>();
    for (const l of v.orders) fen.set(l.orderId, (fen.get(l.orderId) ?? 0) + l.payout.afterFen);
    let amount = fmtMoney(v.toIssue);
    const hadAmount = amounts.get(amount);
    if (hadAmount === undefined) amounts.set(amount, amount);
    else amount = hadAmount;
    const shares = [...fen].map(([id, f]) => [id, fmtMoney(fenToMoney(f))] as const);
    // One order coming to the whole amount (nearly every voucher): the ledger makes the same JSON text
    // from the order id and the amount when it writes the row (VoucherRecord.shareIsAmount). Not for a
    // record whose amount the caller replaces (`otherAmount`: paid by the platform, its full amount).
    const one = !otherAmount && shares.length === 1 && shares[0]![1] === amount;
    const ids = orderIdsOf(v.orders);
    const id = ids.length === 1 ? flatText(ids[0]!) : ids;
    // Kept as the JSON text the ledger stores (VoucherRecord.sharesJson): the same text
    // JSON.stringify(shares) gave, without an object (and a hidden class) a voucher held meanwhile.
    const sharesJson = one ? undefined : JSON.stringify(Object.fromEntries(shares));
    const ws = v.windowStart;
    const sec = Math.floor(ws / 1000);
    const at = sec * 1000 === ws && sec >= 0 && sec <= 0x7fffffff ? sec | 0 : -1;
    return new MadeRecord(
      v.voucherKey,
      v.buyer,
      placeOf(shop, v.rules),
      typeof id === 'string' && sharesJson === undefined && at !== -1 ? id : { ids: id, sharesJson, windowStart: ws },
      amount,
      at,
      withCap ? capOf(rulesOf?.(v.rules), v.buyer, v.windowStart) : undefined,
    );
  };
}

export interface Recorded {
  /** voucherKey → new / already_recorded / reissued / conflict / amount_changed / topped_up / held. */
  status: Map<string, RecordStatus>;
  /** The vouchers recorded before at another amount, by key. */
  changes: Map<string, AmountChange>;
  /** What earlier recorded vouchers already paid of a conflicting or re-issued voucher, by key. */
  covers: Map<string, string>;
  /**
   * Provisional vouchers (not recorded by this run) whose very key the ledger holds at the amount they
   * come to: recorded before, when final. Only the `recorded` column and the summary's "recorded
   * before" count read it (run.ts), nothing owed.
   */
  provisionalRecorded: ReadonlySet<string>;
  /** As provisionalRecorded, but recorded at another amount (amount_changed when paid in full). */
  provisionalChanged: ReadonlySet<string>;
  /**
   * Makes the recording real (true: the output is written, or is about to be put in place) or drops
   * it (false: the run failed or was stopped before the operator saw it, so the vouchers are shown
   * again next time), and releases the ledger's write lock, held until then. `pending`: the output
   * is not in place yet; a marker committed with the vouchers says so until published() clears it.
   */
  finish(commit: boolean, pending?: string): void;
  /**
   * Warnings said once: their markers (`notified` items) are written by finish(true), inside the
   * recording's transaction, so a run whose recording is dropped says them again next time.
   */
  note(items: NotedItems): void;
  /** The output is in place: the marker finish() left goes. Closes the ledger. */
  published(): void | Promise<void>;
  /** Closes the ledger if still open (whatever happened). */
  release(): void;
  /** This state database's tag, for the complete file's name (sink.ts Publish.tag). */
  tag: string;
}

/** How long a run whose output is in place waits for the write lock to clear its marker (ms). */
const PUBLISH_WAIT_MS = 10 * 60 * 1000;

/** Record in one transaction; says what became of each voucher. */
export async function recordVouchers(
  ctx: Ctx,
  vouchers: Iterable<Reconciled>,
  promises: PromiseVoucher[],
  reissue: ((orderId: string) => boolean) | undefined,
  rulesOf?: (id: string) => RuleSet,
  shops?: { kinds: ReadonlyMap<string, 'id' | 'name'>; pairs: [string, string][]; newShop?: boolean; platforms?: ReadonlySet<string> },
  notLate?: ReadonlySet<string>,
  sightings?: Iterable<Sighting> & { readonly length: number },
  shippedSighted?: ReadonlyArray<{ orderId: string; platform: string; lineId?: string }>,
  lateMet?: ReadonlyArray<{ orderId: string; platform: string }>,
  lateHad?: boolean,
  noLines?: boolean,
): Promise<Recorded> {
  const { openState, SHOP_RECORDED_TARGET, SHOP_NAME_RECORDED_TARGET, PLATFORM_RECORDED_TARGET } = await import('../state/ledger.js');
  const { reportCapped, reportChanges, reportConflicts, reportHeld, reportPlatformClashes } = await import('../state/conflicts.js');
  const existed = fs.existsSync(ctx.statePath);
  const db = await openState(ctx.statePath, { create: true });
  // Held no voucher before this run: made by it, or made by a run refused before it recorded (a -o
  // list of another ledger's, otherLedgerError), which left it empty; the next run then recorded
  // every voucher as new into it and, the file being there already, said nothing (guard45).
  const emptyBefore = !existed || !db.hasVouchers();
  let held = false;
  try {
    if (existed && shops && !shops.newShop) {
      refuseOtherShops(ctx, db, shops, SHOP_RECORDED_TARGET);
      if (shops.platforms) refuseOtherPlatforms(ctx, db, shops.platforms, PLATFORM_RECORDED_TARGET, rulesOf);
    } else if (shops?.newShop) newShopUnneeded(ctx, db, shops, existed, { shop: SHOP_RECORDED_TARGET, platform: PLATFORM_RECORDED_TARGET }, rulesOf);
    const clashes: Clash[] = [];
    const changes: AmountChange[] = [];
    const covers: Cover[] = [];
    // Provisional vouchers are not recorded, but what earlier vouchers paid of them is not owed again.
    // Paid by the platform (RULES 1.4): not recorded; but the shop may have issued it already.
    // How each voucher's shop was named (店铺Id or 店铺名称): only shops named the same way are told apart.
    // Late orders shipped in a provisional voucher: kept (schema 14) so a run missing them names them.
    const { plan, coverOnly, platformPaid, platformAmounts, late, settled, unsettled } = splitRecording(vouchers, promises, rulesOf, shops?.kinds, lateMet ? ctx.asOf : undefined);
    const platformClashes: PlatformClash[] = [];
    const heldBack: HeldVoucher[] = [];
    const recordedProvisional: string[] = [];
    const changedProvisional: string[] = [];
    // A sighted order (or line) seen shipped keeps its sighting while its voucher is still provisional
    // (its buyer's day has another order unshipped): nothing is recorded of it yet, so once the exports
    // holding it were pruned it was dropped without a word (its voucher's share never paid, README
    // "Keep the downloads …"); kept, the run that misses it names it (run.ts sightingsAbsentWarning).
    const stillOwed = shippedSighted && shippedSighted.length > 0 && coverOnly.length > 0 ? new Set(coverOnly.flatMap((v) => v.orderIds)) : undefined;
    const shippedDone = stillOwed ? shippedSighted!.filter((x) => !stillOwed.has(x.orderId)) : shippedSighted;
    const res = db.recordVouchers(plan, ctx.io.now(), { reissue, clashes, changes, covers, coverOnly, platformPaid, platformClashes, recordedProvisional, changedProvisional, held: heldBack, hold: true, shopPairs: shops?.pairs, notLate, sightings, shippedSighted: shippedDone, provisionalLate: lateMet && (late.length > 0 || lateMet.length > 0 || lateHad) ? { write: late, met: lateMet } : undefined });
    held = true;
    const covered = new Map(covers.map((c) => [c.voucherKey, c.covered]));
    // The reports read the amounts, orders and caps of the vouchers with a clash or a cover only:
    // the maps hold those, the same entries (a later voucher of a key wins, as in a map of all; a
    // cap of none leaves an earlier one's). Made of every record (~208k at a 1M-row export) they
    // were ~30 MB more live heap than the recording itself left, with the records still held (issue 21).
    const asked = new Set<string>();
    for (const c of clashes) asked.add(c.voucherKey);
    for (const c of covers) asked.add(c.voucherKey);
    const planAsked = plan.filter((v) => asked.has(v.voucherKey));
    const bothAsked = [...planAsked, ...coverOnly.filter((v) => asked.has(v.voucherKey))];
    reportConflicts(ctx, res, clashes, new Map(planAsked.map((v) => [v.voucherKey, v.amount])), covered, reissue && { named: reissue, orderIds: new Map(planAsked.map((v) => [v.voucherKey, v.orderIds])) });
    // A run that read no order's lines (no item report): a changed voucher of a rule set pricing lines
    // is said to be maybe only that (conflicts.ts reportChanges). Only the changed vouchers are looked up.
    const wholeWithoutLines = new Map<string, string>();
    if (noLines && rulesOf && changes.length > 0) {
      const changed = new Set(changes.map((c) => c.voucherKey));
      for (const v of plan) if (changed.has(v.voucherKey) && rulesOf(v.rules).unit === 'sub-order') wholeWithoutLines.set(v.voucherKey, v.rules);
    }
    reportChanges(ctx, changes, wholeWithoutLines);
    reportPlatformClashes(ctx, platformClashes, platformAmounts);
    reportCapped(
      ctx,
      res,
      covers,
      new Map(bothAsked.map((v) => [v.voucherKey, v.amount])),
      new Map(bothAsked.flatMap((v) => (v.cap ? [[v.voucherKey, v.cap.amount] as const] : []))),
    );
    reportHeld(ctx, heldBack);
    // Said once the recording is committed (finish): a run refused after this (a -o list of another
    // ledger's) or whose commit fails recorded nothing, and "this run recorded N vouchers as new" came
    // before the refusal that made it untrue (guard45).
    const beside = emptyBefore ? await newBesideRecorded(ctx, [...res.values()].filter((st) => st === 'new').length, existed) : undefined;
    // Said by every run until one whose own output is in place commits (and drops the markers).
    // A run that recorded nothing (every voucher recorded before, or none final) left nothing to
    // check: its marker is dropped with this commit, unsaid ("recorded 0 vouchers", exit 1, was noise).
    // A marker of a run still going (on this machine: its process is alive) is not stale: that run
    // is copying its output out this moment and clears its marker itself. Said and dropped here, it
    // warned of a stop that never happened, and a kill of that run afterwards then went unsaid.
    const stale = db.pendingOutputs().filter((p) => !markerRunning(p.key));
    const toSay = stale.filter((p) => p.vouchers.length > 0);
    for (const p of toSay) ctx.warn(pendingWarning(p));
    if (toSay.length) ctx.attention();
    let open = true;
    let marked: string | undefined;
    let closed = false;
    const notes: NotedItems[] = [];
    if (settled.length || unsettled.length) notes.push({ target: SIGHTING_SETTLED_TARGET, add: settled, clear: unsettled });
    // The shops and platforms this run read are held from its commit on, whatever it recorded: the
    // rows alone forget them (a 抖店 shop's sightings go once its orders ship, and its vouchers are the
    // platform's; a --new-shop run finding nothing late wrote nothing), and the next hour's run was
    // refused as of a shop the database never held (rev48). A refused run got no further.
    if (shops) {
      const mine = runShopTexts(shops);
      if (mine.size) notes.push({ target: SHOP_RECORDED_TARGET, add: [...mine].sort() });
      const named = new Set<string>(shops.pairs.map(([, n]) => n));
      for (const [t, k] of shops.kinds) if (k === 'name') named.add(t);
      if (named.size) notes.push({ target: SHOP_NAME_RECORDED_TARGET, add: [...named].sort() });
      if (shops.platforms?.size) notes.push({ target: PLATFORM_RECORDED_TARGET, add: [...shops.platforms].sort() });
    }
    // The complete files this database names as recorded: the markers' (of every run, said or still
    // going) and those kept once their marker was said and dropped (this commit keeps the stale
    // markers' own, while they are there: the operator was told to rename them into place).
    const tag = ledgerTag(ctx.statePath);
    const recordedFiles = new Set<string>();
    const named = (t: string) => {
      recordedFiles.add(t);
      try {
        recordedFiles.add(fs.realpathSync(t)); // as the sweep sees it (a folder reached through a link)
      } catch {
        /* gone */
      }
    };
    for (const p of db.pendingOutputs()) {
      const t = markerTemp(p.key);
      if (t !== undefined) named(t);
    }
    const keptBefore = db.notifiedItems(KEPT_OUTPUT_TARGET);
    for (const t of keptBefore) named(t);
    const keep = stale.map((p) => markerTemp(p.key)).filter((t): t is string => t !== undefined && fs.existsSync(t));
    const gone = keptBefore.filter((t) => !fs.existsSync(t));
    if (keep.length || gone.length) notes.push({ target: KEPT_OUTPUT_TARGET, add: keep, clear: gone });
    // A complete file named by none of them was left by a run killed between naming it and its
    // commit: nothing of it was recorded (this run lists its vouchers again), and no run removed it.
    for (const f of sweepUnrecorded(ctx.output, tag, recordedFiles)) {
      ctx.info(
        noteLine(msg(
          `已删除 ${f}: 一次 compensate --record 运行在记录红包之前被终止, 留下了这个文件; 其中的红包没有记录 (本次运行重新列出)`,
          `removed ${f}: a compensate --record run was killed before recording its vouchers and left it; none of them was recorded (this run lists them again)`,
        )),
      );
    }
    const release = () => {
      if (closed) return;
      closed = true;
      db.close();
    };
    const finish = (commit: boolean, pending?: string) => {
      if (!open) return;
      open = false;
      try {
        db.endRecording(commit, commit ? pending : undefined, stale.map((p) => p.key), commit ? notes : undefined);
        if (commit && pending !== undefined) marked = pending;
        if (commit && beside) ctx.warn(beside);
      } finally {
        if (marked === undefined) release();
      }
    };
    const published = async () => {
      if (marked === undefined) return;
      const key = marked;
      marked = undefined;
      try {
        // Another --record run may hold the write lock (it got it the moment this run committed) for
        // all of its recording and output: waiting only the busy timeout (5 s), this run gave up and
        // ended, and that run then found the marker of a run no longer alive and said this run had
        // stopped before its output was in place, exit 1, while the file was in place all along.
        // Waiting, this run is alive when that one looks, so the marker is left alone, then cleared.
        await db.clearPendingWaiting(key, PUBLISH_WAIT_MS, () =>
          ctx.info(
            noteLine(msg(
              `输出已到位, 红包已记录; 正在等另一个 storeops 运行用完状态数据库 (最多 10 分钟), 以清除本次的"输出未到位"标记。此时中断也不会重复赔付: 下一次运行会提示核对本次的红包`,
              `the output is in place and its vouchers recorded; waiting (up to 10 minutes) for another storeops run to finish with the state database, to clear this run's "output not in place" note. Stopping now pays nothing twice: the next run then asks to check this run's vouchers`,
            )),
          ),
        );
      } catch {
        // The file is in place and its vouchers recorded; the marker left makes the next run ask
        // the operator to check them: erring on the side of saying.
      } finally {
        release();
      }
    };
    const note = (n: NotedItems) => {
      if (open) notes.push(n);
    };
    return { status: res, changes: new Map(changes.map((c) => [c.voucherKey, c])), covers: covered, provisionalRecorded: new Set(recordedProvisional), provisionalChanged: new Set(changedProvisional), finish, note, published, release, tag };
  } catch (e) {
    if (held) db.endRecording(false);
    db.close();
    throw e;
  }
}

/**
 * A --record run whose exports name only shops this state database holds nothing of, while it holds
 * other shops (their vouchers, sightings or linked 店铺Id/店铺名称): refused before anything is
 * written (exit 2), unless --new-shop. An agency running five shops, each with its own --state, and a
 * crontab line copied from shop A's with B's folder (or A's --state kept) recorded B's vouchers into
 * A's ledger without a word, exit 0: the output listed them as new, to issue (from A's seller centre
 * the operator was working in), A's month-end `ledger export` handed A's client B's vouchers, and B's
 * own database listed them as new again the next hour (user23). Two shops sharing one database on
 * purpose (README "Several shops") say so once with --new-shop; a run holding a shop the database
 * holds besides a new one (both exports in one run) is not refused. Exports naming no shop (抖店,
 * 拼多多, a trimmed Taobao export) cannot be told apart here: not refused.
 */
function refuseOtherShops(ctx: Ctx, db: { path: string; heldShops(): { texts: Set<string>; pairs: [string, string][]; kinds: Map<string, 'id' | 'name'> }; notifiedKeys(target: string, keys: string[]): Set<string> }, shops: { kinds: ReadonlyMap<string, 'id' | 'name'>; pairs: [string, string][] }, recordedTarget: string): void {
  const mine = runShopTexts(shops);
  if (mine.size === 0) return;
  // Held by an earlier run's record (an index look-up): the hourly run of a held shop stops here.
  // heldShops() reads every voucher and sighting: 40-60 ms on the 1M-row bench's ledger (rev48).
  if (db.notifiedKeys(recordedTarget, [...mine]).size > 0) return;
  const held = db.heldShops();
  if (held.texts.size === 0) return;
  for (const t of mine) if (held.texts.has(t)) return;
  // A shop this run names one way only (店铺Id with no 店铺名称, or 店铺名称 alone) may be a held one
  // named the other way that nothing links either: the cap counts the two as maybe one shop (ledger.ts
  // capUnlinked), and so does this check. One download showing 店铺Id alone and the next 店铺名称 alone
  // were refused every hour (rev48). Two 店铺Id, or two 店铺名称, are two shops: refused as before.
  const runLinked = new Set(shops.pairs.flat());
  const heldLinked = new Set(held.pairs.flat());
  const heldLoose = [...held.texts].filter((t) => !heldLinked.has(t));
  for (const [t, k] of shops.kinds) {
    if (runLinked.has(t)) continue;
    if (heldLoose.some((h) => held.kinds.get(h) !== k)) return;
  }
  const path = db.path;
  const shown = (t: string) => (ctx.showPii ? t : shownNick(t));
  const label = (texts: Iterable<string>, pairs: readonly [string, string][]): string => {
    const names = new Map<string, string[]>();
    for (const [i, n] of pairs) names.set(i, [...(names.get(i) ?? []), n]);
    const named = new Set(pairs.map(([, n]) => n));
    const out: string[] = [];
    for (const t of [...new Set(texts)].sort()) {
      if (named.has(t) && !names.has(t)) continue;
      const ns = names.get(t);
      out.push(ns ? `${shown(t)} (${ns.map(shown).join(', ')})` : shown(t));
    }
    return out.length > 5 ? `${out.slice(0, 5).join(', ')} …` : out.join(', ');
  };
  const heldList = label(held.texts, held.pairs);
  const runList = label(mine, shops.pairs);
  throw new UsageError(
    msg(
      `状态数据库 ${path} 记录的是店铺 ${heldList} 的数据, 本次报表的店铺 ${runList} 它从未记录过: 如果 --state、STOREOPS_STATE 或配置里的 state 指向了另一个店铺的数据库 (例如从另一个店铺复制来的 crontab 行), 这个店铺的红包会记进那个店铺的台账 (月底 ledger export 交给那个店铺的客户), 本次列出的待发红包可能在错误的店铺发放, 本店自己的数据库以后还会把它们列为新红包再发一次; 未记录任何内容, 也未写输出`,
      `the state database ${path} holds the shop(s) ${heldList}, and this run's exports are of ${runList}, which it has never held: if --state, STOREOPS_STATE or the config's state names another shop's database (a crontab line copied from another shop's?), this shop's vouchers would be recorded in that shop's ledger (its month-end ledger export, handed to that shop's client), the vouchers listed to issue might be issued from the wrong shop, and this shop's own database would list them as new again; nothing was recorded and no output written`,
    ),
    msg(
      '用本店自己的状态数据库运行 (--state 文件, 或本店文件夹里配置的 state), 并核对 crontab 那一行的文件夹和报表; 若两个店铺确实要共用这个数据库 (封顶额仍按店铺分别计算), 加一次 --new-shop 运行: 记录之后这个店铺就在数据库里了, 以后不用再加。店铺改过名、本次只有改名前的 店铺名称 时同样如此 (先确认是同一店铺)。',
      "run with this shop's own state database (--state FILE, or the config's state in the shop's folder), and check the crontab line's folder and exports; if the two shops are to share this database on purpose (each buyer's cap still counted per shop), run once with --new-shop: the shop is then held and later runs need no flag. The same for a renamed shop whose export names only its old 店铺名称 (check first that it is the same shop).",
    ),
  );
}

/**
 * --new-shop given where it lets nothing in: the database held no shop yet (new, or nothing recorded
 * into it), or holds this run's shop already. Said, as the flag is for the other run: two shops
 * meant to share one file, the second shop's run by hand with --new-shop came first, against the
 * empty database, and at the first hour the other shop's crontab line was refused, exit 2, every
 * hour (user25, README "Two shops").
 */
function newShopUnneeded(
  ctx: Ctx,
  db: { path: string; heldShops(): { texts: Set<string>; pairs: [string, string][]; kinds: Map<string, 'id' | 'name'> }; heldPlatforms(): { platforms: Set<string>; rules: Set<string> }; notifiedKeys(target: string, keys: string[]): Set<string> },
  shops: { kinds: ReadonlyMap<string, 'id' | 'name'>; pairs: [string, string][]; platforms?: ReadonlySet<string> },
  existed: boolean,
  targets: { shop: string; platform: string },
  rulesOf?: (id: string) => RuleSet,
): void {
  const heldShops = existed ? db.heldShops() : undefined;
  const heldPlatforms = existed ? db.heldPlatforms() : undefined;
  const empty = !heldShops || (heldShops.texts.size === 0 && heldPlatforms!.platforms.size === 0 && heldPlatforms!.rules.size === 0);
  if (!empty) {
    try {
      refuseOtherShops(ctx, db, shops, targets.shop);
      if (shops.platforms) refuseOtherPlatforms(ctx, db, shops.platforms, targets.platform, rulesOf);
    } catch (e) {
      if (e instanceof UsageError) return; // the flag let this shop in: what it is for
      throw e;
    }
  }
  const path = db.path;
  ctx.warn(
    empty
      ? msg(
          `--new-shop 这次没有作用: 状态数据库 ${path} 还没有记录任何店铺, 本次运行不加它也会记录; 现在本次的店铺已在数据库中。--new-shop 是给之后另一个店铺第一次记录进这个数据库的那次运行用的: 两个店铺共用一个数据库时, 先不加 --new-shop 运行一个店铺, 再加 --new-shop 手动运行另一个店铺一次, 然后再让定时任务运行两行 (否则另一个店铺的那一行会被拒绝, 退出码 2)`,
          `--new-shop had nothing to let in: the state database ${path} held no shop yet, and this run records without it; this run's shop is now held. The flag is for the other shop's first --record run into this database: two shops sharing one database, run one shop once without it, then the other once by hand with --new-shop, before cron runs both lines (else the other shop's line is refused, exit 2)`,
        )
      : msg(
          `--new-shop 这次没有作用: 状态数据库 ${path} 已经记录过本次报表的店铺 (或其中之一), 不加它也不会拒绝; 以后的运行也不用加`,
          `--new-shop had nothing to let in: the state database ${path} holds this run's shop (or one of its shops) already, so the run is not refused without the flag, nor are later runs`,
        ),
  );
}

/** Every shop text a run's exports show: each 店铺Id and 店铺名称, linked pairs' both sides. */
function runShopTexts(shops: { kinds: ReadonlyMap<string, 'id' | 'name'>; pairs: readonly [string, string][] }): Set<string> {
  const mine = new Set<string>(shops.kinds.keys());
  for (const [i, n] of shops.pairs) mine.add(i).add(n);
  return mine;
}

const PLATFORM_WORD: Record<string, Msg> = {
  taobao: msg('淘宝/天猫', 'Taobao/Tmall'),
  douyin: msg('抖店', 'Douyin (抖店)'),
  pdd: msg('拼多多', 'Pinduoduo (拼多多)'),
};

/**
 * The same for platforms: a --record run whose orders are all of platforms this database holds
 * nothing of (no sighting, late order or voucher under their rule sets), while it holds another
 * platform's. Exports of 抖店 and 拼多多 name no shop, so refuseOtherShops cannot tell a 抖店 shop's
 * line run with the Tmall shop's --state (README's crontab sets STOREOPS_STATE for every line, and it
 * wins over each shop folder's config `state`) from its own: its sightings and vouchers went into the
 * Tmall shop's ledger (user23). A voucher whose rule set is neither built in nor this run's (a rule
 * file) has an unknown platform: then nothing is refused.
 */
function refuseOtherPlatforms(ctx: Ctx, db: { path: string; heldPlatforms(): { platforms: Set<string>; rules: Set<string> }; notifiedKeys(target: string, keys: string[]): Set<string> }, mine: ReadonlySet<string>, recordedTarget: string, rulesOf?: (id: string) => RuleSet): void {
  if (mine.size === 0) return;
  if (db.notifiedKeys(recordedTarget, [...mine]).size > 0) return;
  const held = db.heldPlatforms();
  const platforms = new Set(held.platforms);
  for (const id of held.rules) {
    let p: string | undefined = id.startsWith('tmall-') ? 'taobao' : id.startsWith('douyin-') ? 'douyin' : undefined;
    if (p === undefined && rulesOf) {
      try {
        p = rulesOf(id).platform;
      } catch {
        p = undefined;
      }
    }
    if (p === undefined) return;
    platforms.add(p === 'tmall-global' ? 'taobao' : p);
  }
  if (platforms.size === 0) return;
  for (const p of mine) if (platforms.has(p)) return;
  const word = (p: string, lang: 'zh' | 'en') => PLATFORM_WORD[p]?.[lang] ?? p;
  const list = (set: Iterable<string>, lang: 'zh' | 'en') => [...set].sort().map((p) => word(p, lang)).join(lang === 'zh' ? '、' : ', ');
  throw new UsageError(
    msg(
      `状态数据库 ${db.path} 记录的是 ${list(platforms, 'zh')} 的订单, 本次报表是 ${list(mine, 'zh')} 的, 该数据库从未记录过这个平台: 如果 --state、STOREOPS_STATE 或配置里的 state 指向了另一个店铺的数据库 (crontab 开头的 STOREOPS_STATE 对每一行都有效, 并且优先于各店铺文件夹里配置的 state), 这个店铺的红包和所见记录会记进那个店铺的台账; 未记录任何内容, 也未写输出`,
      `the state database ${db.path} holds orders of ${list(platforms, 'en')}, and this run's exports are of ${list(mine, 'en')}, a platform it has never held: if --state, STOREOPS_STATE or the config's state names another shop's database (a STOREOPS_STATE line at the top of a crontab holds for every line, and wins over each shop folder's config state), this shop's vouchers and sightings would be recorded in that shop's ledger; nothing was recorded and no output written`,
    ),
    msg(
      '每个店铺用自己的状态数据库: 在该店铺那一行写 --state 文件 (或去掉 crontab 开头的 STOREOPS_STATE, 让各文件夹的配置决定); 若这个店铺确实要与其他平台的店铺共用这个数据库, 加一次 --new-shop 运行, 以后不用再加。',
      "give each shop its own state database: --state FILE on that shop's line (or remove the STOREOPS_STATE line at the top of the crontab and let each folder's config decide); if this shop is to share this database with the other platform's shop on purpose, run once with --new-shop, and later runs need no flag.",
    ),
  );
}

/**
 * This run made its state database (the file did not exist) and recorded vouchers as new, while the
 * same folder holds another storeops state database with vouchers recorded: most likely a misspelt
 * --state, STOREOPS_STATE or config `state` (user12: `--state storeops/stat.db` beside
 * storeops/state.db recorded all 11 of 老陈's vouchers again, 700.60, as new to issue, exit 0 under
 * -q, not a word). Said (zh/en, also under -q) with the other databases and what they hold; the
 * exit code is unchanged (the cron line's --fail-on new-vouchers exits 1 for the new vouchers) and
 * the recording stands (a second shop's own database beside the first's is a fair setup).
 */
async function newBesideRecorded(ctx: Ctx, recordedNew: number, existed: boolean): Promise<Msg | undefined> {
  if (recordedNew === 0) return undefined;
  const path = await import('node:path');
  const abs = path.resolve(ctx.statePath);
  const dir = path.dirname(abs);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return undefined;
  }
  const others: Array<{ file: string; n: number }> = [];
  for (const name of names.sort()) {
    const file = path.join(dir, name);
    if (file === abs || /-(wal|shm|journal)$/.test(name)) continue;
    try {
      const st = fs.statSync(file);
      if (!st.isFile() || st.size < 100 || !isSqliteFile(file)) continue;
      const Database = (await import('better-sqlite3')).default;
      const other = new Database(file, { readonly: true, fileMustExist: true });
      try {
        const n = (other.prepare('SELECT COUNT(*) FROM vouchers').pluck().get() as number) ?? 0;
        if (n > 0) others.push({ file, n });
      } finally {
        other.close();
      }
    } catch {
      /* not a storeops database, or not readable: not said */
    }
  }
  if (others.length === 0) return undefined;
  const zhList = others.map((o) => `${o.file} (已记录 ${o.n} 个红包)`).join(', ');
  const enList = others.map((o) => `${o.file} (${plural(o.n, 'voucher')} recorded)`).join(', ');
  return msg(
      `状态数据库 ${abs} ${existed ? '在本次运行之前没有任何红包' : '是本次运行新建的 (之前不存在)'}, 本次把 ${recordedNew} 个红包记录为新红包; 但同一文件夹里已有状态数据库 ${zhList}。如果 --state、STOREOPS_STATE 或配置里的 state 写错了文件名, 那个数据库里已记录 (已发放) 的红包这次又被列为新红包: 不要照本次输出重复发放, 改正文件名、删除新建的 ${abs} 后再运行; 若它确实是另一个店铺自己的数据库, 不用理会`,
      `the state database ${abs} ${existed ? 'held no voucher before this run' : 'was made by this run (it did not exist)'}, which recorded ${plural(recordedNew, 'voucher')} as new; but the same folder holds the state database ${enList}. If --state, STOREOPS_STATE or the config's state names the wrong file (a typo), the vouchers recorded (and issued) there are listed as new again: do not issue them again from this run's output; correct the name, delete the new ${abs} and run again. If it really is another shop's own database, nothing to do`,
  );
}

