// The state database API in one process: schema, idempotence, contact history, migrations, refusals.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StateError, UsageError } from '../../src/errors.js';
import { type AmountChange, type VoucherRecord, busyTimeout, openState } from '../../src/state/ledger.js';
import { APPLICATION_ID, SCHEMA_VERSION } from '../../src/state/schema.js';
import { tmpDir } from '../helpers.js';

const v = (key: string, amount = '12.50', orderIds = ['4001', '4002']): VoucherRecord => ({
  voucherKey: key,
  buyer: 'tb_buyer1',
  rules: 'tmall-2023',
  orderIds,
  amount,
  windowStart: Date.UTC(2026, 10, 20, 6, 0, 0),
});

const T1 = Date.UTC(2026, 10, 21, 1, 0, 0);
const T2 = Date.UTC(2026, 10, 21, 2, 0, 0);

async function rejects(p: Promise<unknown>): Promise<StateError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(StateError);
    return e as StateError;
  }
  throw new Error('expected a StateError');
}

describe('creating the database', () => {
  it('creates the folder, the file with mode 0600, WAL mode and the current schema', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'a', 'b', 'state.db');
    const db = await openState(file);
    expect(db.path).toBe(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    db.recordVouchers([v('k1')], T1);
    // While open in WAL mode the -wal file exists and inherits the database's mode.
    expect(fs.statSync(file + '-wal').mode & 0o777).toBe(0o600);
    db.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    raw.close();
  });

  it('create:false on a missing file reads as empty and creates nothing', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'sub', 'state.db');
    const db = await openState(file, { create: false });
    expect(db.listVouchers()).toEqual([]);
    expect(db.recordedKeys(['k1'])).toEqual(new Set());
    expect(db.contactHistory(['1'])).toEqual(new Map());
    expect(() => db.recordVouchers([v('k1')], T1)).toThrow(StateError);
    expect(() => db.logContact({ orderId: '1', at: T1, status: 'contacted' })).toThrow(StateError);
    db.close();
    expect(fs.existsSync(path.join(dir, 'sub'))).toBe(false);
  });

  it('busy timeout: option, else STOREOPS_BUSY_TIMEOUT_MS, else 5000; a bad value is a usage error', () => {
    expect(busyTimeout(undefined, {})).toBe(5000);
    expect(busyTimeout(undefined, { STOREOPS_BUSY_TIMEOUT_MS: '250' })).toBe(250);
    expect(busyTimeout(100, { STOREOPS_BUSY_TIMEOUT_MS: '250' })).toBe(100);
    expect(() => busyTimeout(undefined, { STOREOPS_BUSY_TIMEOUT_MS: '5s' })).toThrow(UsageError);
  });
});

