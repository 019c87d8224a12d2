// An independent oracle for a month of hourly `compensate --record` runs of one Tmall shop
// (test/state/month-cron.property.test.ts). Written from docs/rules.md §1 alone: it imports nothing
// of src/, works in integer fen, and reads the rows the generator wrote (not the csv) as the run
// would see them: the newest download's version of each order.
//
// What it implements, rule by rule (docs/rules.md):
// - §1.1 Deadline = paid + 48 h; 24 h when the title holds 极速发 (`tmall-2026` titleWindows; not after a
//   negation, which the generator never writes). `tmall-2023` has no title windows: 48 h.
//   Late = shipped after the deadline (exactly at it: on time), or unshipped and open at as-of after
//   it (provisional). Hours late = ship (or as-of) − deadline.
// - §1.1 A closed order (交易关闭) with a 发货时间 is judged by it (shipped, then refunded); one without
//   is closed_unshipped, unless a --record run saw it open, unshipped, past its deadline: then it is late
//   by at least (sighting − deadline), final. The sighting = min(as-of, the latest 付款时间/发货时间 over the
//   orders whose version that run took from the same file); kept only when after the deadline; the
//   latest one kept; deleted when an export shows the order's 发货时间.
// - §1.3 `tmall-2026`: more than 72 h late → out of stock, 10 % (window > 48 h: 15 %), 5.00–500.00;
//   else late: presale or window > 48 h 10 %, else 5 %, 5.00–50.00. Same buyer (and shop), same
//   Beijing calendar day of payment: one voucher, capped at 500.00.
// - §1.2 `tmall-2023`: 30 %, at least 5.00, no maximum; a buyer's late orders sorted by paid time, the
//   first opens a window, every order paid within 24 h of that opening (24:00:00 included) joins it;
//   capped at 500.00 a window.
// - §1.4 Base = 买家实际支付金额 − 买家应付邮费 (never below 0); rounded half-up to the fen after the rate,
//   before the minimum and maximum.
// - §1.3a An order is judged by the rule set in force on its paid time (Beijing): before 2026-04-09
//   00:00:00 `tmall-2023`, from then on `tmall-2026`; a voucher never combines the two.
// - README "Provisional": a voucher is final once every order in it has shipped (or is judged from a
//   sighting), its window (the day, or 24 h) is over at as-of, and no open (paid, unshipped, not
//   closed) order of the buyer could still join it: paid in its day (2026), or within 24 h before or
//   in its window (2023: an open order paid up to 24 h before the opening could open an earlier window).
// - README "state database": --record records final vouchers only; what a voucher of a buyer's day or
//   window comes to beyond what was paid for its orders is issued (as a new voucher, a conflict
//   re-issued, or a top-up); less than was paid is never taken back; money paid for an order now on
//   time stays where it was paid and counts toward the cap of that day/window (§1.7).
// - §1.7 An order the downloads no longer hold is not judged; one a voucher paid keeps its place in
//   its day or window (its money stays there), one never paid is owed nothing by these runs.
// - README "A 24-hour window the ledger cannot tell": under `tmall-2023`, when the downloads lack the
//   first order of a recorded window and open one of their own inside its 24 h, the buyer's vouchers
//   from that opening on are held (not recorded) until the two agree.
export interface Row {
  id: string;
  buyer: string;
  paidAt: number | null; // ms; null: unpaid
  goodsFen: number;
  postageFen: number;
  title: string;
  presale: boolean;
  shipAt: number | null; // 发货时间 shown, ms
  closed: boolean;
}

export type RulesId = 'tmall-2023' | 'tmall-2026';
const H = 3_600_000;
const CUTOVER = Date.parse('2026-04-09T00:00:00+08:00');
export const rulesOf = (paidAt: number): RulesId => (paidAt < CUTOVER ? 'tmall-2023' : 'tmall-2026');
/** The Beijing calendar day of a time, as 'YYYY-MM-DD'. */
export const bjDay = (t: number) => new Date(t + 8 * H).toISOString().slice(0, 10);
const dayEnd = (t: number) => Date.parse(`${bjDay(t)}T00:00:00+08:00`) + 24 * H; // first ms of the next day

export const windowHours = (r: Row) => (rulesOf(r.paidAt!) === 'tmall-2026' && r.title.includes('极速发') ? 24 : 48);
export const deadline = (r: Row) => r.paidAt! + windowHours(r) * H;

/** Rate in basis points × base, rounded half-up to the fen (integers only). */
const pct = (baseFen: number, bp: number) => Math.floor((baseFen * bp + 5000) / 10000);
const clamp = (v: number, min: number, max: number | null) => Math.max(min, max === null ? v : Math.min(v, max));

