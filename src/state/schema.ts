// The state database's schema, as a list of forward migrations. The version lives in SQLite's
// `PRAGMA user_version`; `PRAGMA application_id` marks the file as ours so a stranger's SQLite
// file given by mistake to --state is refused, never "migrated".
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';

/** 'SOPS' as a 32-bit big-endian integer: the application_id of every storeops state database. */
export const APPLICATION_ID = 0x534f5053;

/** What a voucher pays for: the late-shipment voucher of a window, or an unkept delivery promise (RULES 1.2). */
export const VOUCHER_KINDS = ['voucher', 'delivery_promise'] as const;

/**
 * How a voucher holds each of its orders: `paid` (the one voucher that pays this order for this
 * kind: at most one per order and kind, enforced by a UNIQUE index), `reissue` (recorded on purpose
 * with --reissue although the order was already paid), `legacy_duplicate` (recorded twice by a
 * storeops before schema 3, kept as found so the ledger still shows what was paid).
 */
export const CLAIMS = ['paid', 'reissue', 'legacy_duplicate'] as const;

export const REVIEW_STATUSES = ['new', 'contacted', 'awaiting_reply', 'resolved', 'complaint_filed', 'do_not_contact'] as const;

export interface Migration {
  /** The version the database has after this step. */
  to: number;
  what: string;
  up(db: BetterSqlite3.Database): void;
}