describe('recording vouchers', () => {
  it('a recorded voucher found at another amount: more is recorded only as a top-up the caller asks for; less is only reported', async () => {
    const db = await openState(path.join(tmpDir(), 'state.db'));
    db.recordVouchers([v('k', '50.00'), v('m', '40.00', ['5001'])], T1);
    // 200.00 now: 150.00 more owed. Without --reissue nothing is recorded.
    const c1: AmountChange[] = [];
    expect([...db.recordVouchers([v('k', '200.00')], T2, { changes: c1 })]).toEqual([['k', 'amount_changed']]);
    expect(c1).toEqual([{ voucherKey: 'k', orderIds: ['4001', '4002'], recorded: '50.00', now: '200.00', owed: '150.00', toppedUp: false }]);
    // --reissue naming only one of its two orders is not enough.
    expect([...db.recordVouchers([v('k', '200.00')], T2, { reissue: (id) => id === '4001' })]).toEqual([['k', 'amount_changed']]);
    // Both orders: the 150.00 is recorded as k+1, re-issuing k.
    const c2: AmountChange[] = [];
    expect([...db.recordVouchers([v('k', '200.00')], T2, { reissue: () => true, changes: c2 })]).toEqual([['k', 'topped_up']]);
    expect(c2[0]!.toppedUp).toBe(true);
    // 50.00 + 150.00 = 200.00: the next run finds it recorded; 260.00 later: 60.00 more, as k+2.
    expect([...db.recordVouchers([v('k', '200.00')], T2)]).toEqual([['k', 'already_recorded']]);
    expect([...db.recordVouchers([v('k', '260.00')], T2, { reissue: () => true })]).toEqual([['k', 'topped_up']]);
    // Less than recorded (40.00 → 25.00): nothing can be taken back; reported, never topped up.
    const c3: AmountChange[] = [];
    expect([...db.recordVouchers([v('m', '25.00', ['5001'])], T2, { reissue: () => true, changes: c3 })]).toEqual([['m', 'amount_changed']]);
    expect(c3).toEqual([{ voucherKey: 'm', orderIds: ['5001'], recorded: '40.00', now: '25.00', owed: '0.00', toppedUp: false }]);
    expect(db.listVouchers().map((x) => [x.voucherKey, x.amount, x.reissueOf])).toEqual([
      ['k', '50.00', []],
      ['m', '40.00', []],
      ['k+1', '150.00', ['k']],
      ['k+2', '60.00', ['k']],
    ]);
    db.close();
  });

  it('is idempotent: a re-run marks recorded keys already_recorded and keeps the first record', async () => {
    const file = path.join(tmpDir(), 'state.db');
    const db = await openState(file);
    const first = db.recordVouchers([v('k1'), v('k2', '30.00', ['4003'])], T1);
    expect([...first]).toEqual([
      ['k1', 'new'],
      ['k2', 'new'],
    ]);
    // The hourly cron run again: k1, k2 were paid; only k3 is new. k2's amount in the re-run
    // differs: the record made at T1 stands (we never pay twice nor rewrite what was paid), and the
    // change is reported (99.00 − 30.00 = 69.00 more owed), not passed off as already recorded.
    const changes: AmountChange[] = [];
    const second = db.recordVouchers([v('k2', '99.00', ['4003']), v('k1'), v('k3', '5.00', ['4009'])], T2, { changes });
    expect([...second]).toEqual([
      ['k2', 'amount_changed'],
      ['k1', 'already_recorded'],
      ['k3', 'new'],
    ]);
    expect(changes).toEqual([{ voucherKey: 'k2', orderIds: ['4003'], recorded: '30.00', now: '99.00', owed: '69.00', toppedUp: false }]);
    db.close();

    const again = await openState(file);
    expect(again.listVouchers()).toEqual([
      { ...v('k1'), recordedAt: T1, kind: 'voucher', reissueOf: [], covered: '0.00' },
      { ...v('k2', '30.00', ['4003']), recordedAt: T1, kind: 'voucher', reissueOf: [], covered: '0.00' },
      { ...v('k3', '5.00', ['4009']), recordedAt: T2, kind: 'voucher', reissueOf: [], covered: '0.00' },
    ]);
    expect(again.recordedKeys(['k3', 'k4', 'k1'])).toEqual(new Set(['k3', 'k1']));
    expect(again.recordedKeys([])).toEqual(new Set());
    again.close();
  });

  it('a key given twice in one call is recorded once and answered new', async () => {
    const db = await openState(path.join(tmpDir(), 'state.db'));
    expect([...db.recordVouchers([v('k1'), v('k1', '1.00')], T1)]).toEqual([['k1', 'new']]);
    expect(db.listVouchers().map((r) => r.amount)).toEqual(['12.50']);
    db.close();
  });

  it('refuses an amount that is not exact decimal text, recording nothing', async () => {
    const db = await openState(path.join(tmpDir(), 'state.db'));
    expect(() => db.recordVouchers([v('k1'), { ...v('k2'), amount: '1e3' }], T1)).toThrow(TypeError);
    expect(db.listVouchers()).toEqual([]);
    db.close();
  });
});