/** One late order's amount (fen) and kind: §1.2 / §1.3, base §1.4. */
export function payout(r: Row, hoursLateMs: number): { fen: number; kind: 'late' | 'out_of_stock' } {
  const paidFen = r.goodsFen + r.postageFen; // the generator writes 买家实际支付金额 = 货款 + 邮费
  const base = Math.max(0, paidFen - r.postageFen);
  const w = windowHours(r);
  if (rulesOf(r.paidAt!) === 'tmall-2023') return { fen: clamp(pct(base, 3000), 500, null), kind: 'late' };
  if (hoursLateMs > 72 * H) return { fen: clamp(pct(base, w > 48 ? 1500 : 1000), 500, 50000), kind: 'out_of_stock' };
  return { fen: clamp(pct(base, r.presale || w > 48 ? 1000 : 500), 500, 5000), kind: 'late' };
}

export interface View {
  asOf: number;
  /** The version of each order the run uses, with the download it was taken from. */
  rows: { row: Row; file: string }[];
}

export interface OVoucher {
  key: string; // rules|buyer|opening (day for 2026, opening order's paid time for 2023)
  rules: RulesId;
  buyer: string;
  orders: { id: string; fen: number; paidAt: number }[];
  amountFen: number;
  final: boolean;
}

/** The oracle's ledger across runs: sightings, and what was paid for each order (in its voucher). */
export class Oracle {
  sightings = new Map<string, number>();
  /** Every order as last seen by a run. */
  seen = new Map<string, Row>();
  /** Where each recorded window of a buyer opened, and the order that opened it (`rules|buyer`). */
  recorded = new Map<string, { start: number; firstId: string }[]>();
  /** Money attributed to an order, and the day/window key it was paid in. */
  paid = new Map<string, { fen: number; key: string }>();
  total = 0;
  log: string[] = [];

  /** The vouchers of one run's view, final or not (§1.1–§1.3), using the sightings kept so far. */
  vouchers(v: View): OVoucher[] {
    const late: { r: Row; fen: number; final: boolean }[] = [];
    const open: Row[] = [];
    // An order the downloads no longer hold (older than the days they cover) that a voucher paid is as
    // it was last seen: it still opens or shares its day or 24-hour window with the buyer's other
    // orders, and its money was paid there (§1.7: "its money goes to the voucher that holds its
    // window's other orders now"; the window it opened is not opened again by the next order). One
    // never paid is not judged (§1.7 reading: the download is the record of what is owed): money it
    // was owed while its buyer's voucher was still provisional is lost when no download read shows it
    // any more (README "Running from cron": keep the downloads).
    const inView = new Set(v.rows.map((x) => x.row.id));
    const gone = [...this.seen.values()].filter((r) => !inView.has(r.id) && this.paid.has(r.id));
    for (const r of gone) {
      if (r.paidAt === null) continue;
      const dl = deadline(r);
      if (r.shipAt !== null && r.shipAt > dl) late.push({ r, fen: payout(r, r.shipAt - dl).fen, final: true });
      else if (r.shipAt === null && r.closed) {
        const s = this.sightings.get(r.id);
        if (s !== undefined && s > dl) late.push({ r, fen: payout(r, s - dl).fen, final: true });
      }
    }
    for (const { row: r } of v.rows) {
      if (r.paidAt === null || r.paidAt > v.asOf) continue;
      const dl = deadline(r);
      if (r.shipAt !== null) {
        if (r.shipAt > dl) late.push({ r, fen: payout(r, r.shipAt - dl).fen, final: true });
      } else if (r.closed) {
        const s = this.sightings.get(r.id);
        if (s !== undefined && s > dl && s <= v.asOf) late.push({ r, fen: payout(r, s - dl).fen, final: true });
      } else {
        open.push(r);
        if (v.asOf > dl) late.push({ r, fen: payout(r, v.asOf - dl).fen, final: false });
      }
    }
    const out: OVoucher[] = [];
    const byBuyer = new Map<string, typeof late>();
    for (const l of late) {
      const k = `${rulesOf(l.r.paidAt!)}|${l.r.buyer}`;
      byBuyer.set(k, [...(byBuyer.get(k) ?? []), l]);
    }
    for (const [k, ls] of byBuyer) {
      const [rules, buyer] = k.split('|') as [RulesId, string];
      ls.sort((a, b) => a.r.paidAt! - b.r.paidAt! || (a.r.id < b.r.id ? -1 : 1));
      const groups: (typeof late)[] = [];
      for (const l of ls) {
        const g = groups[groups.length - 1];
        const joins = g && (rules === 'tmall-2026' ? bjDay(g[0]!.r.paidAt!) === bjDay(l.r.paidAt!) : l.r.paidAt! - g[0]!.r.paidAt! <= 24 * H);
        if (joins) g.push(l);
        else groups.push([l]);
      }
      // README "A 24-hour window the ledger cannot tell" (`tmall-2023`): when the downloads lack the
      // first order of a recorded window and open a window of their own inside its 24 h, the later
      // windows of the buyer are chained from there by the export and from the recorded opening by the
      // ledger; a voucher at or after that opening is held (not recorded) until they agree.
      let heldFrom = Infinity;
      if (rules === 'tmall-2023') {
        const opens: number[] = [];
        let open0 = -Infinity;
        for (const l of ls) if (inView.has(l.r.id) && l.r.paidAt! - open0 > 24 * H) opens.push((open0 = l.r.paidAt!));
        for (const w of this.recorded.get(k) ?? []) {
          if (inView.has(w.firstId)) continue;
          for (const t of opens) if (t > w.start && t <= w.start + 24 * H) heldFrom = Math.min(heldFrom, t);
        }
      }
      for (const g of groups) {
        const start = g[0]!.r.paidAt!;
        const end = rules === 'tmall-2026' ? dayEnd(start) : start + 24 * H;
        const reach = rules === 'tmall-2026' ? dayEnd(start) - 24 * H : start - 24 * H;
        const mine = new Set(g.map((l) => l.r.id));
        const othersOpen = open.some((o) => o.buyer === buyer && rulesOf(o.paidAt!) === rules && !mine.has(o.id) && o.paidAt! >= reach && o.paidAt! <= end);
        const sum = g.reduce((t, l) => t + l.fen, 0);
        out.push({
          key: `${rules}|${buyer}|${rules === 'tmall-2026' ? bjDay(start) : String(start)}`,
          rules,
          buyer,
          orders: g.map((l) => ({ id: l.r.id, fen: l.fen, paidAt: l.r.paidAt! })),
          amountFen: Math.min(sum, 50000),
          final: g.every((l) => l.final) && v.asOf >= end && !othersOpen && start < heldFrom,
        });
      }
    }
    return out;
  }

