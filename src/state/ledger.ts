// The state database (SPEC "State database"): one SQLite file, WAL mode, a busy timeout, recorded
// vouchers unique on voucherKey, and the review contact log. Every write is one transaction, so a
// run killed at any moment leaves the file as it was before or after that run, never between.
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { UsageError, msg } from '../cli/errors.js';
import { damagedError, foreignError, missingError, stateFailure, tooNewError } from './fail.js';
import { APPLICATION_ID, MIGRATIONS, REVIEW_STATUSES, SCHEMA_VERSION } from './schema.js';

export type ReviewStatus = 'new' | 'contacted' | 'awaiting_reply' | 'resolved' | 'complaint_filed' | 'do_not_contact';

export interface VoucherRecord {
  voucherKey: string;
  buyer: string;
  rules: string;
  orderIds: string[];
  /** Exact decimal text, e.g. "12.50". */
  amount: string;
  /** Epoch ms. */
  windowStart: number | null;
}

export interface ContactEntry {
  orderId: string;
  at: number;
  status: ReviewStatus;
  channel?: string;
  note?: string;
  who?: string;
}

export interface ContactSummary {
  orderId: string;
  status: ReviewStatus;
  attempts: number;
  lastContactAt: number | null;
  entries: ContactEntry[];
}