describe('review contact history', () => {
  it('attempts count contacted/awaiting_reply entries; status is the latest entry; lastContactAt the latest attempt', async () => {
    const db = await openState(path.join(tmpDir(), 'state.db'));
    const h = (n: number) => Date.UTC(2026, 10, 21, n);
    // Logged out of time order on purpose: history is ordered by time.
    db.logContact({ orderId: '500', at: h(3), status: 'awaiting_reply', channel: 'phone', who: 'xiaoli' });
    db.logContact({ orderId: '500', at: h(1), status: 'contacted', channel: 'wangwang', note: '已道歉' });
    db.logContact({ orderId: '500', at: h(5), status: 'resolved', note: '补发' });
    db.logContact({ orderId: '600', at: h(2), status: 'do_not_contact' });
    expect(() => db.logContact({ orderId: '600', at: h(2), status: 'bogus' as never })).toThrow(TypeError);

    const all = db.contactHistory();
    expect([...all.keys()]).toEqual(['500', '600']);
    // Order 500: entries at 1h (contacted), 3h (awaiting_reply), 5h (resolved) → attempts 2,
    // status resolved, lastContactAt = 3h (the resolved entry is not a contact).
    // resolvedAt = 5h (the resolved entry); never stopped, no complaint, no buyer recorded.
    expect(all.get('500')).toEqual({
      orderId: '500',
      status: 'resolved',
      attempts: 2,
      lastContactAt: h(3),
      stoppedAt: null,
      resolvedAt: h(5),
      complaintFiled: false,
      buyer: null,
      entries: [
        { orderId: '500', at: h(1), status: 'contacted', channel: 'wangwang', note: '已道歉' },
        { orderId: '500', at: h(3), status: 'awaiting_reply', channel: 'phone', who: 'xiaoli' },
        { orderId: '500', at: h(5), status: 'resolved', note: '补发' },
      ],
    });
    expect(all.get('600')).toEqual({
      orderId: '600',
      status: 'do_not_contact',
      attempts: 0,
      lastContactAt: null,
      stoppedAt: h(2),
      resolvedAt: null,
      complaintFiled: false,
      buyer: null,
      entries: [{ orderId: '600', at: h(2), status: 'do_not_contact' }],
    });
    expect([...db.contactHistory(['600', '999']).keys()]).toEqual(['600']);
    expect(db.contactHistory([])).toEqual(new Map());
    db.close();
  });
});

/** A schema-v1 file as storeops 0.0.x wrote it: vouchers only, order ids ';'-joined. */
function makeV1(file: string): void {
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.exec(`
    CREATE TABLE vouchers (voucher_key TEXT PRIMARY KEY, buyer TEXT NOT NULL, rules TEXT NOT NULL,
      order_ids TEXT NOT NULL, amount TEXT NOT NULL, window_start INTEGER, recorded_at INTEGER NOT NULL);
    INSERT INTO vouchers VALUES ('old1', 'tb_a', 'tmall-2023', '1001;1002', '20.00', 1763604000000, 1763690400000);
    INSERT INTO vouchers VALUES ('old2', 'tb_b', 'tmall-2023', '1003', '5.00', NULL, 1763690400000);
  `);
  raw.pragma(`application_id = ${APPLICATION_ID}`);
  raw.pragma('user_version = 1');
  raw.close();
}

