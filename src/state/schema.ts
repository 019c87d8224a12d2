// The state database's schema, as a list of forward migrations. The version lives in SQLite's
// `PRAGMA user_version`; `PRAGMA application_id` marks the file as ours so a stranger's SQLite
// file given by mistake to --state is refused, never "migrated".
import type BetterSqlite3 from 'better-sqlite3';

/** 'SOPS' as a 32-bit big-endian integer: the application_id of every storeops state database. */
export const APPLICATION_ID = 0x534f5053;

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
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.to;