export interface StateDb {
  readonly path: string;
  /** Record all vouchers in ONE transaction; per key: 'new' if this call inserted it, 'already_recorded' if it existed. */
  recordVouchers(v: VoucherRecord[], recordedAt: number): Map<string, 'new' | 'already_recorded'>;
  /** Which of these keys are already recorded (read only). */
  recordedKeys(keys: string[]): Set<string>;
  logContact(c: ContactEntry): void;
  /** Contact history per order id (all orders when ids omitted). attempts = entries whose status is 'contacted' or 'awaiting_reply'; status = the latest entry's status. */
  contactHistory(orderIds?: string[]): Map<string, ContactSummary>;
  listVouchers(): Array<VoucherRecord & { recordedAt: number }>;
  /** Which of these item keys were already posted to this notify target (read only). */
  notifiedKeys(target: string, keys: string[]): Set<string>;
  /** Remember that these items were posted to this target (one transaction; repeats are kept once). */
  recordNotified(target: string, keys: string[], at: number): void;
  close(): void;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

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
 * With `create: false` a missing file is not created: the handle reads as empty (no vouchers, no
 * contacts) and any write throws StateError. An existing file is opened normally (and migrated).
 */
export async function openState(file: string, opts: { create?: boolean; busyTimeoutMs?: number } = {}): Promise<StateDb> {
  const create = opts.create ?? true;
  const busyMs = busyTimeout(opts.busyTimeoutMs);
  const abs = path.resolve(file);
  const fail = (e: unknown) => stateFailure(e, abs, busyMs);

  if (!fs.existsSync(abs)) {
    if (!create) return emptyState(abs);
    try {
      fs.mkdirSync(path.dirname(abs), { recursive: true, mode: 0o700 });
      // Created empty with 0600 first: SQLite gives the -wal and -shm files the database's mode.
      const fd = fs.openSync(abs, 'wx', 0o600);
      fs.closeSync(fd);
      fs.chmodSync(abs, 0o600);
    } catch (e) {
      // Another run created it a moment ago: fine, open theirs.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw fail(e);
    }
  }

  const Database = (await import('better-sqlite3')).default;
  let db: BetterSqlite3.Database;
  try {
    db = new Database(abs, { fileMustExist: true, timeout: busyMs });
  } catch (e) {
    throw fail(e);
  }
  try {
    prepare(db, abs);
    return new SqliteState(abs, db, busyMs);
  } catch (e) {
    try {
      db.close();
    } catch {
      // already failing; the first error is the one to report
    }
    throw fail(e);
  }
}

/** Checks the file read-only first, then switches to WAL and migrates under the write lock. */
function prepare(db: BetterSqlite3.Database, file: string): void {
  // Reads only until we know the file is sound and ours: a damaged file is never written to.
  // One read transaction, so a run migrating the file at this moment is seen wholly or not at all.
  const version = db.transaction(() => {
    const check = db.pragma('quick_check(1)', { simple: true }) as string;
    if (check !== 'ok') throw damagedError(file, check);
    const appId = db.pragma('application_id', { simple: true }) as number;
    const v = db.pragma('user_version', { simple: true }) as number;
    if (v > SCHEMA_VERSION && appId === APPLICATION_ID) throw tooNewError(file, v, SCHEMA_VERSION);
    if (appId !== 0 && appId !== APPLICATION_ID) throw foreignError(file);
    if (appId === 0) {
      const objects = (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
      if (objects > 0 || v !== 0) throw foreignError(file);
    }
    return v;
  }).deferred();

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
  rules: string;
  order_ids: string;
  amount: string;
  window_start: number | null;
  recorded_at: number;
}

interface ContactRow {
  order_id: string;
  at: number;
  status: ReviewStatus;
  channel: string | null;
  note: string | null;
  who: string | null;
}

class SqliteState implements StateDb {
  private readonly insertVoucher: BetterSqlite3.Statement;
  private readonly selectKeys: BetterSqlite3.Statement;
  private readonly insertContact: BetterSqlite3.Statement;
  private readonly selectNotified: BetterSqlite3.Statement;
  private readonly insertNotified: BetterSqlite3.Statement;

  constructor(
    readonly path: string,
    private readonly db: BetterSqlite3.Database,
    private readonly busyMs: number,
  ) {
    this.insertVoucher = db.prepare(
      `INSERT INTO vouchers (voucher_key, buyer, rules, order_ids, amount, window_start, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (voucher_key) DO NOTHING`,
    );
    this.selectKeys = db.prepare('SELECT voucher_key AS k FROM vouchers WHERE voucher_key IN (SELECT value FROM json_each(?))').pluck();
    this.insertContact = db.prepare('INSERT INTO contacts (order_id, at, status, channel, note, who) VALUES (?, ?, ?, ?, ?, ?)');
    this.selectNotified = db.prepare('SELECT item_key FROM notified WHERE target = ? AND item_key IN (SELECT value FROM json_each(?))').pluck();
    this.insertNotified = db.prepare('INSERT INTO notified (target, item_key, sent_at) VALUES (?, ?, ?) ON CONFLICT (target, item_key) DO NOTHING');
  }

  notifiedKeys(target: string, keys: string[]): Set<string> {
    if (keys.length === 0) return new Set();
    return this.guard(() => new Set(this.selectNotified.all(target, JSON.stringify(keys)) as string[]));
  }

  recordNotified(target: string, keys: string[], at: number): void {
    checkTime(at, 'at');
    if (keys.length === 0) return;
    this.guard(() =>
      this.db
        .transaction(() => {
          for (const k of keys) this.insertNotified.run(target, k, at);
        })
        .immediate(),
    );
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw stateFailure(e, this.path, this.busyMs);
    }
  }

  recordVouchers(vouchers: VoucherRecord[], recordedAt: number): Map<string, 'new' | 'already_recorded'> {
    for (const v of vouchers) checkVoucher(v);
    checkTime(recordedAt, 'recordedAt');
    return this.guard(() =>
      // IMMEDIATE: take the write lock before reading, so two runs cannot both see a key as new.
      this.db
        .transaction(() => {
          const out = new Map<string, 'new' | 'already_recorded'>();
          for (const v of vouchers) {
            // A key given twice in one call is recorded once; its first answer stands.
            if (out.has(v.voucherKey)) continue;
            const r = this.insertVoucher.run(v.voucherKey, v.buyer, v.rules, JSON.stringify(v.orderIds), v.amount, v.windowStart, recordedAt);
            out.set(v.voucherKey, r.changes === 1 ? 'new' : 'already_recorded');
          }
          return out;
        })
        .immediate(),
    );
  }

  recordedKeys(keys: string[]): Set<string> {
    if (keys.length === 0) return new Set();
    return this.guard(() => new Set(this.selectKeys.all(JSON.stringify(keys)) as string[]));
  }

  logContact(c: ContactEntry): void {
    checkContact(c);
    this.guard(() =>
      this.db
        .transaction(() => this.insertContact.run(c.orderId, c.at, c.status, c.channel ?? null, c.note ?? null, c.who ?? null))
        .immediate(),
    );
  }

  contactHistory(orderIds?: string[]): Map<string, ContactSummary> {
    if (orderIds && orderIds.length === 0) return new Map();
    const cols = 'order_id, at, status, channel, note, who';
    const rows = this.guard(() =>
      orderIds
        ? this.db.prepare(`SELECT ${cols} FROM contacts WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, at, id`).all(JSON.stringify(orderIds))
        : this.db.prepare(`SELECT ${cols} FROM contacts ORDER BY order_id, at, id`).all(),
    ) as ContactRow[];
    return summarise(rows);
  }

  listVouchers(): Array<VoucherRecord & { recordedAt: number }> {
    const rows = this.guard(() => this.db.prepare('SELECT * FROM vouchers ORDER BY recorded_at, voucher_key').all()) as VoucherRow[];
    return rows.map((r) => ({
      voucherKey: r.voucher_key,
      buyer: r.buyer,
      rules: r.rules,
      orderIds: parseIds(r.order_ids, this.path),
      amount: r.amount,
      windowStart: r.window_start,
      recordedAt: r.recorded_at,
    }));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
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
      s = { orderId: r.order_id, status: r.status, attempts: 0, lastContactAt: null, entries: [] };
      out.set(r.order_id, s);
    }
    const e: ContactEntry = { orderId: r.order_id, at: r.at, status: r.status };
    if (r.channel !== null) e.channel = r.channel;
    if (r.note !== null) e.note = r.note;
    if (r.who !== null) e.who = r.who;
    s.entries.push(e);
    s.status = r.status;
    if (ATTEMPT_STATUSES.has(r.status)) {
      s.attempts++;
      // The time of the last actual attempt (a 'resolved' entry is not a contact).
      s.lastContactAt = r.at;
    }
  }
  return out;
}

function checkVoucher(v: VoucherRecord): void {
  if (typeof v.voucherKey !== 'string' || v.voucherKey === '') throw new TypeError('voucherKey must be a non-empty string');
  if (!AMOUNT_RE.test(v.amount)) throw new TypeError(`voucher ${v.voucherKey}: amount must be exact decimal text, got ${JSON.stringify(v.amount)}`);
  if (!Array.isArray(v.orderIds) || !v.orderIds.every((x) => typeof x === 'string')) throw new TypeError(`voucher ${v.voucherKey}: orderIds must be strings`);
  if (v.windowStart !== null) checkTime(v.windowStart, 'windowStart');
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
    recordedKeys: () => new Set(),
    logContact: () => {
      throw missingError(file);
    },
    contactHistory: () => new Map(),
    listVouchers: () => [],
    notifiedKeys: () => new Set(),
    recordNotified: () => {
      throw missingError(file);
    },
    close: () => undefined,
  };
}