describe('schema versions', () => {
  it('migrates a v1 database forward, keeping every voucher', async () => {
    const file = path.join(tmpDir(), 'state.db');
    makeV1(file);
    const db = await openState(file);
    expect(db.listVouchers()).toEqual([
      { voucherKey: 'old1', kind: 'voucher', buyer: 'tb_a', rules: 'tmall-2023', orderIds: ['1001', '1002'], amount: '20.00', windowStart: 1763604000000, recordedAt: 1763690400000, reissueOf: [], covered: '0.00' },
      { voucherKey: 'old2', kind: 'voucher', buyer: 'tb_b', rules: 'tmall-2023', orderIds: ['1003'], amount: '5.00', windowStart: null, recordedAt: 1763690400000, reissueOf: [], covered: '0.00' },
    ]);
    // v2 added the contact log and kept uniqueness on voucherKey.
    db.logContact({ orderId: '1001', at: T1, status: 'contacted' });
    expect(db.contactHistory().get('1001')?.attempts).toBe(1);
    expect(db.recordVouchers([v('old1', '20.00'), v('new1')], T2)).toEqual(
      new Map([
        ['old1', 'already_recorded'],
        ['new1', 'new'],
      ]),
    );
    db.close();
    const raw = new Database(file, { readonly: true });
    // Every step up to the latest (v3: one paying voucher per order and kind; v4: the notify ledger).
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    raw.close();
  });

  it('refuses a database from a newer storeops and leaves it byte for byte', async () => {
    const file = path.join(tmpDir(), 'state.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (x)');
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    const e = await rejects(openState(file));
    expect(e.exitCode).toBe(4);
    expect(e.text.en).toBe(
      `state database ${file} was written by a newer storeops (schema version ${SCHEMA_VERSION + 1}; this storeops knows up to ${SCHEMA_VERSION}); it was left untouched`,
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses an SQLite file that is not a storeops state database', async () => {
    const file = path.join(tmpDir(), 'other.db');
    const raw = new Database(file);
    raw.exec("CREATE TABLE customers (name TEXT); INSERT INTO customers VALUES ('x')");
    raw.close();
    const before = fs.readFileSync(file);
    const e = await rejects(openState(file));
    expect(e.exitCode).toBe(4);
    expect(e.text.en).toBe(`${file} is an SQLite file but not a storeops state database; it was left untouched`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('a damaged file', () => {
  async function filledDb(file: string): Promise<void> {
    const db = await openState(file);
    const many = Array.from({ length: 3000 }, (_, i) => v(`key-${String(i).padStart(5, '0')}`, '10.00', [`${7000000 + i}`]));
    db.recordVouchers(many, T1);
    db.close();
  }

  it('random bytes: exit 4 and the file is not touched', async () => {
    const file = path.join(tmpDir(), 'state.db');
    const junk = crypto.randomBytes(16384);
    fs.writeFileSync(file, junk);
    const e = await rejects(openState(file));
    expect(e.exitCode).toBe(4);
    expect(e.text.en).toMatch(new RegExp(`^the state database ${file} is not an SQLite database but (binary data of another kind|a text file.*); it was left untouched$`));
    expect(fs.readFileSync(file).equals(junk)).toBe(true);
    expect(fs.existsSync(file + '-wal')).toBe(false);
  });

  it('a truncated database: exit 4 and the file is not touched', async () => {
    const file = path.join(tmpDir(), 'state.db');
    await filledDb(file);
    const whole = fs.readFileSync(file);
    const half = whole.subarray(0, Math.floor(whole.length / 2));
    fs.writeFileSync(file, half);
    const e = await rejects(openState(file));
    expect(e.exitCode).toBe(4);
    expect(e.text.en).toContain('is damaged or not an SQLite file');
    expect(fs.readFileSync(file).equals(half)).toBe(true);
  });

  it('a page overwritten in the middle: exit 4 and the file is not touched', async () => {
    const file = path.join(tmpDir(), 'state.db');
    await filledDb(file);
    const bytes = fs.readFileSync(file);
    // Page 3 (bytes 8192..12287 with 4096-byte pages) filled with 0xAB: a b-tree page no longer.
    bytes.fill(0xab, 8192, 12288);
    fs.writeFileSync(file, bytes);
    const e = await rejects(openState(file));
    expect(e.exitCode).toBe(4);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});