/**
 * Each step takes the schema from `to - 1` to `to`. Steps are never edited once released: a new
 * need is a new step, so every older file can be brought forward one step at a time.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    to: 1,
    what: 'recorded vouchers',
    up(db) {
      // v1 (storeops 0.0.x) kept the order ids of a voucher ';'-joined in one text column.
      db.exec(`
        CREATE TABLE vouchers (
          voucher_key  TEXT PRIMARY KEY,
          buyer        TEXT NOT NULL,
          rules        TEXT NOT NULL,
          order_ids    TEXT NOT NULL,
          amount       TEXT NOT NULL,
          window_start INTEGER,
          recorded_at  INTEGER NOT NULL
        );
      `);
    },
  },
  {
    to: 2,
    what: 'review contact log; voucher order ids as a JSON array',
    up(db) {
      // Order ids are digits only on every platform we read, but an operator-typed id with a ';'
      // in it would have been split wrongly; JSON keeps any id exactly.
      const rows = db.prepare('SELECT voucher_key AS k, order_ids AS ids FROM vouchers').all() as Array<{ k: string; ids: string }>;
      const upd = db.prepare('UPDATE vouchers SET order_ids = ? WHERE voucher_key = ?');
      for (const r of rows) {
        const ids = r.ids === '' ? [] : r.ids.split(';').map((s) => s.trim()).filter((s) => s !== '');
        upd.run(JSON.stringify(ids), r.k);
      }
      const statuses = REVIEW_STATUSES.map((s) => `'${s}'`).join(', ');
      db.exec(`
        CREATE INDEX vouchers_recorded_at ON vouchers (recorded_at);
        CREATE TABLE contacts (
          id       INTEGER PRIMARY KEY AUTOINCREMENT,
          order_id TEXT NOT NULL,
          at       INTEGER NOT NULL,
          status   TEXT NOT NULL CHECK (status IN (${statuses})),
          channel  TEXT,
          note     TEXT,
          who      TEXT
        );
        CREATE INDEX contacts_order ON contacts (order_id, at, id);
      `);
    },
  },
  {
    to: 3,
    what: 'one paying voucher per order and kind, whatever the rule set; re-issues recorded as such',
    up(db) {
      // Before v3 the "already paid" check read the ledger outside the write transaction and only
      // within one rule set, so two runs (or two rule sets) could pay an order twice. From v3 the
      // database itself refuses it: voucher_orders holds one row per (voucher, order), and a
      // partial UNIQUE index allows one `paid` claim per (order, kind).
      const kinds = VOUCHER_KINDS.map((s) => `'${s}'`).join(', ');
      const claims = CLAIMS.map((s) => `'${s}'`).join(', ');
      db.exec(`
        ALTER TABLE vouchers ADD COLUMN kind TEXT NOT NULL DEFAULT 'voucher' CHECK (kind IN (${kinds}));
        ALTER TABLE vouchers ADD COLUMN reissue_of TEXT;
        CREATE TABLE voucher_orders (
          voucher_key TEXT NOT NULL REFERENCES vouchers (voucher_key),
          order_id    TEXT NOT NULL,
          kind        TEXT NOT NULL CHECK (kind IN (${kinds})),
          claim       TEXT NOT NULL CHECK (claim IN (${claims})),
          PRIMARY KEY (voucher_key, order_id)
        );
        CREATE UNIQUE INDEX voucher_orders_paid_once ON voucher_orders (order_id, kind) WHERE claim = 'paid';
        CREATE INDEX voucher_orders_order ON voucher_orders (order_id, kind);
      `);
      // Backfill, oldest first: the first voucher holding an order pays it; a later one found
      // holding it too is kept as a legacy duplicate (the ledger must still show what was paid).
      // A v2 ledger did not store the kind: a delivery-promise voucher is the one whose key is the
      // promise key of its single order (the key formula of storeops 0.1, frozen here).
      const rows = db.prepare('SELECT voucher_key AS k, rules, order_ids AS ids FROM vouchers ORDER BY recorded_at, voucher_key').all() as Array<{ k: string; rules: string; ids: string }>;
      const setKind = db.prepare("UPDATE vouchers SET kind = 'delivery_promise' WHERE voucher_key = ?");
      const taken = db.prepare("SELECT 1 FROM voucher_orders WHERE order_id = ? AND kind = ? AND claim = 'paid'").pluck();
      const claim = db.prepare('INSERT OR IGNORE INTO voucher_orders (voucher_key, order_id, kind, claim) VALUES (?, ?, ?, ?)');
      for (const r of rows) {
        let ids: unknown;
        try {
          ids = JSON.parse(r.ids);
        } catch {
          ids = null;
        }
        if (!Array.isArray(ids)) continue; // damaged row: reported when listed, never guessed at here
        const list = ids.filter((x): x is string => typeof x === 'string');
        const promiseKey = list.length === 1 ? 'v' + createHash('sha256').update(`${r.rules}|delivery_promise|${list[0]}`).digest('hex').slice(0, 20) : '';
        const kind = promiseKey === r.k ? 'delivery_promise' : 'voucher';
        if (kind === 'delivery_promise') setKind.run(r.k);
        for (const id of list) claim.run(r.k, id, kind, taken.get(id, kind) ? 'legacy_duplicate' : 'paid');
      }
    },
  },
  {
    to: 4,
    what: 'what --notify has told each group robot',
    up(db) {
      // target = kind + a hash of the robot URL (the URL is a credential and is never stored);
      // item_key = what was posted (a voucher key, an at-risk order and its state, a review, a roster).
      db.exec(`
        CREATE TABLE notified (
          target   TEXT NOT NULL,
          item_key TEXT NOT NULL,
          sent_at  INTEGER NOT NULL,
          PRIMARY KEY (target, item_key)
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    to: 5,
    what: 'the part of a voucher already paid by the vouchers it takes over',
    up(db) {
      // A buyer's window that grew after it was recorded (a late order found later, a corrected
      // export) is a new voucher holding orders an earlier one paid. What it took over from each
      // earlier voucher is `covered`, a JSON object of exact decimal texts by voucher key
      // (`{"v1a2…": "100.00"}`; NULL for an ordinary voucher): the shop issues only amount − the
      // sum, the ledger's total counts only that, and an earlier payment is taken over once.
      db.exec('ALTER TABLE vouchers ADD COLUMN covered TEXT;');
    },
  },
  {
    to: 6,
    what: 'the buyer of each review contact',
    up(db) {
      // RULES 2.2: the contact limits (do_not_contact, attempts, the gap) count per buyer, across
      // runs that read different review files, so each contact records whom it was with (the
      // buyer's nick; NULL when not known). Contacts recorded before v6 keep NULL: never guessed.
      db.exec(`
        ALTER TABLE contacts ADD COLUMN buyer TEXT;
        CREATE INDEX contacts_buyer ON contacts (buyer, at) WHERE buyer IS NOT NULL;
      `);
    },
  },
  {
    to: 7,
    what: "a buyer's recorded vouchers by rule set, kind and window start",
    up(db) {
      // RULES 1.2 / 1.3 第十二条: each voucher recorded looks up the buyer's vouchers of the same
      // rule set and kind recorded for the same day (or 24-hour window): they share the cap. Without
      // this index every lookup read the whole table (20 000 vouchers took 48 s to record).
      db.exec('CREATE INDEX vouchers_buyer_window ON vouchers (buyer, rules, kind, window_start);');
    },
  },
  {
    to: 8,
    what: 'what each order of a voucher came to when it was recorded',
    up(db) {
      // A voucher R that took over another voucher J's orders and issued money of its own: only
      // the orders' shares tell whether that money paid J's orders again or R's other orders (a cap
      // share J's money gave another day is then owed again). `shares` is a JSON object of exact
      // decimal texts by order id (`{"1001": "300.00"}`), as the export priced each order alone when
      // the row was recorded. Rows recorded before v8 keep NULL: never guessed (the ledger then
      // takes any money R issued as paying J's orders again, which errs short, never twice).
      db.exec('ALTER TABLE vouchers ADD COLUMN shares TEXT;');
    },
  },
  {
    to: 9,
    what: 'the shop of each voucher',
    up(db) {
      // RULES 1.2 / 1.3 第十二条: a buyer's cap is per shop, and two shops may record into one file.
      // `shop` is the shop the voucher's orders name (Taobao/Tmall 店铺Id, else 店铺名称); NULL when
      // the export names none. Vouchers recorded before v9 keep NULL: never guessed. A voucher
      // without a shop counts toward every shop's cap of its buyer (ledger.ts recordVouchers): it
      // may be that shop's, and leaving it out could pay the buyer past the cap twice over; counted,
      // a shop may be told short of its own cap, which the run says (state/conflicts.ts reportCapped).
      // Still paid once per order whatever the shop (voucher_orders_paid_once).
      db.exec('ALTER TABLE vouchers ADD COLUMN shop TEXT;');
    },
  },
  {
    to: 10,
    what: "how each voucher's shop was named, and which 店铺Id goes with which 店铺名称",
    up(db) {
      // A shop's exports may name it by 店铺Id in one run and only by 店铺名称 in another (an export
      // variant without the 店铺Id column): per-shop caps kept per shop text were then not shared,
      // and a buyer could be paid past the cap. `shop_kind` is 'id' or 'name' (NULL: recorded before
      // v10, never guessed from how the text looks; filled in once a run names the same text, by
      // text: vouchers_shop finds them); `shop_names` holds the
      // pairs seen on one export row. A 店铺名称 no pair links to an 店铺Id may be that shop: it
      // shares the cap (ledger.ts recordVouchers), short, never twice.
      db.exec(`
        ALTER TABLE vouchers ADD COLUMN shop_kind TEXT;
        CREATE INDEX vouchers_shop ON vouchers (shop, shop_kind) WHERE shop IS NOT NULL;
        CREATE TABLE shop_names (
          shop_id   TEXT NOT NULL,
          shop_name TEXT NOT NULL,
          PRIMARY KEY (shop_id, shop_name)
        );
      `);
    },
  },
  {
    to: 11,
    what: 'the buyer each voucher was last seen under',
    up(db) {
      // docs/rules.md §1.7: a recorded voucher a later export holds again as another buyer's (the
      // same orders: the same key; a nick corrected, or orders swapped) is that buyer's, and its
      // money counts toward that buyer's cap. `buyer` stays as recorded (what was issued, to whom);
      // `buyer_now` is the buyer the latest recording run that held it put it under, when another
      // (NULL: as recorded); read while a run's exports show none of its orders (ledger.ts group).
      // Without it a run not holding the voucher (its orders lacking) counted
      // its money toward the recorded buyer's cap, and the buyer it was last seen under was paid
      // that cap again (reissue-paths3 seed 158). Vouchers recorded before v11 keep NULL: never guessed.
      db.exec(`
        ALTER TABLE vouchers ADD COLUMN buyer_now TEXT;
        CREATE INDEX vouchers_buyer_now ON vouchers (buyer_now, rules, kind, window_start) WHERE buyer_now IS NOT NULL;
      `);
    },
  },
  {
    to: 12,
    what: 'late orders a recording run saw still open and unshipped',
    up(db) {
      // RULES 1.1 (docs/rules.md §1.1): a closed order that never shipped and whose close time the
      // export does not give cannot be judged. But a --record run that judged it late and unshipped
      // (a provisional voucher, never recorded) saw it open after its deadline: it closed after that.
      // One row per order (and platform: ids are the platform's), updated, not one per run: `seen_at`
      // is the latest --as-of at which a recording run saw it open, unshipped, past `deadline` (that
      // run's); `shop` as the export named it (店铺Id, else 店铺名称; NULL: none). Read by any later run
      // meeting the order closed, never shipped, close time unknown (compensation/judge.ts seenOpen).
      // Ledgers before v12 saw nothing: never guessed.
      db.exec(`
        CREATE TABLE sightings (
          order_id TEXT NOT NULL,
          platform TEXT NOT NULL,
          shop     TEXT,
          deadline INTEGER NOT NULL,
          seen_at  INTEGER NOT NULL,
          PRIMARY KEY (order_id, platform)
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    to: 13,
    what: 'sightings of the lines of an order priced line by line',
    up(db) {
      // RULES 1.3 (tmall-2026, an item report 宝贝报表): each sub-order is priced on its own, and a
      // closed line that never shipped is left out. A sighting of the order cannot say which of its
      // lines were open (rev28: a line already closed then was priced from it). From v13 a run judging
      // an order line by line keeps one row per line seen open and unshipped past that line's deadline,
      // `line_id` its 子订单编号; '' is the order as one (every other export, as in v12; a 子订单编号 is
      // never empty). SQLite cannot change a primary key in place: the table is made anew and v12's
      // rows copied over as order rows (line_id ''), unchanged.
      db.exec(`
        CREATE TABLE sightings_13 (
          order_id TEXT NOT NULL,
          platform TEXT NOT NULL,
          line_id  TEXT NOT NULL DEFAULT '',
          shop     TEXT,
          deadline INTEGER NOT NULL,
          seen_at  INTEGER NOT NULL,
          PRIMARY KEY (order_id, platform, line_id)
        ) WITHOUT ROWID;
        INSERT INTO sightings_13 (order_id, platform, line_id, shop, deadline, seen_at)
          SELECT order_id, platform, '', shop, deadline, seen_at FROM sightings;
        DROP TABLE sightings;
        ALTER TABLE sightings_13 RENAME TO sightings;
      `);
    },
  },
  {
    to: 14,
    what: 'late orders of provisional vouchers, shipped, not recorded',
    up(db) {
      // README "Pruning the exports folder": a late order that shipped while its voucher was still
      // provisional (its buyer's day, or 24-hour window, has another order unshipped) is recorded
      // nowhere: no sighting (no run saw it unshipped past its deadline), no voucher (provisional
      // ones are not recorded). Once its only export was pruned its share was never paid and nothing
      // was said. One row per such order and platform, rewritten by each --record run that judges it
      // so: `shop` as the export named it (NULL: none), the rule set, its deadline, its (latest) ship
      // time, `share` what its late lines came to alone (exact decimal text, before the cap), `seen_at`
      // that run's --as-of. A run none of whose inputs holds it names it (compensation/run.ts
      // lateAbsentWarning); a row goes once a run reads the order and finds no provisional voucher
      // holding it (unless the voucher is a conflict or held: not recorded), or a recorded voucher
      // pays it. No buyer is kept: naming it needs none. Ledgers before v14 kept none: never guessed.
      db.exec(`
        CREATE TABLE provisional_late (
          order_id   TEXT NOT NULL,
          platform   TEXT NOT NULL,
          shop       TEXT,
          rules      TEXT NOT NULL,
          deadline   INTEGER NOT NULL,
          shipped_at INTEGER NOT NULL,
          share      TEXT NOT NULL,
          seen_at    INTEGER NOT NULL,
          PRIMARY KEY (order_id, platform)
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    to: 15,
    what: 'review contacts logged as one conversation',
    up(db) {
      // RULES 2.2 (恶意骚扰): the cap limits how often a buyer is contacted, so one conversation about
      // several of a buyer's orders (`reviews log A B`) is one attempt. Each order keeps its own row
      // (the queue and ledger list show it contacted); `conversation` is the same on every row of one
      // conversation that covered several orders: the id of its first row. NULL: a contact about one
      // order, its own conversation — every row recorded before v15 (never guessed from the times).
      db.exec(`
        ALTER TABLE contacts ADD COLUMN conversation INTEGER;
        CREATE INDEX contacts_conversation ON contacts (conversation) WHERE conversation IS NOT NULL;
      `);
    },
  },
  {
    to: 16,
    what: 'the orders of each cap share, with where they were when it was counted',
    up(db) {
      // docs/rules.md §1.7: money a voucher (`taker`) counted toward its cap from another voucher of
      // its window holding none of its orders (`counted`: a cap share) is stale once the export puts
      // the counted voucher's orders out of the window. Telling that needs where each order was when
      // the share was counted: `holder`, the key of the voucher of the recording run holding it (one
      // it recorded, showed again, or only said: a conflict), '' when none did (on time, lacking).
      // A share's orders moved since (a voucher outside the taker's cap group holds one, under another
      // key) give that order's part of the counted voucher's money back to the voucher now holding it
      // (reissue-9217-step2.test.ts). Rows of ledgers before v16 are written with holder '?' (not
      // known: read as not moved, so a migrated ledger pays what it paid before).
      db.exec(`
        CREATE TABLE cap_share_orders (
          taker    TEXT NOT NULL,
          counted  TEXT NOT NULL,
          order_id TEXT NOT NULL,
          holder   TEXT NOT NULL,
          PRIMARY KEY (taker, counted, order_id)
        ) WITHOUT ROWID;
      `);
      const ids = db.prepare('SELECT order_ids FROM vouchers WHERE voucher_key = ?').pluck();
      const ins = db.prepare("INSERT OR IGNORE INTO cap_share_orders VALUES (?, ?, ?, '?')");
      for (const r of db.prepare('SELECT voucher_key, order_ids, covered FROM vouchers WHERE covered IS NOT NULL').all() as { voucher_key: string; order_ids: string; covered: string }[]) {
        const taker = r.voucher_key.split('+')[0]!;
        const mine = new Set(JSON.parse(r.order_ids) as string[]);
        for (const j of Object.keys(JSON.parse(r.covered) as Record<string, string>)) {
          const theirs = [...new Set(JSON.parse((ids.get(j) as string | undefined) ?? '[]') as string[])];
          if (theirs.length === 0 || theirs.some((id) => mine.has(id))) continue;
          for (const o of theirs) ins.run(taker, j, o);
        }
      }
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.to;