  /**
   * One --record run: pay what its final vouchers come to beyond what their orders were paid, within
   * the day's (window's) cap less money paid there for orders not in the voucher; then keep the
   * sightings this run makes (after judging: the run judges by the sightings of earlier runs; its
   * own sighting of an order it sees open cannot close that order in the same run).
   */
  record(v: View, refused: boolean): { issued: number; vouchers: OVoucher[]; byKey: Map<string, number> } {
    const inView = new Set(v.rows.map((x) => x.row.id));
    const vs = this.vouchers(v);
    let issued = 0;
    const byKey = new Map<string, number>();
    if (!refused) {
      for (const vo of vs) {
        if (!vo.final || !vo.orders.some((o) => inView.has(o.id))) continue;
        const inFen = vo.orders.reduce((t, o) => t + (this.paid.get(o.id)?.fen ?? 0), 0);
        const mine = new Set(vo.orders.map((o) => o.id));
        let outFen = 0;
        for (const [id, p] of this.paid) if (!mine.has(id) && p.key === vo.key) outFen += p.fen;
        const due = Math.min(vo.amountFen, 50000 - outFen);
        const issue = Math.max(0, due - inFen);
        if (issue > 0) {
          // Shares as §1.4a: in paid order, each its own amount while the voucher's money lasts.
          let left = due;
          for (const o of vo.orders) {
            const share = Math.min(o.fen, left);
            left -= share;
            this.paid.set(o.id, { fen: share, key: vo.key });
          }
          const bk = `${vo.rules}|${vo.buyer}`;
          const ws = this.recorded.get(bk) ?? [];
          if (!ws.some((w) => w.start === vo.orders[0]!.paidAt)) ws.push({ start: vo.orders[0]!.paidAt, firstId: vo.orders[0]!.id });
          this.recorded.set(bk, ws);
          issued += issue;
          // Keyed as the run names a voucher: its orders the downloads hold (the others are paid where they were).
          const ik = `${vo.rules}|${vo.buyer}|${vo.orders.filter((o) => inView.has(o.id)).map((o) => o.id).sort().join(',')}`;
          byKey.set(ik, (byKey.get(ik) ?? 0) + issue);
          this.total += issue;
          this.log.push(`${new Date(v.asOf + 8 * H).toISOString().slice(0, 16)} ${vo.key} {${vo.orders.map((o) => o.id.slice(-3)).join(',')}} ${(vo.amountFen / 100).toFixed(2)} issue ${(issue / 100).toFixed(2)}`);
        }
      }
    }
    // Sightings (§1.1): a file's own time = its latest pay or ship time over the orders taken from it.
    const fileTime = new Map<string, number>();
    for (const { row: r, file } of v.rows) {
      for (const t of [r.paidAt, r.shipAt]) if (t !== null && t <= v.asOf) fileTime.set(file, Math.max(fileTime.get(file) ?? 0, t));
    }
    for (const { row: r, file } of v.rows) {
      if (r.paidAt === null || r.paidAt > v.asOf) continue;
      if (r.shipAt !== null) {
        this.sightings.delete(r.id);
        continue;
      }
      if (r.closed || v.asOf <= deadline(r)) continue;
      const s = Math.min(v.asOf, fileTime.get(file) ?? 0);
      if (s > deadline(r)) this.sightings.set(r.id, Math.max(this.sightings.get(r.id) ?? 0, s));
    }
    for (const { row: r } of v.rows) this.seen.set(r.id, r);
    return { issued, vouchers: vs, byKey };
  }
}
